package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.AmendResult;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderAmendKeepPriorityParams;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An unknown amend is settled by the order AND its amendments, as the spec declares ({@code x-spot-settled-by} of
 * amendOrderKeepPriority / order.amend.keepPriority). An amend that reuses the order's client order id leaves the
 * order findable under that id whether or not it executed, so only its amendments tell. The reconciler's clock
 * moves only by its own waits, so the request window "passes" at once.
 */
@ExtendWith(SpotSimulatorExtension.class)
class AmendSettlementStoryTest {
  private static final BigDecimal NEW_QTY = new BigDecimal("0.01");

  private static Reconciler reconciler(OrderLookup lookup) {
    ManualClock clock = new ManualClock(Instant.now());
    Sleeper advancing = new Sleeper() {
      @Override
      public void sleep(Duration d) {
        clock.advance(d);
      }

      @Override
      public CompletableFuture<Void> delay(Duration d) {
        clock.advance(d);
        return CompletableFuture.completedFuture(null);
      }
    };
    return Reconciler.builder(lookup).clock(clock).sleeper(advancing).build();
  }

  private static Order restOrder(SpotRestClient rest) {
    return rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.02"))
        .price(new BigDecimal("30000.00"))).orThrow();
  }

  private static Outcome.Unknown<?> restAmendKeepingTheId(SpotSimulator sim, SpotRestClient rest, Order order,
      Fault fault) {
    sim.faults().next(Match.op("order.amend.keepPriority"), fault);
    Outcome<AmendResult> amended = rest.trade().amendOrderKeepPriority(new TradeApi.AmendOrderKeepPriorityRequest()
        .symbol("BTCUSDT").orderId(order.orderId()).newClientOrderId(order.clientOrderId()).newQty(NEW_QTY));
    return assertInstanceOf(Outcome.Unknown.class, amended, "a 5XX is UNKNOWN");
  }

  @Test
  void restAmendThatExecutedAndKeptItsClientIdIsExecutedByItsAmendment(SpotSimulator sim, Environment env,
      Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Order order = restOrder(rest);
      Outcome.Unknown<?> unknown = restAmendKeepingTheId(sim, rest, order, Fault.EXECUTE_THEN_500);

      Reconciliation settled = reconciler(OrderLookup.rest(rest)).reconcile(unknown);

      assertEquals(Verdict.EXECUTED, settled.verdict(), settled.toString());
      assertEquals(order.orderId(), settled.order().orderId());
      assertEquals(0, NEW_QTY.compareTo(settled.order().origQty()), "Binance reports the amended quantity");
    }
  }

  @Test
  void restAmendThatDidNotExecuteIsNotExecutedThoughTheOrderExistsUnderTheSameId(SpotSimulator sim, Environment env,
      Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Order order = restOrder(rest);
      Outcome.Unknown<?> unknown = restAmendKeepingTheId(sim, rest, order, Fault.NO_EXECUTE_500);

      Reconciliation settled = reconciler(OrderLookup.rest(rest)).reconcile(unknown);

      assertEquals(Verdict.NOT_EXECUTED, settled.verdict(), settled.toString());
      Map<String, Reconciliation> parts = reconciler(OrderLookup.rest(rest)).reconcileParts(unknown);
      assertEquals(Verdict.NOT_EXECUTED, parts.get("amendment").verdict(), parts.toString());
    }
  }

  @Test
  void restAmendByClientIdWithANewIdThatDidNotExecuteIsNotExecuted(SpotSimulator sim, Environment env,
      Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Order order = restOrder(rest);
      sim.faults().next(Match.op("order.amend.keepPriority"), Fault.NO_EXECUTE_500);
      Outcome<AmendResult> amended = rest.trade().amendOrderKeepPriority(new TradeApi.AmendOrderKeepPriorityRequest()
          .symbol("BTCUSDT").origClientOrderId(order.clientOrderId()).newQty(NEW_QTY));
      Outcome.Unknown<?> unknown = assertInstanceOf(Outcome.Unknown.class, amended);

      Reconciliation settled = reconciler(OrderLookup.rest(rest)).reconcile(unknown);

      assertEquals(Verdict.NOT_EXECUTED, settled.verdict(), settled.toString());
    }
  }

  @Test
  void wsAmendsKeepingTheirClientIdAreSettledByTheirAmendments(SpotSimulator sim, Environment env,
      Credentials credentials) {
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials).connect()) {
      Order order = ws.blocking().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
          .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.03"))
          .price(new BigDecimal("30000.00"))).orThrow();

      sim.faults().next(Match.op("order.amend.keepPriority"), Fault.NO_EXECUTE_500);
      Outcome.Unknown<?> notDone = assertInstanceOf(Outcome.Unknown.class, ws.blocking().orderAmendKeepPriority(
          new OrderAmendKeepPriorityParams().symbol("BTCUSDT").orderId(order.orderId())
              .newClientOrderId(order.clientOrderId()).newQty(new BigDecimal("0.02"))));
      Reconciliation notExecuted = reconciler(OrderLookup.ws(ws)).reconcile(notDone);
      assertEquals(Verdict.NOT_EXECUTED, notExecuted.verdict(), notExecuted.toString());

      sim.faults().next(Match.op("order.amend.keepPriority"), Fault.EXECUTE_THEN_500);
      Outcome.Unknown<?> done = assertInstanceOf(Outcome.Unknown.class, ws.blocking().orderAmendKeepPriority(
          new OrderAmendKeepPriorityParams().symbol("BTCUSDT").orderId(order.orderId())
              .newClientOrderId(order.clientOrderId()).newQty(NEW_QTY)));
      Reconciliation executed = reconciler(OrderLookup.ws(ws)).reconcile(done);
      assertEquals(Verdict.EXECUTED, executed.verdict(), executed.toString());
      assertEquals(0, NEW_QTY.compareTo(executed.order().origQty()));
    }
  }
}
