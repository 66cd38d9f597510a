package io.spotsdk.reconcile;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.Settlement;
import io.spotsdk.internal.Calls;
import io.spotsdk.model.ListOrderStatus;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderList;
import io.spotsdk.model.OrderListLeg;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.ListStatus;
import io.spotsdk.ws.model.ListStatusOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settles unknown outcomes by asking Binance, never by resending. Binance: "the execution status is UNKNOWN
 * and could have been a success; use query methods to confirm". Which query settles which call, and with which of
 * the request's params as its key, is declared in the spec ({@code x-spot-settled-by}) and read here from the
 * generated descriptors: this class has no per-operation code. What a call creates is found by the client ids
 * the SDK gave it before the first attempt.
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
        : new StreamSettlement(b.executionReports, b.clock, b.sleeper);
  }

  /**
   * Starts a reconciler with the defaults: up to 8 queries, 200 ms doubling to 5 s between them, 1 s of clock
   * skew allowed.
   *
   * @param lookup how the spec's queries are run: {@link OrderLookup#rest} or {@link OrderLookup#ws}
   * @return a new builder
   */
  public static Builder builder(OrderLookup lookup) {
    return new Builder(lookup);
  }

  /**
   * Settles an unknown state-changing call, blocking while it queries and waits (at most the builder's bounds).
   * Which query settles it and with which params is the spec's word ({@code x-spot-settled-by}, generated into the
   * call's descriptor). For a call with several parts (cancelReplace) it returns the last part, the new order;
   * {@link #reconcileParts} and {@link #reconcileCancelReplace} give each. For an amend it returns the last part,
   * the verdict of the order's amendments (an amendment with the request's newClientOrderId and newQty is listed or
   * not), with the order as Binance reports it; {@link #reconcileParts} also gives the part {@code order}, which only
   * says whether the order is found under the id the amend gives it (its old id, when the amend reused it). For an
   * order list it returns the verdict on the list; {@link #reconcileList} adds each leg's.
   *
   * @param unknown the outcome to settle; its {@link Outcome.Unknown#request()} says what was sent
   * @return the verdict, with the order as Binance now reports it (null for a list)
   */
  public Reconciliation reconcile(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    List<Settlement> parts = Catalog.settlements(r.transport(), r.operation());
    if (parts.isEmpty()) {
      return new Reconciliation(Verdict.STILL_UNKNOWN, r.operation(), null, 0, Duration.ZERO, null,
          "the spec declares no query that settles " + r.operation() + "; check the account state by hand");
    }
    Settlement last = parts.get(parts.size() - 1);
    return last.legs() != null ? list(r, last).list() : part(r, last, new LinkedHashMap<>()).reconciliation;
  }

  /**
   * Settles every part of an unknown call on its own, in the spec's order (one part for most calls).
   *
   * @param unknown the outcome to settle
   * @return each part's verdict by the spec's part name ({@code order}, {@code list}, {@code cancel}, ...)
   */
  public Map<String, Reconciliation> reconcileParts(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    Map<String, Reconciliation> out = new LinkedHashMap<>();
    Map<String, Part> settled = new LinkedHashMap<>();
    for (Settlement s : Catalog.settlements(r.transport(), r.operation())) {
      if (s.legs() != null) {
        out.put(s.part(), list(r, s).list());
        continue;
      }
      Part p = settled.containsKey(s.part()) ? settled.get(s.part()) : part(r, s, settled);
      settled.put(s.part(), p);
      out.put(s.part(), p.reconciliation);
    }
    return out;
  }

  /**
   * Settles both halves of an unknown cancelReplace, each on its own (the call is not transactional).
   *
   * @param unknown the outcome of the cancelReplace call
   * @return the cancel's and the new order's verdicts
   * @throws IllegalArgumentException if the call's spec declares no cancel and newOrder parts
   */
  public CancelReplaceReconciliation reconcileCancelReplace(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    List<Settlement> parts = Catalog.settlements(r.transport(), r.operation());
    return new CancelReplaceReconciliation(part(r, named(parts, "cancel", r), new LinkedHashMap<>()).reconciliation,
        part(r, named(parts, "newOrder", r), new LinkedHashMap<>()).reconciliation);
  }

  /**
   * Settles an unknown order-list call per list and per leg: the list is looked up as the spec says, then each of
   * its legs by its order id (the spec's {@code legs} query). A list that is not found was not placed, and
   * neither was any leg the request named.
   *
   * @param unknown the outcome of a list placement or list cancel
   * @return the list's verdict and each leg's
   * @throws IllegalArgumentException if the call's spec declares no list settlement
   */
  public ListReconciliation reconcileList(Outcome.Unknown<?> unknown) {
    RequestRecord r = unknown.request();
    Settlement s = Catalog.settlements(r.transport(), r.operation()).stream().filter(p -> p.legs() != null)
        .findFirst().orElseThrow(() -> new IllegalArgumentException(r.operation() + " is not settled as an order list"));
    return list(r, s);
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

  private static Settlement named(List<Settlement> parts, String name, RequestRecord r) {
    return parts.stream().filter(p -> p.part().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(r.operation() + " has no '" + name + "' part to settle"));
  }

  /**
   * What one answer means: a verdict (done), or how long to wait before asking again (null: the normal
   * backoff). Judges of placements keep state across answers (how many said "not found").
   */
  private record Step(Verdict verdict, Object value, String why, Duration waitUntilWindowCloses) {
    static Step done(Verdict v, Object value, String why) {
      return new Step(v, value, why, null);
    }

    static Step again(Duration wait) {
      return new Step(null, null, null, wait);
    }
  }

  private interface Judge {
    Step judge(Outcome<?> answer, Instant now, Instant settleAfter);
  }

  /** A part's verdict and the value the last query returned (an Order, an OrderList, a list of orders). */
  private record Part(Reconciliation reconciliation, Object value) {}

  /**
   * Settles one spec-declared part: builds the query's params from the request (and from what the earlier parts its
   * key names found, settling those first into {@code settled}), then judges by the effect.
   */
  private Part part(RequestRecord r, Settlement s, Map<String, Part> settled) {
    List<Part> earlierParts = new ArrayList<>();
    for (Settlement.KeyParam k : s.key()) {
      String earlier = Settlement.fromPart(k);
      if (earlier != null && !settled.containsKey(earlier)) {
        settled.put(earlier, part(r, named(Catalog.settlements(r.transport(), r.operation()), earlier, r), settled));
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    Part missingFrom = null;
    for (Settlement.KeyParam k : s.key()) {
      String earlier = Settlement.fromPart(k);
      String v = r.param(k.from());
      if (earlier != null) {
        Part found = settled.get(earlier);
        earlierParts.add(found);
        Object f = Fields.read(found.value, k.from().substring(earlier.length() + 1));
        v = f == null ? null : f.toString();
        if (v == null && !params.containsKey(k.param())) {
          missingFrom = found;
        }
      }
      if (v != null) {
        params.putIfAbsent(k.param(), v);
      }
    }
    if (missingFrom != null && !params.keySet().containsAll(s.key().stream().map(Settlement.KeyParam::param).toList())) {
      return unkeyed(s, missingFrom);
    }
    Part p = judged(r, s, params);
    Order known = earlierParts.stream().map(x -> x.value instanceof Order o ? o : null).filter(Objects::nonNull)
        .reduce((a, b) -> b).orElse(null);
    if (p.reconciliation.order() == null && known != null) {
      // what the part found (an amendment) is not the order; the earlier part read the order as Binance reports it
      Reconciliation c = p.reconciliation;
      return new Part(new Reconciliation(c.verdict(), c.subject(), known, c.queries(), c.took(), c.lastAnswer(),
          c.explanation()), p.value);
    }
    return p;
  }

  /**
   * A part whose key comes from an earlier part that found nothing: if that one settled as not executed (what the
   * call makes is not there), neither is this; otherwise it stays unknown.
   */
  private static Part unkeyed(Settlement s, Part earlier) {
    Reconciliation e = earlier.reconciliation;
    Verdict v = e.verdict() == Verdict.NOT_EXECUTED ? Verdict.NOT_EXECUTED : Verdict.STILL_UNKNOWN;
    return new Part(new Reconciliation(v, e.subject(), null, e.queries(), e.took(), e.lastAnswer(),
        "the key of " + s.operation() + " comes from what an earlier part found, and it found nothing: "
            + e.explanation()), null);
  }

  private Part judged(RequestRecord r, Settlement s, Map<String, String> params) {
    String operation = Catalog.on(lookup.transport(), s.operation(), r.transport());
    String clientOrderId = params.get("origClientOrderId");
    if (stream != null && s.effect() == Settlement.Effect.EXISTS && clientOrderId != null) {
      // the user data stream first: an executionReport (a listStatus for a list) settles it without a query
      StreamSettlement.Result byStream = stream.placement(r, clientOrderId, s.legs() != null,
          settleAfter(r, clock.instant()), () -> lookup.query(operation, params));
      if (byStream != null) {
        return new Part(byStream.reconciliation(), byStream.value());
      }
    }
    Judge judge = switch (s.effect()) {
      case EXISTS -> exists();
      case CANCELED -> canceled();
      case NONE_OPEN -> noneOpen();
      case LISTED -> listed(r, s.match());
    };
    return settle(r, subject(s, params), operation, params, judge);
  }

  private static String subject(Settlement s, Map<String, String> params) {
    if (s.effect() != Settlement.Effect.EXISTS) {
      for (String id : List.of("orderId", "orderListId")) {
        if (params.get(id) != null) {
          return id + " " + params.get(id);
        }
      }
    }
    return params.entrySet().stream().filter(e -> !e.getKey().equals("symbol")).map(Map.Entry::getValue).findFirst()
        .orElse(params.getOrDefault("symbol", "?"));
  }

  /** The call executed if the query finds what it created; it did not once it is missing twice, the last after the window. */
  private static Judge exists() {
    int[] notFound = {0};
    return (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<?> s && s.value() != null) {
        return Step.done(Verdict.EXECUTED, s.value(), s.value() instanceof OrderList ? "Binance reports the list"
            : "Binance reports the order");
      }
      if (isNotFound(answer)) {
        notFound[0]++;
        if (!now.isBefore(settleAfter)) {
          return notFound[0] >= 2 ? Step.done(Verdict.NOT_EXECUTED, null, "not found by " + notFound[0]
              + " queries, the last after the request window closed at " + settleAfter) : Step.again(null);
        }
        return Step.again(Duration.between(now, settleAfter));
      }
      return Step.again(null);
    };
  }

  /**
   * A cancel executed if the target is CANCELED (a list: ALL_DONE, then its legs tell); it did not if the target
   * ended otherwise or is still open after the window. Which statuses are final is the spec's word
   * ({@code x-spot-terminal}); a status this version does not know proves nothing, so it is asked about again and
   * may end STILL_UNKNOWN.
   */
  private static Judge canceled() {
    return (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<?> s && s.value() instanceof Order o) {
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
        return stillOpen(o, "the order is still " + status, now, settleAfter);
      }
      if (answer instanceof Outcome.Success<?> s && s.value() instanceof OrderList l) {
        ListOrderStatus status = l.listOrderStatus();
        if (status == null || !status.isRecognized()) {
          return Step.again(null);
        }
        if (status.isTerminal()) {
          return Step.done(Verdict.EXECUTED, l, "the list is " + status + "; its legs tell whether it was canceled");
        }
        return stillOpen(l, "the list is still " + status, now, settleAfter);
      }
      if (isNotFound(answer)) {
        return Step.done(Verdict.NOT_EXECUTED, null, "the target does not exist, so nothing was canceled");
      }
      return Step.again(null);
    };
  }

  /** A cancel-all executed once the symbol has no open order; orders still open after the window say it did not. */
  private static Judge noneOpen() {
    return (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<?> s && s.value() instanceof List<?> open) {
        if (open.isEmpty()) {
          return Step.done(Verdict.EXECUTED, open, "no order is open any more");
        }
        return stillOpen(open, open.size() + " orders are still open", now, settleAfter);
      }
      return Step.again(null);
    };
  }

  /**
   * The call executed if the answer lists an entry with the request's values in the match fields (an amendment
   * with the amend's newClientOrderId and newQty); it did not once two answers do not list it, the last after the
   * window. An answer of "no such order" lists nothing.
   */
  private static Judge listed(RequestRecord r, List<Settlement.KeyParam> match) {
    int[] notListed = {0};
    return (answer, now, settleAfter) -> {
      boolean listsNothing = isNotFound(answer);
      if (answer instanceof Outcome.Success<?> s && s.value() instanceof List<?> entries) {
        for (Object entry : entries) {
          if (Fields.matches(entry, match, r::param)) {
            return Step.done(Verdict.EXECUTED, entry, "Binance lists it: " + entry);
          }
        }
        listsNothing = true;
      }
      if (listsNothing) {
        notListed[0]++;
        if (!now.isBefore(settleAfter)) {
          return notListed[0] >= 2 ? Step.done(Verdict.NOT_EXECUTED, null, "not listed by " + notListed[0]
              + " answers, the last after the request window closed at " + settleAfter) : Step.again(null);
        }
        return Step.again(Duration.between(now, settleAfter));
      }
      return Step.again(null);
    };
  }

  private static Step stillOpen(Object value, String state, Instant now, Instant settleAfter) {
    if (!now.isBefore(settleAfter)) {
      return Step.done(Verdict.NOT_EXECUTED, value, state + " after the request window closed");
    }
    return Step.again(Duration.between(now, settleAfter));
  }

  /** The list's verdict, then each leg's: from the list Binance reports, or from the ids the request named. */
  private ListReconciliation list(RequestRecord r, Settlement s) {
    Part p = part(r, s, new LinkedHashMap<>());
    Reconciliation listVerdict = p.reconciliation;
    if (p.value instanceof ListStatus event) {
      return listByStream(r, s, listVerdict, event);
    }
    if (!(p.value instanceof OrderList ol)) {
      List<LegReconciliation> legs = new ArrayList<>();
      Verdict legVerdict = listVerdict.verdict() == Verdict.NOT_EXECUTED && s.effect() == Settlement.Effect.EXISTS
          ? Verdict.NOT_EXECUTED : Verdict.STILL_UNKNOWN;
      for (String idParam : requestedLegIds(r, s)) {
        legs.add(new LegReconciliation(r.param(idParam), null, legVerdict, null, "the list: " + listVerdict.explanation()));
      }
      return new ListReconciliation(listVerdict, null, legs);
    }
    String legOperation = Catalog.on(lookup.transport(), s.legs(), r.transport());
    List<LegReconciliation> legs = new ArrayList<>();
    for (OrderListLeg leg : ol.orders() == null ? List.<OrderListLeg>of() : ol.orders()) {
      String symbol = leg.symbol() != null ? leg.symbol() : ol.symbol() != null ? ol.symbol() : r.symbol();
      legs.add(leg(r, legOperation, symbol, leg.orderId(), leg.clientOrderId()));
    }
    if (s.effect() == Settlement.Effect.CANCELED && listVerdict.executed()) {
      boolean anyCanceled = legs.stream().anyMatch(l -> l.order() != null && l.order().status() == OrderStatus.CANCELED);
      listVerdict = new Reconciliation(anyCanceled ? Verdict.EXECUTED : Verdict.NOT_EXECUTED, listVerdict.subject(), null,
          listVerdict.queries(), listVerdict.took(), listVerdict.lastAnswer(),
          anyCanceled ? "the list is done with canceled legs" : "the list ended without a canceled leg: it was not canceled");
    }
    return new ListReconciliation(listVerdict, ol, legs);
  }

  /** The leg ids the request created (its client-id params, but for the list's own). */
  private static List<String> requestedLegIds(RequestRecord r, Settlement s) {
    CallDescriptor<?> c = Catalog.call(r.transport(), r.operation());
    List<String> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    for (String id : c.clientIdParams()) {
      boolean isListKey = s.key().stream().anyMatch(k -> k.from().equals(id));
      if (!isListKey && r.param(id) != null) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * A list the user data stream reported placed: each leg it names is settled by its own executionReport when one
   * was seen (no query), else by the spec's leg query.
   */
  private ListReconciliation listByStream(RequestRecord r, Settlement s, Reconciliation listVerdict, ListStatus event) {
    String legOperation = Catalog.on(lookup.transport(), s.legs(), r.transport());
    List<LegReconciliation> legs = new ArrayList<>();
    for (ListStatusOrder leg : event.orders() == null ? List.<ListStatusOrder>of() : event.orders()) {
      String symbol = leg.symbol() != null ? leg.symbol() : event.symbol() != null ? event.symbol() : r.symbol();
      var report = symbol == null || leg.clientOrderId() == null ? java.util.Optional.<ExecutionReport>empty()
          : stream.report(symbol, leg.clientOrderId());
      if (report.isPresent()) {
        Reconciliation v = stream.legOrOrder(report.get(), leg.clientOrderId(), Duration.ZERO);
        legs.add(new LegReconciliation(leg.clientOrderId(), leg.orderId(), v.verdict(), null, v.explanation()));
      } else {
        legs.add(leg(r, legOperation, symbol, leg.orderId(), leg.clientOrderId()));
      }
    }
    return new ListReconciliation(listVerdict, null, legs);
  }

  /** One leg: it exists (with its status) or not; a leg the list names but no query finds stays unknown. */
  private LegReconciliation leg(RequestRecord r, String operation, String symbol, Long orderId, String clientOrderId) {
    Map<String, String> params = new LinkedHashMap<>();
    if (symbol != null) {
      params.put("symbol", symbol);
    }
    if (orderId != null) {
      params.put("orderId", orderId.toString());
    } else if (clientOrderId != null) {
      params.put("origClientOrderId", clientOrderId);
    }
    Part p = settle(r, clientOrderId, operation, params, (answer, now, settleAfter) -> {
      if (answer instanceof Outcome.Success<?> s && s.value() instanceof Order o) {
        if (o.status() == OrderStatus.REJECTED) {
          return Step.done(Verdict.NOT_EXECUTED, o, "the leg was refused (REJECTED)");
        }
        return Step.done(Verdict.EXECUTED, o, "the leg is " + o.status());
      }
      if (isNotFound(answer)) {
        return Step.done(Verdict.STILL_UNKNOWN, null, "the list names the leg but Binance does not find it");
      }
      return Step.again(null);
    });
    Order o = p.value instanceof Order order ? order : null;
    return new LegReconciliation(clientOrderId, orderId, p.reconciliation.verdict(), o,
        p.reconciliation.explanation());
  }

  /** Asks until the judge gives a verdict, waiting as it says (or backing off, or as a 429 says), at most maxQueries. */
  private Part settle(RequestRecord r, String subject, String operation, Map<String, String> params, Judge judge) {
    Instant start = clock.instant();
    Instant settleAfter = settleAfter(r, start);
    for (int queries = 1; ; queries++) {
      Outcome<?> answer = lookup.query(operation, params);
      Step step = judge.judge(answer, clock.instant(), settleAfter);
      if (step.verdict() != null) {
        Order order = step.value() instanceof Order o ? o : null;
        return new Part(done(step.verdict(), subject, order, queries, start, answer, step.why()), step.value());
      }
      if (queries >= maxQueries) {
        return new Part(done(Verdict.STILL_UNKNOWN, subject, null, queries, start, answer,
            "the queries did not settle it: last answer " + answer.getClass().getSimpleName()), null);
      }
      Duration wait = step.waitUntilWindowCloses() != null ? step.waitUntilWindowCloses()
          : answer instanceof Outcome.RateLimited<?> rl && rl.retryAfter() != null ? rl.retryAfter()
          : backoff.backoff(queries);
      if (!pause(wait)) {
        return new Part(done(Verdict.STILL_UNKNOWN, subject, null, queries, start, answer, "interrupted"), null);
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

  static boolean isNotFound(Outcome<?> o) {
    return o instanceof Outcome.Rejected<?> rej && rej.details().code() != null
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

  private Reconciliation done(Verdict v, String subject, Order order, int queries, Instant start, Outcome<?> last,
      String why) {
    return new Reconciliation(v, subject, order, queries, Duration.between(start, clock.instant()), last, why);
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
