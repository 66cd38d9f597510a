package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.ListReconciliation;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import io.spotsdk.userdata.UserDataEvent;
import io.spotsdk.model.OrderList;
import io.spotsdk.ws.api.OrderAmendKeepPriorityParams;
import io.spotsdk.ws.api.OrderListCancelParams;
import io.spotsdk.ws.api.OrderListPlaceOcoParams;
import io.spotsdk.ws.api.OrderPlaceParams;
import io.spotsdk.ws.model.ListStatus;
import io.spotsdk.ws.model.ExecutionReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The simulator's user data stream against the SDK: events for every order change, with the same fault plan, and
 * unknown placements settled by executionReports.
 */
@ExtendWith(SpotSimulatorExtension.class)
class UserDataStreamSimTest {
  static final Duration DEADLINE = Duration.ofMillis(500);

  static OrderPlaceParams limitBuy(String clientOrderId) {
    return new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00"))
        .newClientOrderId(clientOrderId);
  }

  private static Outcome.Unknown<OrderList> placeOcoWithoutAnswer(SpotWsApiClient ws) {
    return assertInstanceOf(Outcome.Unknown.class,
        ws.blocking().orderListPlaceOco(new OrderListPlaceOcoParams().symbol("BTCUSDT").side(OrderSide.SELL)
            .quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER).abovePrice(new BigDecimal("60000.00"))
            .belowType(OrderType.STOP_LOSS).belowStopPrice(new BigDecimal("40000.00"))));
  }

  private static ListReconciliation reconcileByStream(SpotWsApiClient ws, OrderLookup lookup,
      Outcome.Unknown<OrderList> unknown) {
    return Reconciler.builder(lookup).sleeper(NO_WAIT)
        .executionReports(ws.userDataStream().executionReports()).build().reconcileList(unknown);
  }

  /** Counts the queries a reconciler makes. */
  static final class CountingLookup implements OrderLookup {
    final OrderLookup real;
    final AtomicInteger queries = new AtomicInteger();

    CountingLookup(OrderLookup real) {
      this.real = real;
    }

    @Override
    public String transport() {
      return real.transport();
    }

    @Override
    public Outcome<?> query(String operation, java.util.Map<String, String> params) {
      queries.incrementAndGet();
      return real.query(operation, params);
    }
  }

  static final Sleeper NO_WAIT = new Sleeper() {
    @Override
    public void sleep(Duration d) {}

    @Override
    public CompletableFuture<Void> delay(Duration d) {
      return CompletableFuture.completedFuture(null);
    }
  };

  @Test
  void everyOrderChangeIsReportedAndSessionSubscriptionsListsTheSubscription(SpotSimulator sim, Environment env,
      Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials).connect()) {
      List<UserDataEvent> events = new CopyOnWriteArrayList<>();
      CountDownLatch twoReports = new CountDownLatch(2);
      ws.userDataStream().subscribe(e -> {
        events.add(e);
        if (e.as(ExecutionReport.class).isPresent()) {
          twoReports.countDown();
        }
      }).get(5, TimeUnit.SECONDS).orThrow();
      assertEquals(1, ws.blocking().sessionSubscriptions().orThrow().size());

      Order placed = ws.blocking().orderPlace(limitBuy("simOrder1")).orThrow();
      ws.blocking().orderCancel(new io.spotsdk.ws.api.OrderCancelParams().symbol("BTCUSDT").orderId(placed.orderId()))
          .orThrow();
      assertTrue(twoReports.await(5, TimeUnit.SECONDS), "placed and canceled: " + events);
      List<ExecutionReport> reports = events.stream().flatMap(e -> e.as(ExecutionReport.class).stream()).toList();
      assertEquals("simOrder1", reports.get(0).clientOrderId());
      assertEquals("NEW", reports.get(0).executionType());
      assertEquals("CANCELED", reports.get(1).executionType());
      assertEquals(OrderStatus.CANCELED, reports.get(1).orderStatus());
      assertTrue(events.stream().anyMatch(e -> "outboundAccountPosition".equals(e.eventType()) && e.known()));
    }
  }

  @Test
  void anUnknownPlacementIsSettledByItsExecutionReportWithoutAQuery(SpotSimulator sim, Environment env,
      Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(DEADLINE).connect()) {
      ws.userDataStream().subscribe(e -> { }).get(5, TimeUnit.SECONDS).orThrow();
      sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_NO_REPLY);

      Outcome<Order> placed = ws.blocking().orderPlace(limitBuy("settleMe1"));
      Outcome.Unknown<Order> unknown = assertInstanceOf(Outcome.Unknown.class, placed);

      CountingLookup lookup = new CountingLookup(OrderLookup.ws(ws));
      Reconciliation r = Reconciler.builder(lookup).sleeper(NO_WAIT)
          .executionReports(ws.userDataStream().executionReports()).build().reconcile(unknown);
      assertEquals(Verdict.EXECUTED, r.verdict(), r.toString());
      assertEquals(0, r.queries(), r.toString());
      assertEquals(0, lookup.queries.get(), "no query was made");
      assertEquals(1, sim.ledger().orders().size());
    }
  }

  @Test
  void noReportByTheEndOfTheWindowConfirmedByAQueryIsNotExecuted(SpotSimulator sim, Environment env,
      Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(DEADLINE).connect()) {
      ws.userDataStream().subscribe(e -> { }).get(5, TimeUnit.SECONDS).orThrow();
      sim.faults().next(Match.ws("order.place"), Fault.NO_EXECUTE_500);

      Outcome.Unknown<Order> unknown = assertInstanceOf(Outcome.Unknown.class,
          ws.blocking().orderPlace(limitBuy("neverPlaced1")));

      CountingLookup lookup = new CountingLookup(OrderLookup.ws(ws));
      Reconciliation r = Reconciler.builder(lookup).sleeper(NO_WAIT)
          .executionReports(ws.userDataStream().executionReports()).build().reconcile(unknown);
      assertEquals(Verdict.NOT_EXECUTED, r.verdict(), r.toString());
      assertEquals(1, lookup.queries.get(), "one query confirms the absence of a report");
      assertEquals(0, sim.ledger().orders().size());
    }
  }

  @Test
  void listChangesAreReportedAsListStatusAndAnAmendAsReplaced(SpotSimulator sim, Environment env,
      Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials).connect()) {
      List<ListStatus> lists = new CopyOnWriteArrayList<>();
      List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
      CountDownLatch listPlacedAndDone = new CountDownLatch(2);
      CountDownLatch replaced = new CountDownLatch(1);
      ws.userDataStream().subscribe(e -> {
        e.as(ListStatus.class).ifPresent(l -> {
          lists.add(l);
          listPlacedAndDone.countDown();
        });
        e.as(ExecutionReport.class).ifPresent(r -> {
          reports.add(r);
          if ("REPLACED".equals(r.executionType())) {
            replaced.countDown();
          }
        });
      }).get(5, TimeUnit.SECONDS).orThrow();

      OrderList list = ws.blocking().orderListPlaceOco(new OrderListPlaceOcoParams().symbol("BTCUSDT")
          .side(OrderSide.SELL).quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER)
          .abovePrice(new BigDecimal("60000.00")).belowType(OrderType.STOP_LOSS)
          .belowStopPrice(new BigDecimal("40000.00")).listClientOrderId("simList1")).orThrow();
      ws.blocking().orderListCancel(new OrderListCancelParams().symbol("BTCUSDT").orderListId(list.orderListId()))
          .orThrow();
      assertTrue(listPlacedAndDone.await(5, TimeUnit.SECONDS), "placed and canceled: " + lists);
      ListStatus started = lists.get(0);
      assertEquals("simList1", started.listClientOrderId());
      assertEquals(list.orderListId(), started.orderListId());
      assertEquals("EXEC_STARTED", started.listStatusType());
      assertEquals("EXECUTING", started.listOrderStatus());
      assertEquals(list.orders().stream().map(o -> o.clientOrderId()).toList(),
          started.orders().stream().map(o -> o.clientOrderId()).toList());
      assertEquals("ALL_DONE", lists.get(1).listStatusType());
      assertEquals("ALL_DONE", lists.get(1).listOrderStatus());
      assertTrue(reports.stream().filter(r -> list.orderListId().equals(r.orderListId())).count() >= 4,
          "each leg's executionReports name the list: " + reports);

      Order order = ws.blocking().orderPlace(limitBuy("beforeAmend1")).orThrow();
      ws.blocking().orderAmendKeepPriority(new OrderAmendKeepPriorityParams().symbol("BTCUSDT").orderId(order.orderId())
          .newQty(new BigDecimal("0.005")).newClientOrderId("afterAmend1")).orThrow();
      assertTrue(replaced.await(5, TimeUnit.SECONDS), "the amend is reported: " + reports);
      ExecutionReport r = reports.stream().filter(x -> "REPLACED".equals(x.executionType())).findFirst().orElseThrow();
      assertEquals("afterAmend1", r.clientOrderId());
      assertEquals(order.orderId(), r.orderId());
      assertEquals(0, new BigDecimal("0.005").compareTo(r.quantity()), r.toString());
    }
  }

  @Test
  void anUnknownListPlacementIsSettledByItsListStatusAndItsLegsByTheirReportsWithoutAQuery(SpotSimulator sim,
      Environment env, Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(DEADLINE).connect()) {
      ws.userDataStream().subscribe(e -> { }).get(5, TimeUnit.SECONDS).orThrow();
      sim.faults().next(Match.ws("orderList.place.oco"), Fault.EXECUTE_THEN_NO_REPLY);

      Outcome.Unknown<OrderList> unknown = placeOcoWithoutAnswer(ws);
      CountingLookup lookup = new CountingLookup(OrderLookup.ws(ws));
      ListReconciliation r = reconcileByStream(ws, lookup, unknown);
      assertEquals(Verdict.EXECUTED, r.list().verdict(), r.toString());
      assertEquals(0, r.list().queries(), r.toString());
      assertEquals(2, r.legs().size(), r.toString());
      assertTrue(r.legs().stream().allMatch(l -> l.verdict() == Verdict.EXECUTED), r.toString());
      assertEquals(List.of(unknown.request().param("aboveClientOrderId"), unknown.request().param("belowClientOrderId")),
          r.legs().stream().map(l -> l.clientOrderId()).toList());
      assertEquals(0, lookup.queries.get(), "no query was made");
    }
  }

  @Test
  void noListStatusByTheEndOfTheWindowConfirmedByAQueryIsNotExecuted(SpotSimulator sim, Environment env,
      Credentials credentials) throws Exception {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(DEADLINE).connect()) {
      ws.userDataStream().subscribe(e -> { }).get(5, TimeUnit.SECONDS).orThrow();
      sim.faults().next(Match.ws("orderList.place.oco"), Fault.NO_EXECUTE_500);

      Outcome.Unknown<OrderList> unknown = placeOcoWithoutAnswer(ws);
      CountingLookup lookup = new CountingLookup(OrderLookup.ws(ws));
      ListReconciliation r = reconcileByStream(ws, lookup, unknown);
      assertEquals(Verdict.NOT_EXECUTED, r.list().verdict(), r.toString());
      assertTrue(r.legs().stream().allMatch(l -> l.verdict() == Verdict.NOT_EXECUTED), r.toString());
      assertEquals(1, lookup.queries.get(), "one query confirms the absence of a listStatus");
      assertEquals(0, sim.ledger().orders().size());
    }
  }
}
