package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.AmendResult;
import io.spotsdk.model.ListOrderStatus;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderList;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.LegReconciliation;
import io.spotsdk.reconcile.ListLegs;
import io.spotsdk.reconcile.ListReconciliation;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderListPlaceOcoParams;
import io.spotsdk.ws.api.OrderListPlaceOtoParams;
import io.spotsdk.ws.api.OrderAmendKeepPriorityParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Order lists and amends against the simulator, over both transports: an OCO placed and its leg logic; an unknown
 * OCO settled per list and per leg by the Reconciler, which reads the settling query from the spec
 * ({@code x-spot-settled-by}); an unknown amend settled. BTCUSDT trades at 50000 in the simulator.
 */
@ExtendWith(SpotSimulatorExtension.class)
class OrderListStoryTest {
  private static TradeApi.NewOrderListOcoRequest ocoSell() {
    return new TradeApi.NewOrderListOcoRequest().symbol("BTCUSDT").side(OrderSide.SELL)
        .quantity(new BigDecimal("0.01"))
        .aboveType(OrderType.LIMIT_MAKER).abovePrice(new BigDecimal("51000.00"))
        .belowType(OrderType.STOP_LOSS).belowStopPrice(new BigDecimal("49000.00"));
  }

  @Test
  void ocoOverRestPlacesTwoLegsAndAFillExpiresTheOther(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      OrderList list = rest.trade().newOrderListOco(ocoSell()).orThrow();

      assertEquals(2, list.orders().size());
      assertEquals(ListOrderStatus.EXECUTING, list.listOrderStatus());
      List<ListLegs.Leg> legs = ListLegs.of(list);
      assertTrue(legs.stream().allMatch(l -> l.state() == ListLegs.State.WORKING), legs.toString());

      assertTrue(sim.fillOrder("BTCUSDT", legs.get(0).orderId()));
      OrderList after = rest.account().queryOrderList(new AccountApi.QueryOrderListRequest()
          .origClientOrderId(list.listClientOrderId())).orThrow();
      assertEquals(ListOrderStatus.ALL_DONE, after.listOrderStatus());
      Order other = rest.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT")
          .orderId(legs.get(1).orderId())).orThrow();
      assertEquals(OrderStatus.EXPIRED, other.status(), "one leg filled, so the other expired");
      sim.ledger().assertNoDuplicateOrders();
    }
  }

  @Test
  void ocoOverWsAndItsCancelCancelsBothLegs(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials).connect()) {
      OrderList list = ws.blocking().orderListPlaceOco(new OrderListPlaceOcoParams().symbol("BTCUSDT")
          .side(OrderSide.BUY).quantity(new BigDecimal("0.01"))
          .aboveType(OrderType.STOP_LOSS_LIMIT).abovePrice(new BigDecimal("51500.00"))
          .aboveStopPrice(new BigDecimal("51000.00")).aboveTimeInForce(TimeInForce.GTC)
          .belowType(OrderType.LIMIT_MAKER).belowPrice(new BigDecimal("49000.00"))).orThrow();
      assertEquals(2, list.orderReports().size());

      OrderList canceled = ws.blocking().orderListCancel(new io.spotsdk.ws.api.OrderListCancelParams()
          .symbol("BTCUSDT").orderListId(list.orderListId())).orThrow();
      assertEquals(ListOrderStatus.ALL_DONE, canceled.listOrderStatus());
      assertTrue(canceled.orderReports().stream().allMatch(o -> o.status() == OrderStatus.CANCELED));
    }
  }

  @Test
  void otoPendingLegGoesOnTheBookWhenTheWorkingLegFills(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials).connect()) {
      OrderList list = ws.blocking().orderListPlaceOto(new OrderListPlaceOtoParams().symbol("BTCUSDT")
          .workingType(OrderType.LIMIT).workingSide(OrderSide.BUY).workingTimeInForce(TimeInForce.GTC)
          .workingPrice(new BigDecimal("49000.00")).workingQuantity(new BigDecimal("0.01"))
          .pendingType(OrderType.LIMIT_MAKER).pendingSide(OrderSide.SELL).pendingPrice(new BigDecimal("52000.00"))
          .pendingQuantity(new BigDecimal("0.01"))).orThrow();
      List<ListLegs.Leg> legs = ListLegs.of(list);
      assertEquals(ListLegs.State.WORKING, legs.get(0).state());
      assertEquals(ListLegs.State.PENDING, legs.get(1).state());

      sim.fillOrder("BTCUSDT", legs.get(0).orderId());
      Order pending = ws.blocking().orderStatus(new io.spotsdk.ws.api.OrderStatusParams().symbol("BTCUSDT")
          .orderId(legs.get(1).orderId())).orThrow();
      assertEquals(OrderStatus.NEW, pending.status(), "the pending leg is on the book once the working leg filled");
    }
  }

  @Test
  void unknownOcoOverRestIsSettledPerListAndPerLeg(SpotSimulator sim, Environment env, Credentials credentials) {
    sim.faults().next(Match.op("orderList.place.oco"), Fault.EXECUTE_THEN_500);
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Outcome<OrderList> placed = rest.trade().newOrderListOco(ocoSell());

      Outcome.Unknown<?> unknown = assertInstanceOf(Outcome.Unknown.class, placed, "a 5XX is UNKNOWN");
      ListReconciliation settled = Reconciler.builder(OrderLookup.rest(rest)).build().reconcileList(unknown);

      assertEquals(Verdict.EXECUTED, settled.list().verdict(), settled.list().toString());
      assertEquals(unknown.request().param("listClientOrderId"), settled.orderList().listClientOrderId());
      assertEquals(2, settled.legs().size());
      for (LegReconciliation leg : settled.legs()) {
        assertEquals(Verdict.EXECUTED, leg.verdict(), leg.toString());
        assertEquals(OrderStatus.NEW, leg.order().status());
      }
      assertEquals(List.of(unknown.request().param("aboveClientOrderId"), unknown.request().param("belowClientOrderId")),
          settled.legs().stream().map(LegReconciliation::clientOrderId).toList(), "the legs the SDK named");
      assertEquals(2, sim.ledger().orders().size(), "placed once, never resent");
      sim.ledger().assertNoDuplicateOrders();
    }
  }

  @Test
  void unknownOcoOverWsSettledOverRestThroughTheTwins(SpotSimulator sim, Environment env, Credentials credentials) {
    sim.faults().next(Match.op("orderList.place.oco"), Fault.EXECUTE_THEN_NO_REPLY);
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(Duration.ofMillis(500)).connect();
        SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Outcome<OrderList> placed = ws.blocking().orderListPlaceOco(new OrderListPlaceOcoParams().symbol("BTCUSDT")
          .side(OrderSide.SELL).quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER)
          .abovePrice(new BigDecimal("51000.00")).belowType(OrderType.STOP_LOSS)
          .belowStopPrice(new BigDecimal("49000.00")));

      Outcome.Unknown<?> unknown = assertInstanceOf(Outcome.Unknown.class, placed, "no reply is UNKNOWN");
      ListReconciliation settled = Reconciler.builder(OrderLookup.rest(rest)).build().reconcileList(unknown);

      assertEquals(Verdict.EXECUTED, settled.list().verdict(), settled.list().toString());
      assertTrue(settled.legs().stream().allMatch(l -> l.verdict() == Verdict.EXECUTED), settled.legs().toString());
    }
  }

  @Test
  void unknownAmendOverWsIsSettledByTheOrderUnderItsNewClientId(SpotSimulator sim, Environment env,
      Credentials credentials) {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(Duration.ofMillis(500)).connect()) {
      Order order = ws.blocking().orderPlace(new io.spotsdk.ws.api.OrderPlaceParams().symbol("BTCUSDT")
          .side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
          .quantity(new BigDecimal("0.02")).price(new BigDecimal("30000.00"))).orThrow();
      sim.faults().next(Match.op("order.amend.keepPriority"), Fault.EXECUTE_THEN_500);

      Outcome<AmendResult> amended = ws.blocking().orderAmendKeepPriority(new OrderAmendKeepPriorityParams()
          .symbol("BTCUSDT").orderId(order.orderId()).newQty(new BigDecimal("0.01")));

      Outcome.Unknown<?> unknown = assertInstanceOf(Outcome.Unknown.class, amended);
      Reconciliation settled = Reconciler.builder(OrderLookup.ws(ws)).build().reconcile(unknown);
      assertEquals(Verdict.EXECUTED, settled.verdict(), settled.toString());
      assertEquals(order.orderId(), settled.order().orderId(), "the amend keeps the order id");
      assertEquals(0, new BigDecimal("0.01").compareTo(settled.order().origQty()));
      assertEquals(unknown.request().param("newClientOrderId"), settled.order().clientOrderId());
    }
  }

  @Test
  void amendOverRestLowersTheQuantityAndKeepsTheOrderId(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Order order = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
          .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.02"))
          .price(new BigDecimal("30000.00"))).orThrow();
      AmendResult r = rest.trade().amendOrderKeepPriority(new TradeApi.AmendOrderKeepPriorityRequest()
          .symbol("BTCUSDT").orderId(order.orderId()).newQty(new BigDecimal("0.015"))).orThrow();
      assertEquals(order.orderId(), r.amendedOrder().orderId());
      assertEquals(order.clientOrderId(), r.amendedOrder().origClientOrderId());
      assertNull(r.listStatus());

      Outcome<AmendResult> up = rest.trade().amendOrderKeepPriority(new TradeApi.AmendOrderKeepPriorityRequest()
          .symbol("BTCUSDT").orderId(order.orderId()).newQty(new BigDecimal("0.03")));
      assertInstanceOf(Outcome.Rejected.class, up, "a quantity only goes down");
    }
  }
}
