package io.spotsdk.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.AmendResult;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.model.CancelReplaceResult;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderList;
import io.spotsdk.model.OrderListLeg;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.OrderOrError;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.reconcile.CancelReplaceReconciliation;
import io.spotsdk.reconcile.LegReconciliation;
import io.spotsdk.reconcile.ListReconciliation;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testkit.Fault;
import io.spotsdk.testkit.Ledger;
import io.spotsdk.testkit.Match;
import io.spotsdk.testkit.SimConfig;
import io.spotsdk.testkit.SimLimits;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.userdata.UserDataEvent;
import io.spotsdk.userdata.UserDataGap;
import io.spotsdk.userdata.UserDataListener;
import io.spotsdk.userdata.UserDataSubscription;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.api.OrderAmendKeepPriorityParams;
import io.spotsdk.ws.api.OrderCancelParams;
import io.spotsdk.ws.api.OrderCancelReplaceParams;
import io.spotsdk.ws.api.OrderListPlaceOcoParams;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 2,000 randomized placements, cancels, cancelReplaces, OCO lists and amends over REST and the WebSocket API, by
 * two accounts on one IP, with faults injected into at least 30% of them. Unknown outcomes are settled by the
 * Reconciler from the spec's x-spot-settled-by (lists per list and per leg). One account keeps a user data stream
 * subscription and its reconcilers consult it first, so its unknown placements (REST or WS) are settled by their
 * executionReport or listStatus without a query where one was seen; the other account settles by queries only.
 * Both ways must be used (counted on the {@code chaos: settled by} line). Afterwards, the SDK's view of every order (after reconciliation) must equal the
 * simulator's ledger: no duplicates, nothing believed not executed that executed, every future completed, and
 * not one request sent during a ban.
 */
class ChaosTest {
  static final String KEY = "chaosKey0000000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "chaosSecret000000000000000000000000000000000000000000000000000001";
  static final int OPERATIONS = Integer.getInteger("chaos.operations", 2000);
  static final long SEED = Long.getLong("chaos.seed", 20261121L);

  enum Belief { EXECUTED, NOT_EXECUTED, STILL_UNKNOWN }

  static final String STREAMED_KEY = "chaosKey0000000000000000000000000000000000000000000000000000000002";
  static final String STREAMED_SECRET = "chaosSecret000000000000000000000000000000000000000000000000000002";

  final Map<String, Integer> outcomes = new TreeMap<>();
  final Map<String, Integer> verdicts = new TreeMap<>();
  final AtomicInteger completed = new AtomicInteger();
  /** Unknowns settled without a query (an executionReport or listStatus on the user data stream) or by queries. */
  final Map<String, Integer> settledBy = new TreeMap<>();

