package io.spotsdk.reconcile;

import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.Calls;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.ws.api.WsMethods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settles unknown outcomes by asking Binance, never by resending. Binance: "the execution status is UNKNOWN
 * and could have been a success; use query methods to confirm". An order is found by the client order id the
 * SDK gave it before the first attempt.
 *
 * <p>"Not executed" is claimed only when the request can no longer be accepted (its {@code timestamp +
 * recvWindow}, plus an allowance for clock skew, has passed) and repeated queries still do not find it.
 */
public final class Reconciler {
  /** Binance NO_SUCH_ORDER: "Order does not exist." */
  static final int NO_SUCH_ORDER = -2013;

  private final OrderLookup lookup;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RetryPolicy backoff;
  private final int maxQueries;
  private final Duration skewAllowance;
  private final StreamSettlement stream;

  private Reconciler(Builder b) {
    this.lookup = b.lookup;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    // RetryPolicy's backoff, doubling without jitter: a reconciliation's waits are exact and testable.
    this.backoff = RetryPolicy.builder().initialBackoff(b.initialBackoff).maxBackoff(b.maxBackoff).multiplier(2)
        .jitter(0).build();
    this.maxQueries = b.maxQueries;
    this.skewAllowance = b.skewAllowance;
    this.stream = b.executionReports == null ? null
        : new StreamSettlement(b.executionReports, b.lookup, b.clock, b.sleeper);
  }

  /**
   * Starts a reconciler with the defaults: up to 8 queries, 200 ms doubling to 5 s between them, 1 s of clock
   * skew allowed.
   *
   * @param lookup how orders are queried: {@link OrderLookup#rest} or {@link OrderLookup#ws}
   * @return a new builder
   */
  public static Builder builder(OrderLookup lookup) {
    return new Builder(lookup);
  }

  /**
   * Settles an unknown placement or cancel, blocking while it queries and waits (at most the builder's bounds).
   * For cancelReplace it returns the new order's half; {@link #reconcileCancelReplace} gives both.
   *
   * @param unknown the outcome to settle; its {@link Outcome.Unknown#request()} says what was sent
   * @return the verdict, with the order as Binance now reports it
   */
  public Reconciliation reconcile(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    String op = restName(r.operation());
    if (TradeApi.NEW_ORDER.name().equals(op)) {
      return placement(r, r.newClientOrderId());
    }
    if (TradeApi.CANCEL_ORDER.name().equals(op)) {
      return cancel(r, parseLong(r.param("orderId")), r.param("origClientOrderId"));
    }
    if (TradeApi.CANCEL_REPLACE_ORDER.name().equals(op)) {
      return reconcileCancelReplace(unknown).newOrder();
    }
    return new Reconciliation(Verdict.STILL_UNKNOWN, op, null, 0, Duration.ZERO, null,
        "no order query settles " + r.operation() + "; check the account state by hand");
  }

  /**
   * Settles both halves of an unknown cancelReplace, each on its own.
   *
   * @param unknown the outcome of the cancelReplace call
   * @return the cancel's and the new order's verdicts
   */
  public CancelReplaceReconciliation reconcileCancelReplace(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    Reconciliation cancel = cancel(r, parseLong(r.param("cancelOrderId")), r.param("cancelOrigClientOrderId"));
    Reconciliation placed = placement(r, r.newClientOrderId());
    return new CancelReplaceReconciliation(cancel, placed);
  }

  /**
   * Places and, if the outcome is unknown, reconciles at once.
   *
   * @param place the placement call, e.g. {@code () -> client.trade().newOrder(request)}
   * @return the placement's outcome, with its reconciliation when it was unknown
   */
  public Settled placeAndReconcile(Supplier<Outcome<Order>> place) {
    Outcome<Order> o = place.get();
    if (o instanceof Outcome.Unknown<Order> u) {
      return new Settled(o, reconcile(u));
    }
    return new Settled(o, null);
  }

  /**
   * What one answer means: a verdict (done), or how long to wait before asking again (null: the normal
   * backoff). Judges of placements keep state across answers (how many said "no such order").
   */
  private record Step(Verdict verdict, Order order, String why, Duration waitUntilWindowCloses) {
    static Step done(Verdict v, Order order, String why) {
      return new Step(v, order, why, null);
    }

    static Step again(Duration wait) {
      return new Step(null, null, null, wait);
    }
  }

  private interface Judge {
    Step judge(Outcome<Order> answer, Instant now, Instant settleAfter);
  }

