package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The testkit as a user meets it: one line starts the simulator, the SDK places an order into a fault, gets
 * Outcome.Unknown, the SDK's Reconciler settles it, and the ledger shows one order and nothing sent twice.
 */
@ExtendWith(SpotSimulatorExtension.class)
class PlaceOrderStoryTest {

  @Test
  void restPlacementAnsweredWith500IsUnknownAndSettlesAsExecuted(SpotSimulator sim, Environment env,
      Credentials credentials) {
    sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_500);
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Outcome<Order> placed = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT")
          .side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
          .quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));

      assertInstanceOf(Outcome.Unknown.class, placed, "a 5XX is UNKNOWN");
      Outcome.Unknown<Order> unknown = (Outcome.Unknown<Order>) placed;
      Reconciliation settled = Reconciler.builder(OrderLookup.rest(rest)).build().reconcile(unknown);

      assertEquals(Verdict.EXECUTED, settled.verdict(), settled.toString());
      String clientOrderId = unknown.request().newClientOrderId();
      Ledger.OrderRecord order = sim.ledger().assertOneOrder(clientOrderId);
      assertEquals(order.orderId(), settled.order().orderId());
      assertEquals(1, sim.ledger().orders().size());
      sim.ledger().assertNoDuplicateOrders();
    }
  }

  @Test
  void wsPlacementLeftWithoutReplyIsUnknownAndSettlesAsExecuted(SpotSimulator sim, Environment env,
      Credentials credentials) {
    sim.faults().next(Match.op("order.place"), Fault.EXECUTE_THEN_NO_REPLY);
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(Duration.ofMillis(500)).connect()) {
      Outcome<Order> placed = ws.blocking().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
          .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
          .quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));

      assertInstanceOf(Outcome.Unknown.class, placed, "no reply is UNKNOWN");
      Outcome.Unknown<Order> unknown = (Outcome.Unknown<Order>) placed;
      Reconciliation settled = Reconciler.builder(OrderLookup.ws(ws)).build().reconcile(unknown);

      assertEquals(Verdict.EXECUTED, settled.verdict(), settled.toString());
      sim.ledger().assertOneOrder(unknown.request().newClientOrderId());
      sim.ledger().assertNoDuplicateOrders();
    }
  }
}
