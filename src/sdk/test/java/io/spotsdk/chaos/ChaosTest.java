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
 * 2,000 randomized placements, cancels, cancelReplaces, OCO lists and amends over REST and the WebSocket API, with
 * faults injected
 * into at least 30% of them. Unknown outcomes are settled by the Reconciler from the spec's x-spot-settled-by
 * (lists per list and per leg). Afterwards, the SDK's view of every order (after reconciliation) must equal the
 * simulator's ledger: no duplicates, nothing believed not executed that executed, every future completed, and
 * not one request sent during a ban.
 */
class ChaosTest {
  static final String KEY = "chaosKey0000000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "chaosSecret000000000000000000000000000000000000000000000000000001";
  static final int OPERATIONS = Integer.getInteger("chaos.operations", 2000);
  static final long SEED = Long.getLong("chaos.seed", 20261121L);

  enum Belief { EXECUTED, NOT_EXECUTED, STILL_UNKNOWN }

  final Map<String, Belief> placed = new LinkedHashMap<>();     // by clientOrderId
  final Map<Long, Belief> canceled = new LinkedHashMap<>();     // by orderId: did a cancel take effect
  final List<Long> open = new ArrayList<>();                    // plain orders we believe open
  final Map<Long, String> cidOf = new HashMap<>();              // orderId -> the client order id we believe it has
  final Set<Long> amended = new HashSet<>();                    // orders an amend was tried on (quantity only goes down once)
  int amendsLeftUnknown;
  final Map<String, Integer> outcomes = new TreeMap<>();
  final Map<String, Integer> verdicts = new TreeMap<>();
  final AtomicInteger completed = new AtomicInteger();

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
      Credentials creds = Credentials.hmac(KEY, SECRET);
      // the simulator's bans last 300 ms, not Binance's 2 minutes at least
      RateLimitGate gate = RateLimitGate.builder().maxWait(Duration.ofSeconds(5)).banFloor(config.banDuration()).build();
      BigDecimal recvWindow = new BigDecimal("250");
      long t0 = System.nanoTime();
      try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(creds).rateLimitGate(gate)
              .readTimeout(Duration.ofMillis(400)).recvWindow(recvWindow).build();
          SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(creds).rateLimitGate(gate)
              .requestTimeout(Duration.ofMillis(400)).recvWindow(recvWindow).retryPolicy(RetryPolicy.defaults()).connect()) {
        assertTrue(rest.market().exchangeInfo().isSuccess(), "the gate learns the limits");
        Reconciler overRest = reconciler(OrderLookup.rest(rest));
        Reconciler overWs = reconciler(OrderLookup.ws(ws));
        Random rnd = new Random(SEED);
        for (int i = 0; i < OPERATIONS; i++) {
          boolean viaWs = rnd.nextBoolean();
          int kind = open.isEmpty() ? 0 : rnd.nextInt(10);
          Long amendable = open.stream().filter(id -> !amended.contains(id)).findFirst().orElse(null);
          if (kind < 4 || (kind == 9 && amendable == null)) {
            place(rest, ws, viaWs, rnd, viaWs ? overWs : overRest);
          } else if (kind < 6) {
            cancel(rest, ws, viaWs, open.get(rnd.nextInt(open.size())), viaWs ? overWs : overRest);
          } else if (kind < 8) {
            cancelReplace(rest, ws, viaWs, rnd, open.get(rnd.nextInt(open.size())), viaWs ? overWs : overRest);
          } else if (kind == 8) {
            oco(rest, ws, viaWs, rnd, viaWs ? overWs : overRest);
          } else {
            amend(rest, ws, viaWs, amendable, viaWs ? overWs : overRest);
          }
          completed.incrementAndGet();
        }
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      check(sim.ledger(), ms);
    }
  }

  Reconciler reconciler(OrderLookup lookup) {
    return Reconciler.builder(lookup).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200))
        .skewAllowance(Duration.ofMillis(50)).maxQueries(10).build();
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
      believePlaced(u.request().newClientOrderId(), belief(r.verdict()), r.order() == null ? null : r.order().orderId());
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
          r.newOrder().order() == null ? null : r.newOrder().order().orderId());
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

  void verdict(Reconciliation r) {
    verdicts.merge(r.verdict().toString(), 1, Integer::sum);
    verdicts.merge("queries", r.queries(), Integer::sum);
  }

  void check(Ledger ledger, long ms) {
    List<Ledger.OrderRecord> truth = ledger.orders(KEY);
    Map<String, Integer> perCid = new LinkedHashMap<>();
    Map<Long, Ledger.OrderRecord> byId = new LinkedHashMap<>();
    for (Ledger.OrderRecord r : truth) {
      perCid.merge(r.clientOrderId(), 1, Integer::sum);
      byId.put(r.orderId(), r);
    }
    long duplicates = perCid.values().stream().filter(n -> n > 1).count();
    int believedNotButExecuted = 0;
    int believedButMissing = 0;
    int stillUnknown = 0;
    for (Map.Entry<String, Belief> e : placed.entrySet()) {
      boolean exists = perCid.containsKey(e.getKey());
      switch (e.getValue()) {
        case EXECUTED -> believedButMissing += exists ? 0 : 1;
        case NOT_EXECUTED -> believedNotButExecuted += exists ? 1 : 0;
        default -> stillUnknown++;
      }
    }
    long unknownToSdk = perCid.keySet().stream().filter(c -> !placed.containsKey(c)).count();
    int cancelMismatch = 0;
    for (Map.Entry<Long, Belief> e : canceled.entrySet()) {
      Ledger.OrderRecord r = byId.get(e.getKey());
      boolean isCanceled = r != null && "CANCELED".equals(r.status());
      if (e.getValue() == Belief.STILL_UNKNOWN) {
        stillUnknown++;
      } else if ((e.getValue() == Belief.EXECUTED) != isCanceled) {
        cancelMismatch++;
      }
    }
    Map<String, Integer> perFault = new TreeMap<>();
    for (Ledger.FaultRecord f : ledger.faults()) {
      perFault.merge(f.fault() + (f.executed() ? " (executed)" : " (not executed)"), 1, Integer::sum);
    }
    int faulted = ledger.faults().size();
    System.out.println("chaos: " + OPERATIONS + " operations in " + ms + " ms, seed " + SEED + ", faults injected into "
        + faulted + " (" + (100 * faulted / OPERATIONS) + "%)");
    outcomes.forEach((k, v) -> System.out.println("chaos: outcome  " + k + " = " + v));
    perFault.forEach((k, v) -> System.out.println("chaos: fault    " + k + " = " + v));
    verdicts.forEach((k, v) -> System.out.println("chaos: reconcile " + k + " = " + v));
    System.out.println("chaos: ledger orders=" + truth.size() + " sdk-placements=" + placed.size() + " cancels=" + canceled.size()
        + " duplicates=" + duplicates + " duplicate-cid-attempts=" + ledger.duplicateClientOrderIdAttempts()
        + " believed-not-but-executed=" + believedNotButExecuted + " believed-but-missing=" + believedButMissing
        + " cancel-mismatches=" + cancelMismatch + " still-unknown=" + stillUnknown + " amends-left-unknown=" + amendsLeftUnknown + " unknown-to-sdk=" + unknownToSdk
        + " futures-completed=" + completed.get() + "/" + OPERATIONS + " requests-during-ban=" + ledger.requestsDuringBan()
        + " requests=" + ledger.totalRequests());

    assertTrue(faulted * 100L >= 30L * OPERATIONS, "faults in at least 30% of operations: " + faulted);
    assertEquals(OPERATIONS, completed.get(), "every future completed");
    assertEquals(0, duplicates, "duplicate orders");
    assertEquals(0, ledger.duplicateClientOrderIdAttempts(), "duplicate client order id attempts");
    assertEquals(0, believedNotButExecuted, "orders believed not executed that executed");
    assertEquals(0, believedButMissing, "orders believed executed that do not exist");
    assertEquals(0, cancelMismatch, "cancels believed wrongly");
    assertEquals(0, stillUnknown, "outcomes left unknown after reconciliation");
    assertEquals(0, amendsLeftUnknown, "amends left unknown after reconciliation");
    assertEquals(0, unknownToSdk, "orders the SDK does not know about");
    assertEquals(0, ledger.requestsDuringBan(), "requests sent during a ban");
  }
}