  /** A placement executed if the order exists; it did not once it is missing twice, the last after the window. */
  private Reconciliation placement(RequestRecord r, String clientOrderId) {
    if (stream != null) {
      Reconciliation byStream = stream.placement(r, clientOrderId, settleAfter(r, clock.instant()));
      if (byStream != null) {
        return byStream;
      }
    }
    int[] notFound = {0};
    return settle(r, clientOrderId, null, clientOrderId, (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<Order> s && s.value() != null) {
        return Step.done(Verdict.EXECUTED, s.value(), "Binance reports the order");
      }
      if (isNoSuchOrder(answer)) {
        notFound[0]++;
        if (!now.isBefore(settleAfter)) {
          return notFound[0] >= 2 ? Step.done(Verdict.NOT_EXECUTED, null, "not found by " + notFound[0]
              + " queries, the last after the request window closed at " + settleAfter) : Step.again(null);
        }
        return Step.again(Duration.between(now, settleAfter));
      }
      return Step.again(null);
    });
  }

  /**
   * A cancel executed if the order is CANCELED; it did not if the order ended otherwise or is still open after
   * the window. Which statuses are final is the spec's word ({@code x-spot-terminal}); a status this version
   * does not know proves nothing, so it is asked about again and may end STILL_UNKNOWN.
   */
  private Reconciliation cancel(RequestRecord r, Long orderId, String origClientOrderId) {
    String subject = orderId != null ? "orderId " + orderId : origClientOrderId;
    return settle(r, subject, orderId, origClientOrderId, (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<Order> s && s.value() != null) {
        Order o = s.value();
        OrderStatus status = o.status();
        if (status == null || !status.isRecognized()) {
          return Step.again(null);
        }
        if (status == OrderStatus.CANCELED) {
          return Step.done(Verdict.EXECUTED, o, "the order is CANCELED");
        }
        if (status.isTerminal()) {
          return Step.done(Verdict.NOT_EXECUTED, o, "the order ended otherwise: " + status);
        }
        if (!now.isBefore(settleAfter)) {
          return Step.done(Verdict.NOT_EXECUTED, o, "the order is still " + o.status() + " after the request window closed");
        }
        return Step.again(Duration.between(now, settleAfter));
      }
      if (isNoSuchOrder(answer)) {
        return Step.done(Verdict.NOT_EXECUTED, null, "the order does not exist, so nothing was canceled");
      }
      return Step.again(null);
    });
  }

  /** Asks until the judge gives a verdict, waiting as it says (or backing off, or as a 429 says), at most maxQueries. */
  private Reconciliation settle(RequestRecord r, String subject, Long orderId, String clientOrderId, Judge judge) {
    Instant start = clock.instant();
    Instant settleAfter = settleAfter(r, start);
    for (int queries = 1; ; queries++) {
      Outcome<Order> answer = lookup.query(r.symbol(), orderId, clientOrderId);
      Step step = judge.judge(answer, clock.instant(), settleAfter);
      if (step.verdict() != null) {
        return done(step.verdict(), subject, step.order(), queries, start, answer, step.why());
      }
      if (queries >= maxQueries) {
        return done(Verdict.STILL_UNKNOWN, subject, null, queries, start, answer,
            "the queries did not settle it: last answer " + answer.getClass().getSimpleName());
      }
      Duration wait = step.waitUntilWindowCloses() != null ? step.waitUntilWindowCloses()
          : answer instanceof Outcome.RateLimited<Order> rl && rl.retryAfter() != null ? rl.retryAfter()
          : backoff.backoff(queries);
      if (!pause(wait)) {
        return done(Verdict.STILL_UNKNOWN, subject, null, queries, start, answer, "interrupted");
      }
    }
  }

  private Instant settleAfter(RequestRecord r, Instant now) {
    Instant deadline = r.acceptDeadline();
    // An unsigned record has no window; fall back to Binance's maximum recvWindow after it was sent.
    if (deadline == null) {
      deadline = (r.sentAt() != null ? r.sentAt() : now).plusMillis(Calls.MAX_RECV_WINDOW_MILLIS);
    }
    return deadline.plus(skewAllowance);
  }

  static boolean isNoSuchOrder(Outcome<Order> o) {
    return o instanceof Outcome.Rejected<Order> rej && rej.details().code() != null
        && rej.details().code() == NO_SUCH_ORDER;
  }

  private boolean pause(Duration d) {
    try {
      sleeper.sleep(d);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Reconciliation done(Verdict v, String subject, Order order, int queries, Instant start, Outcome<Order> last,
      String why) {
    return new Reconciliation(v, subject, order, queries, Duration.between(start, clock.instant()), last, why);
  }

  /** The REST name of a WebSocket method (via its spec-declared twin), or the name itself. */
  private static String restName(String operation) {
    for (WsMethodDescriptor<?> m : WsMethods.ALL) {
      if (m.method().equals(operation) && m.restTwin() != null) {
        return m.restTwin();
      }
    }
    return operation;
  }

  private static Long parseLong(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Long.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Sets how patiently a {@link Reconciler} queries before it answers. */
  public static final class Builder {
    private final OrderLookup lookup;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private int maxQueries = 8;
    private Duration skewAllowance = Duration.ofSeconds(1);
    private ExecutionReports executionReports;

    private Builder(OrderLookup lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    /**
     * The clock that tells when a request's window has passed; inject one in tests.
     *
     * @param clock the system UTC clock unless set
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * How the reconciler waits between queries; inject one in tests.
     *
     * @param sleeper {@link Sleeper#SYSTEM} unless set
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    /**
     * The wait after the first query that did not settle the outcome (default 200 ms); it doubles from there.
     *
     * @param d the first wait
     * @return this builder
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * The longest wait between two queries (default 5 s).
     *
     * @param d the cap on one wait
     * @return this builder
     */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Queries per reconciliation before answering STILL_UNKNOWN (default 8).
     *
     * @param n at least 2, as "not executed" needs two answers
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is below 2
     */
    public Builder maxQueries(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("maxQueries must be >= 2: not executed needs two answers");
      }
      this.maxQueries = n;
      return this;
    }

    /**
     * How far Binance's clock may run behind ours. Binance accepts a request until its own clock passes
     * timestamp + recvWindow, so "not executed" waits this much longer (default 1 s).
     *
     * @param d the allowance
     * @return this builder
     */
    public Builder skewAllowance(Duration d) {
      this.skewAllowance = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Consults the user data stream before querying: an executionReport for the order's client order id settles
     * an unknown placement as EXECUTED at once, with no query; when the stream was watched without a gap and no
     * report came by the end of the request window, one query confirms NOT_EXECUTED.
     *
     * @param reports e.g. {@code ws.userDataStream().executionReports()}; none unless set
     * @return this builder
     */
    public Builder executionReports(ExecutionReports reports) {
      this.executionReports = Objects.requireNonNull(reports);
      return this;
    }

    /**
     * Makes the reconciler.
     *
     * @return the reconciler
     */
    public Reconciler build() {
      return new Reconciler(this);
    }
  }
}