  @Test
  void theSdkViewMatchesTheLedgerAfterChaos() {
    SimConfig config = SimConfig.defaults().withBanDuration(Duration.ofMillis(300)).withNoReplyHold(Duration.ofSeconds(2))
        .withInjectedRetryAfter(Duration.ofMillis(200))
        .withLimits(SimLimits.defaults().withWeightPerMinute(1_000_000).withOrdersPer10s(1_000_000).withOrdersPerDay(10_000_000));
    try (SpotSimulator sim = SpotSimulator.start(config)) {
      sim.addHmacAccount(KEY, SECRET);
      List<Fault> faults = new ArrayList<>();
      for (Fault f : List.of(Fault.EXECUTE_THEN_500, Fault.EXECUTE_THEN_503_HTML, Fault.EXECUTE_THEN_1007, Fault.EXECUTE_THEN_1006,
          Fault.EXECUTE_THEN_DROP, Fault.EXECUTE_THEN_FIN, Fault.EXECUTE_THEN_RST, Fault.EXECUTE_THEN_NO_REPLY, Fault.NO_EXECUTE_500, Fault.WAF_403_HTML, Fault.PARTIAL_409)) {
        faults.add(f);
        faults.add(f);
        faults.add(f);
      }
      faults.add(Fault.RATE_LIMIT_429);
      faults.add(Fault.BAN_418);
      sim.faults().random(SEED, 0.40, Match.anyOrderMutation(), faults);

      Environment env = Environment.custom(sim.restBaseUri(), sim.wsApiUri());
      // the simulator's bans last 300 ms, not Binance's 2 minutes at least; one gate: both accounts share the IP
      RateLimitGate gate = RateLimitGate.builder().maxWait(Duration.ofSeconds(5)).banFloor(config.banDuration()).build();
      sim.addHmacAccount(STREAMED_KEY, STREAMED_SECRET);
      long t0 = System.nanoTime();
      try (Account queried = new Account("queried", Credentials.hmac(KEY, SECRET), env, gate, false);
          Account streamed = new Account("streamed", Credentials.hmac(STREAMED_KEY, STREAMED_SECRET), env, gate, true)) {
        assertTrue(queried.rest.market().exchangeInfo().isSuccess(), "the gate learns the limits");
        streamed.subscribe();
        Random rnd = new Random(SEED);
        for (int i = 0; i < OPERATIONS; i++) {
          Account a = rnd.nextBoolean() ? streamed : queried;
          a.operate(rnd);
          completed.incrementAndGet();
          streamed.resubscribeIfEnded();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        check(sim.ledger(), ms, List.of(queried, streamed));
      }
    }
  }

  /**
   * One account with its REST and WebSocket API clients. The streamed one keeps a user data stream subscription on
   * its WebSocket client, and both its reconcilers consult it first: its unknowns (over REST or WS) are settled by
   * events where they can be, the queried account's always by queries.
   */
  final class Account implements AutoCloseable {
    final String name;
    final String key;
    final boolean streamed;
    final SpotRestClient rest;
    final SpotWsApiClient ws;
    final Reconciler overRest;
    final Reconciler overWs;
    final Map<String, Belief> placed = new LinkedHashMap<>();     // by clientOrderId
    final Map<Long, Belief> canceled = new LinkedHashMap<>();     // by orderId: did a cancel take effect
    final List<Long> open = new ArrayList<>();                    // plain orders we believe open
    final Map<Long, String> cidOf = new HashMap<>();              // orderId -> the client order id we believe it has
    final Set<Long> amended = new HashSet<>();                    // orders an amend was tried on (quantity only goes down once)
    int amendsLeftUnknown;
    final AtomicInteger events = new AtomicInteger();
    final AtomicInteger gaps = new AtomicInteger();
    int subscriptions;
    UserDataSubscription subscription;

    Account(String name, Credentials creds, Environment env, RateLimitGate gate, boolean streamed) {
      this.name = name;
      this.key = creds.apiKey();
      this.streamed = streamed;
      BigDecimal recvWindow = new BigDecimal("250");
      this.rest = SpotRestClient.builder().environment(env).credentials(creds).rateLimitGate(gate)
          .readTimeout(Duration.ofMillis(400)).recvWindow(recvWindow).build();
      this.ws = SpotWsApiClient.builder().environment(env).credentials(creds).rateLimitGate(gate)
          .requestTimeout(Duration.ofMillis(400)).recvWindow(recvWindow).retryPolicy(RetryPolicy.defaults()).connect();
      this.overRest = reconciler(OrderLookup.rest(rest));
      this.overWs = reconciler(OrderLookup.ws(ws));
    }

    Reconciler reconciler(OrderLookup lookup) {
      Reconciler.Builder b = Reconciler.builder(lookup).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
          .skewAllowance(Duration.ofMillis(50)).maxQueries(10);
      return (streamed ? b.executionReports(ws.userDataStream().executionReports()) : b).build();
    }

    /** Subscribes on the WebSocket client; the client resubscribes by itself on every new connection. */
    void subscribe() {
      subscriptions++;
      subscription = ws.userDataStream().subscribe(new UserDataListener() {
        @Override
        public void onEvent(UserDataEvent event) {
          events.incrementAndGet();
        }

        @Override
        public void onGap(UserDataGap gap) {
          gaps.incrementAndGet();
        }
      }).orTimeout(30, TimeUnit.SECONDS).join().orThrow();
    }

    /** A resubscribe that failed (e.g. refused while banned) ends the subscription: take a new one. */
    void resubscribeIfEnded() {
      if (streamed && !subscription.isActive()) {
        subscribe();
      }
    }

    void operate(Random rnd) {
      boolean viaWs = rnd.nextBoolean();
      int kind = open.isEmpty() ? 0 : rnd.nextInt(10);
      Long amendable = open.stream().filter(id -> !amended.contains(id)).findFirst().orElse(null);
      Reconciler reconciler = viaWs ? overWs : overRest;
      if (kind < 4 || (kind == 9 && amendable == null)) {
        place(rest, ws, viaWs, rnd, reconciler);
      } else if (kind < 6) {
        cancel(rest, ws, viaWs, open.get(rnd.nextInt(open.size())), reconciler);
      } else if (kind < 8) {
        cancelReplace(rest, ws, viaWs, rnd, open.get(rnd.nextInt(open.size())), reconciler);
      } else if (kind == 8) {
        oco(rest, ws, viaWs, rnd, reconciler);
      } else {
        amend(rest, ws, viaWs, amendable, reconciler);
      }
    }

    void verdict(Reconciliation r) {
      ChaosTest.this.verdict(r, this);
    }

    /** The order a reconciliation found: from its query, or (settled by an event, without one) from the report. */
    Long orderIdOf(Reconciliation r, String clientOrderId) {
      if (r.order() != null) {
        return r.order().orderId();
      }
      if (r.executed() && streamed) {
        return ws.userDataStream().executionReports().find("BTCUSDT", clientOrderId).map(ExecutionReport::orderId)
            .orElse(null);
      }
      return null;
    }

    @Override
    public void close() {
      try (SpotRestClient r = rest; SpotWsApiClient w = ws) {
        // both close, whatever either throws
      }
    }

    static BigDecimal price(Random rnd) {
      return new BigDecimal(20000 + rnd.nextInt(5000)).setScale(2);
    }

    void place(SpotRestClient rest, SpotWsApiClient ws, boolean viaWs, Random rnd, Reconciler reconciler) {
      BigDecimal price = price(rnd);
      Outcome<Order> o = viaWs
          ? await(ws.api().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
              .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(price)))
          : rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
              .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(price));
      count(o, viaWs, "place");
      if (o instanceof Outcome.Success<Order> s) {
        believePlaced(s.value().clientOrderId(), Belief.EXECUTED, s.value().orderId());
      } else if (o instanceof Outcome.Unknown<Order> u) {
        Reconciliation r = reconciler.reconcile(u);
        verdict(r);
        believePlaced(u.request().newClientOrderId(), belief(r.verdict()), orderIdOf(r, u.request().newClientOrderId()));
      } else {
        believePlaced(requestOf(o).newClientOrderId(), Belief.NOT_EXECUTED, null);
      }
    }

