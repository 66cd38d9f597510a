package io.spotsdk.reconcile;

import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.rest.api.TradeApi;
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
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxQueries;
  private final Duration skewAllowance;

  private Reconciler(Builder b) {
    this.lookup = b.lookup;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxQueries = b.maxQueries;
    this.skewAllowance = b.skewAllowance;
  }

  public static Builder builder(OrderLookup lookup) {
    return new Builder(lookup);
  }

  /** Settles an unknown placement or cancel. For cancelReplace see {@link #reconcileCancelReplace}. */
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

  /** Settles both halves of an unknown cancelReplace. */
  public CancelReplaceReconciliation reconcileCancelReplace(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    Reconciliation cancel = cancel(r, parseLong(r.param("cancelOrderId")), r.param("cancelOrigClientOrderId"));
    Reconciliation placed = placement(r, r.newClientOrderId());
    return new CancelReplaceReconciliation(cancel, placed);
  }

  /** Places and, if the outcome is unknown, reconciles at once. */
  public Settled placeAndReconcile(Supplier<Outcome<Order>> place) {
    Outcome<Order> o = place.get();
    if (o instanceof Outcome.Unknown<Order> u) {
      return new Settled(o, reconcile(u));
    }
    return new Settled(o, null);
  }

  private Reconciliation placement(RequestRecord r, String clientOrderId) {
    Instant start = clock.instant();
    Instant settleAfter = settleAfter(r, start);
    Duration backoff = initialBackoff;
    int queries = 0;
    int notFound = 0;
    Outcome<Order> last = null;
    while (true) {
      last = lookup.query(r.symbol(), null, clientOrderId);
      queries++;
      Instant now = clock.instant();
      Duration wait = backoff;
      if (last instanceof Outcome.Success<Order> s && s.value() != null) {
        return done(Verdict.EXECUTED, clientOrderId, s.value(), queries, start, last, "Binance reports the order");
      } else if (isNoSuchOrder(last)) {
        notFound++;
        if (notFound >= 2 && !now.isBefore(settleAfter)) {
          return done(Verdict.NOT_EXECUTED, clientOrderId, null, queries, start, last,
              "not found by " + notFound + " queries, the last after the request window closed at " + settleAfter);
        }
        if (now.isBefore(settleAfter)) {
          wait = Duration.between(now, settleAfter);
        }
      } else if (last instanceof Outcome.RateLimited<Order> rl && rl.retryAfter() != null) {
        wait = rl.retryAfter();
      }
      if (queries >= maxQueries) {
        return done(Verdict.STILL_UNKNOWN, clientOrderId, null, queries, start, last,
            "the queries did not settle it: last answer " + last.getClass().getSimpleName());
      }
      if (!pause(wait)) {
        return done(Verdict.STILL_UNKNOWN, clientOrderId, null, queries, start, last, "interrupted");
      }
      backoff = min(backoff.multipliedBy(2), maxBackoff);
    }
  }

  private Reconciliation cancel(RequestRecord r, Long orderId, String origClientOrderId) {
    Instant start = clock.instant();
    Instant settleAfter = settleAfter(r, start);
    String subject = orderId != null ? "orderId " + orderId : origClientOrderId;
    Duration backoff = initialBackoff;
    int queries = 0;
    Outcome<Order> last;
    while (true) {
      last = lookup.query(r.symbol(), orderId, origClientOrderId);
      queries++;
      Instant now = clock.instant();
      Duration wait = backoff;
      if (last instanceof Outcome.Success<Order> s && s.value() != null) {
        Order o = s.value();
        if (o.status() == OrderStatus.CANCELED) {
          return done(Verdict.EXECUTED, subject, o, queries, start, last, "the order is CANCELED");
        }
        boolean open = o.status() == OrderStatus.NEW || o.status() == OrderStatus.PARTIALLY_FILLED
            || o.status() == OrderStatus.PENDING_NEW || o.status() == OrderStatus.PENDING_CANCEL;
        if (!open) {
          return done(Verdict.NOT_EXECUTED, subject, o, queries, start, last, "the order ended otherwise: " + o.status());
        }
        if (!now.isBefore(settleAfter)) {
          return done(Verdict.NOT_EXECUTED, subject, o, queries, start, last,
              "the order is still " + o.status() + " after the request window closed");
        }
        wait = Duration.between(now, settleAfter);
      } else if (isNoSuchOrder(last)) {
        return done(Verdict.NOT_EXECUTED, subject, null, queries, start, last, "the order does not exist, so nothing was canceled");
      } else if (last instanceof Outcome.RateLimited<Order> rl && rl.retryAfter() != null) {
        wait = rl.retryAfter();
      }
      if (queries >= maxQueries) {
        return done(Verdict.STILL_UNKNOWN, subject, null, queries, start, last,
            "the queries did not settle it: last answer " + last.getClass().getSimpleName());
      }
      if (!pause(wait)) {
        return done(Verdict.STILL_UNKNOWN, subject, null, queries, start, last, "interrupted");
      }
      backoff = min(backoff.multipliedBy(2), maxBackoff);
    }
  }

  private Instant settleAfter(RequestRecord r, Instant now) {
    Instant deadline = r.acceptDeadline();
    // An unsigned record has no window; fall back to Binance's maximum recvWindow after it was sent.
    if (deadline == null) {
      deadline = (r.sentAt() != null ? r.sentAt() : now).plusSeconds(60);
    }
    return deadline.plus(skewAllowance);
  }

  private static boolean isNoSuchOrder(Outcome<Order> o) {
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

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  public static final class Builder {
    private final OrderLookup lookup;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private int maxQueries = 8;
    private Duration skewAllowance = Duration.ofSeconds(1);

    private Builder(OrderLookup lookup) {
      this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper);
      return this;
    }

    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    public Builder maxBackoff(Duration d) {
      this.maxBackoff = Objects.requireNonNull(d);
      return this;
    }

    /** Queries per reconciliation before answering STILL_UNKNOWN. */
    public Builder maxQueries(int n) {
      if (n < 2) {
        throw new IllegalArgumentException("maxQueries must be >= 2: not executed needs two answers");
      }
      this.maxQueries = n;
      return this;
    }

    /**
     * How far Binance's clock may run behind ours. Binance accepts a request until its own clock passes
     * timestamp + recvWindow, so "not executed" waits this much longer.
     */
    public Builder skewAllowance(Duration d) {
      this.skewAllowance = Objects.requireNonNull(d);
      return this;
    }

    public Reconciler build() {
      return new Reconciler(this);
    }
  }
}