    void cancel(SpotRestClient rest, SpotWsApiClient ws, boolean viaWs, long orderId, Reconciler reconciler) {
      Outcome<Order> o = viaWs
          ? await(ws.api().orderCancel(new OrderCancelParams().symbol("BTCUSDT").orderId(orderId)))
          : rest.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").orderId(orderId));
      count(o, viaWs, "cancel");
      if (o.isSuccess()) {
        believeCanceled(orderId, Belief.EXECUTED);
      } else if (o instanceof Outcome.Unknown<Order> u) {
        Reconciliation r = reconciler.reconcile(u);
        verdict(r);
        believeCanceled(orderId, belief(r.verdict()));
      } else {
        believeCanceled(orderId, Belief.NOT_EXECUTED);
      }
    }

    void cancelReplace(SpotRestClient rest, SpotWsApiClient ws, boolean viaWs, Random rnd, long orderId, Reconciler reconciler) {
      CancelReplaceMode mode = rnd.nextBoolean() ? CancelReplaceMode.STOP_ON_FAILURE : CancelReplaceMode.ALLOW_FAILURE;
      BigDecimal price = price(rnd);
      Outcome<CancelReplaceResponse> o = viaWs
          ? await(ws.api().orderCancelReplace(new OrderCancelReplaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
              .type(OrderType.LIMIT).cancelReplaceMode(mode).cancelOrderId(orderId).timeInForce(TimeInForce.GTC)
              .quantity(new BigDecimal("0.01")).price(price)))
          : rest.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
              .type(OrderType.LIMIT).cancelReplaceMode(mode).cancelOrderId(orderId).timeInForce(TimeInForce.GTC)
              .quantity(new BigDecimal("0.01")).price(price));
      count(o, viaWs, "cancelReplace");
      if (o instanceof Outcome.Success<CancelReplaceResponse> s) {
        believeCanceled(orderId, Belief.EXECUTED);
        Order n = ((OrderOrError.Executed) s.value().newOrderResponse()).order();
        believePlaced(n.clientOrderId(), Belief.EXECUTED, n.orderId());
      } else if (o instanceof Outcome.Unknown<CancelReplaceResponse> u) {
        CancelReplaceReconciliation r = reconciler.reconcileCancelReplace(u);
        verdict(r.cancel());
        verdict(r.newOrder());
        believeCanceled(orderId, belief(r.cancel().verdict()));
        believePlaced(u.request().newClientOrderId(), belief(r.newOrder().verdict()),
            orderIdOf(r.newOrder(), u.request().newClientOrderId()));
      } else {
        CancelReplaceResponse halves = o instanceof Outcome.PartiallyExecuted<CancelReplaceResponse> p ? p.halves()
            : o instanceof Outcome.Rejected<CancelReplaceResponse> rej ? rej.cancelReplace() : null;
        boolean cancelOk = halves != null && halves.cancelResult() == CancelReplaceResult.SUCCESS;
        boolean newOk = halves != null && halves.newOrderResult() == CancelReplaceResult.SUCCESS;
        believeCanceled(orderId, cancelOk ? Belief.EXECUTED : Belief.NOT_EXECUTED);
        Long newId = newOk ? ((OrderOrError.Executed) halves.newOrderResponse()).order().orderId() : null;
        believePlaced(requestOf(o).newClientOrderId(), newOk ? Belief.EXECUTED : Belief.NOT_EXECUTED, newId);
      }
    }

    /** An OCO sell whose legs both rest (neither is marketable at the simulator's 50000); legs are not cancel targets. */
    void oco(SpotRestClient rest, SpotWsApiClient ws, boolean viaWs, Random rnd, Reconciler reconciler) {
      BigDecimal above = new BigDecimal(60000 + rnd.nextInt(5000)).setScale(2);
      BigDecimal below = new BigDecimal(40000 - rnd.nextInt(5000)).setScale(2);
      Outcome<OrderList> o = viaWs
          ? await(ws.api().orderListPlaceOco(new OrderListPlaceOcoParams().symbol("BTCUSDT").side(OrderSide.SELL)
              .quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER).abovePrice(above)
              .belowType(OrderType.STOP_LOSS).belowStopPrice(below)))
          : rest.trade().newOrderListOco(new TradeApi.NewOrderListOcoRequest().symbol("BTCUSDT").side(OrderSide.SELL)
              .quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER).abovePrice(above)
              .belowType(OrderType.STOP_LOSS).belowStopPrice(below));
      count(o, viaWs, "oco");
      if (o instanceof Outcome.Success<OrderList> s) {
        for (OrderListLeg leg : s.value().orders()) {
          believePlaced(leg.clientOrderId(), Belief.EXECUTED, null);
        }
      } else if (o instanceof Outcome.Unknown<OrderList> u) {
        ListReconciliation r = reconciler.reconcileList(u);
        verdict(r.list());
        for (LegReconciliation leg : r.legs()) {
          verdicts.merge("leg " + leg.verdict(), 1, Integer::sum);
          believePlaced(leg.clientOrderId(), belief(leg.verdict()), null);
        }
      } else {
        io.spotsdk.outcome.RequestRecord req = requestOf(o);
        believePlaced(req.param("aboveClientOrderId"), Belief.NOT_EXECUTED, null);
        believePlaced(req.param("belowClientOrderId"), Belief.NOT_EXECUTED, null);
      }
    }

    /** Halves the quantity of an open order, once; the order keeps its id and takes the new client order id. */
    void amend(SpotRestClient rest, SpotWsApiClient ws, boolean viaWs, long orderId, Reconciler reconciler) {
      amended.add(orderId);
      BigDecimal newQty = new BigDecimal("0.005");
      Outcome<AmendResult> o = viaWs
          ? await(ws.api().orderAmendKeepPriority(new OrderAmendKeepPriorityParams().symbol("BTCUSDT").orderId(orderId)
              .newQty(newQty)))
          : rest.trade().amendOrderKeepPriority(new TradeApi.AmendOrderKeepPriorityRequest().symbol("BTCUSDT")
              .orderId(orderId).newQty(newQty));
      count(o, viaWs, "amend");
      String newCid = requestOrResult(o);
      if (o.isSuccess()) {
        rename(orderId, newCid);
      } else if (o instanceof Outcome.Unknown<AmendResult> u) {
        Reconciliation r = reconciler.reconcile(u);
        verdict(r);
        if (r.verdict() == Verdict.EXECUTED) {
          rename(orderId, newCid);
        } else if (r.verdict() == Verdict.STILL_UNKNOWN) {
          amendsLeftUnknown++;
        }
      }
    }

    static String requestOrResult(Outcome<AmendResult> o) {
      if (o instanceof Outcome.Success<AmendResult> s) {
        return s.value().amendedOrder().clientOrderId();
      }
      return requestOf(o).param("newClientOrderId");
    }

    void rename(long orderId, String newCid) {
      String old = cidOf.get(orderId);
      Belief b = placed.remove(old);
      placed.put(newCid, b);
      cidOf.put(orderId, newCid);
    }

    static io.spotsdk.outcome.RequestRecord requestOf(Outcome<?> o) {
      if (o instanceof Outcome.Rejected<?> x) {
        return x.request();
      } else if (o instanceof Outcome.RateLimited<?> x) {
        return x.request();
      } else if (o instanceof Outcome.IpBanned<?> x) {
        return x.request();
      } else if (o instanceof Outcome.WafBlocked<?> x) {
        return x.request();
      } else if (o instanceof Outcome.PartiallyExecuted<?> x) {
        return x.request();
      } else if (o instanceof Outcome.NotSent<?> x) {
        return x.request();
      } else if (o instanceof Outcome.Unknown<?> x) {
        return x.request();
      }
      throw new IllegalStateException("no request on " + o);
    }

    void believePlaced(String cid, Belief b, Long orderId) {
      if (placed.put(cid, b) != null) {
        throw new AssertionError("the SDK reused client order id " + cid);
      }
      if (b == Belief.EXECUTED && orderId != null) {
        open.add(orderId);
        cidOf.put(orderId, cid);
      }
    }

    void believeCanceled(long orderId, Belief b) {
      if (b == Belief.EXECUTED) {
        open.remove(orderId);
        canceled.put(orderId, b);
      } else {
        canceled.putIfAbsent(orderId, b);
        if (b == Belief.STILL_UNKNOWN) {
          open.remove(orderId);
        }
      }
    }

  }

  static Belief belief(Verdict v) {
    return switch (v) {
      case EXECUTED -> Belief.EXECUTED;
      case NOT_EXECUTED -> Belief.NOT_EXECUTED;
      default -> Belief.STILL_UNKNOWN;
    };
  }

  <T> Outcome<T> await(java.util.concurrent.CompletableFuture<Outcome<T>> f) {
    return f.orTimeout(30, TimeUnit.SECONDS).join(); // a future that never completes fails the test here
  }

  void count(Outcome<?> o, boolean viaWs, String op) {
    outcomes.merge((viaWs ? "ws " : "rest ") + op + " " + o.getClass().getSimpleName(), 1, Integer::sum);
  }

  void verdict(Reconciliation r, Account a) {
    verdicts.merge(r.verdict().toString(), 1, Integer::sum);
    verdicts.merge("queries", r.queries(), Integer::sum);
    if (r.verdict() != Verdict.STILL_UNKNOWN) {
      // no query at all: the user data stream settled it (an executionReport, or a listStatus for a list)
      settledBy.merge((r.queries() == 0 ? "events " : "queries ") + a.name, 1, Integer::sum);
    }
  }

  /** What the ledger says against what one account believes. */
  static final class Tally {
    long orders;
    long duplicates;
    int believedNotButExecuted;
    int believedButMissing;
    int stillUnknown;
    long unknownToSdk;
    int cancelMismatch;
    int amendsLeftUnknown;
    int placements;
    int cancels;
  }

  static void tally(Ledger ledger, Account a, Tally t) {
    List<Ledger.OrderRecord> truth = ledger.orders(a.key);
    Map<String, Integer> perCid = new LinkedHashMap<>();
    Map<Long, Ledger.OrderRecord> byId = new LinkedHashMap<>();
    for (Ledger.OrderRecord r : truth) {
      perCid.merge(r.clientOrderId(), 1, Integer::sum);
      byId.put(r.orderId(), r);
    }
    t.orders += truth.size();
    t.placements += a.placed.size();
    t.cancels += a.canceled.size();
    t.amendsLeftUnknown += a.amendsLeftUnknown;
    t.duplicates += perCid.values().stream().filter(n -> n > 1).count();
    for (Map.Entry<String, Belief> e : a.placed.entrySet()) {
      boolean exists = perCid.containsKey(e.getKey());
      switch (e.getValue()) {
        case EXECUTED -> t.believedButMissing += exists ? 0 : 1;
        case NOT_EXECUTED -> t.believedNotButExecuted += exists ? 1 : 0;
        default -> t.stillUnknown++;
      }
    }
    t.unknownToSdk += perCid.keySet().stream().filter(c -> !a.placed.containsKey(c)).count();
    for (Map.Entry<Long, Belief> e : a.canceled.entrySet()) {
      Ledger.OrderRecord r = byId.get(e.getKey());
      boolean isCanceled = r != null && "CANCELED".equals(r.status());
      if (e.getValue() == Belief.STILL_UNKNOWN) {
        t.stillUnknown++;
      } else if ((e.getValue() == Belief.EXECUTED) != isCanceled) {
        t.cancelMismatch++;
      }
    }
  }

  void check(Ledger ledger, long ms, List<Account> accounts) {
    Tally t = new Tally();
    for (Account a : accounts) {
      tally(ledger, a, t);
    }
    Map<String, Integer> perFault = new TreeMap<>();
    for (Ledger.FaultRecord f : ledger.faults()) {
      perFault.merge(f.fault() + (f.executed() ? " (executed)" : " (not executed)"), 1, Integer::sum);
    }
    int faulted = ledger.faults().size();
    int byEvents = settledBy.entrySet().stream().filter(e -> e.getKey().startsWith("events ")).mapToInt(Map.Entry::getValue).sum();
    int byQueries = settledBy.entrySet().stream().filter(e -> e.getKey().startsWith("queries ")).mapToInt(Map.Entry::getValue).sum();
    System.out.println("chaos: " + OPERATIONS + " operations in " + ms + " ms, seed " + SEED + ", faults injected into "
        + faulted + " (" + (100 * faulted / OPERATIONS) + "%)");
    outcomes.forEach((k, v) -> System.out.println("chaos: outcome  " + k + " = " + v));
    perFault.forEach((k, v) -> System.out.println("chaos: fault    " + k + " = " + v));
    verdicts.forEach((k, v) -> System.out.println("chaos: reconcile " + k + " = " + v));
    for (Account a : accounts) {
      if (a.streamed) {
        System.out.println("chaos: user data stream (" + a.name + " account) events=" + a.events.get() + " gaps="
            + a.gaps.get() + " subscriptions=" + a.subscriptions);
      }
    }
    System.out.println("chaos: settled by events=" + byEvents + " by queries=" + byQueries + " " + settledBy);
    System.out.println("chaos: ledger orders=" + t.orders + " sdk-placements=" + t.placements + " cancels=" + t.cancels
        + " duplicates=" + t.duplicates + " duplicate-cid-attempts=" + ledger.duplicateClientOrderIdAttempts()
        + " believed-not-but-executed=" + t.believedNotButExecuted + " believed-but-missing=" + t.believedButMissing
        + " cancel-mismatches=" + t.cancelMismatch + " still-unknown=" + t.stillUnknown + " amends-left-unknown="
        + t.amendsLeftUnknown + " unknown-to-sdk=" + t.unknownToSdk
        + " futures-completed=" + completed.get() + "/" + OPERATIONS + " requests-during-ban=" + ledger.requestsDuringBan()
        + " requests=" + ledger.totalRequests());

    assertTrue(faulted * 100L >= 30L * OPERATIONS, "faults in at least 30% of operations: " + faulted);
    assertEquals(OPERATIONS, completed.get(), "every future completed");
    assertEquals(0, t.duplicates, "duplicate orders");
    assertEquals(0, ledger.duplicateClientOrderIdAttempts(), "duplicate client order id attempts");
    assertEquals(0, t.believedNotButExecuted, "orders believed not executed that executed");
    assertEquals(0, t.believedButMissing, "orders believed executed that do not exist");
    assertEquals(0, t.cancelMismatch, "cancels believed wrongly");
    assertEquals(0, t.stillUnknown, "outcomes left unknown after reconciliation");
    assertEquals(0, t.amendsLeftUnknown, "amends left unknown after reconciliation");
    assertEquals(0, t.unknownToSdk, "orders the SDK does not know about");
    assertEquals(0, ledger.requestsDuringBan(), "requests sent during a ban");
    assertTrue(byEvents > 0, "unknowns settled by the user data stream: " + settledBy);
    assertTrue(byQueries > 0, "unknowns settled by queries: " + settledBy);
    assertEquals(0, settledBy.getOrDefault("events queried", 0), "the account without a stream settles by queries only");
  }
}
