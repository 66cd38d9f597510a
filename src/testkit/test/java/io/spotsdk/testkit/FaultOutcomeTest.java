package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each fault gives the SDK the outcome {@link Fault}'s javadoc promises, and the ledger agrees with what the
 * javadoc says was executed. Placements on REST and on the WebSocket API; the 409 on REST cancelReplace.
 */
@ExtendWith(SpotSimulatorExtension.class)
class FaultOutcomeTest {
  static final Duration DEADLINE = Duration.ofMillis(500);

  /** What {@link Fault}'s javadoc promises for a placement: the outcome, and the unknown causes it allows. */
  static Class<?> promisedOutcome(Fault f) {
    return switch (f) {
      case RATE_LIMIT_429 -> Outcome.RateLimited.class;
      case BAN_418 -> Outcome.IpBanned.class;
      case WAF_403_HTML -> Outcome.WafBlocked.class;
      case PARTIAL_409 -> Outcome.PartiallyExecuted.class;
      default -> Outcome.Unknown.class;
    };
  }

  static Set<UnknownCause> promisedCauses(Fault f, Transport t) {
    return switch (f) {
      case EXECUTE_THEN_500, EXECUTE_THEN_503_HTML, NO_EXECUTE_500 -> Set.of(UnknownCause.SERVER_ERROR);
      case EXECUTE_THEN_1007 -> Set.of(UnknownCause.UNKNOWN_ERROR_CODE);
      case EXECUTE_THEN_1006 -> Set.of(UnknownCause.values()); // the javadoc promises Unknown, not a cause
      case EXECUTE_THEN_DROP -> Set.of(UnknownCause.CONNECTION_LOST);
      case EXECUTE_THEN_FIN, EXECUTE_THEN_RST -> t == Transport.REST ? Set.of(UnknownCause.CONNECTION_LOST)
          : Set.of(UnknownCause.CONNECTION_LOST, UnknownCause.NO_REPLY);
      case EXECUTE_THEN_NO_REPLY -> Set.of(t == Transport.REST ? UnknownCause.TIMEOUT : UnknownCause.NO_REPLY);
      default -> Set.of();
    };
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "PARTIAL_409")
  void restPlacement(Fault fault, SpotSimulator sim, Environment env, Credentials credentials) {
    sim.faults().next(Match.rest("POST", "/api/v3/order"), fault);
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials)
        .readTimeout(DEADLINE).build()) {
      Outcome<Order> placed = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT")
          .side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
          .quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));

      checkPromise(fault, Transport.REST, placed, sim);
      if (placed instanceof Outcome.Unknown<Order> unknown) {
        checkReconciliation(fault, sim, Reconciler.builder(OrderLookup.rest(rest)), unknown);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "PARTIAL_409")
  void wsPlacement(Fault fault, SpotSimulator sim, Environment env, Credentials credentials) {
    sim.faults().next(Match.ws("order.place"), fault);
    try (SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(credentials)
        .requestTimeout(DEADLINE).connect()) {
      Outcome<Order> placed = ws.blocking().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
          .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
          .quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));

      checkPromise(fault, Transport.WS, placed, sim);
    }
  }

  @Test
  void partial409OnCancelReplaceIsPartiallyExecuted(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Order target = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
          .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01"))
          .price(new BigDecimal("30000.00"))).orThrow();
      sim.faults().next(Match.op("order.cancelReplace"), Fault.PARTIAL_409);

      Outcome<?> replaced = rest.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT")
          .side(OrderSide.BUY).type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE)
          .cancelOrderId(target.orderId()).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01"))
          .price(new BigDecimal("30100.00")));

      Outcome.PartiallyExecuted<?> partial = assertInstanceOf(Outcome.PartiallyExecuted.class, replaced);
      assertNotNull(partial.halves().cancelResponse(), "the cancel half is typed");
      assertEquals("CANCELED", sim.ledger().orders().get(0).status(), "the cancel half executed");
      assertEquals(1, sim.ledger().orders().size(), "the new-order half did not");
    }
  }

  /** The outcome class and cause the javadoc promises, and the ledger shows an order exactly when it executes. */
  static void checkPromise(Fault fault, Transport transport, Outcome<Order> placed, SpotSimulator sim) {
    assertInstanceOf(promisedOutcome(fault), placed, fault + " on " + transport);
    if (placed instanceof Outcome.Unknown<Order> unknown) {
      assertTrue(promisedCauses(fault, transport).contains(unknown.cause()),
          fault + " on " + transport + ": cause " + unknown.cause());
    }
    assertEquals(fault.executes() ? 1 : 0, sim.ledger().orders().size(), fault + ": " + sim.ledger().orders());
    assertEquals(fault, sim.ledger().faults().get(0).fault());
    sim.ledger().assertNoDuplicateOrders();
    if (fault == Fault.BAN_418) {
      sim.ledger().assertNoRequestsDuringBan();
    }
  }

  /**
   * The reconciler settles every unknown as the javadoc says: EXECUTED after an EXECUTE_THEN_* fault, NOT_EXECUTED
   * after NO_EXECUTE_500. Its clock moves only by its own waits, so the request window "passes" at once.
   */
  static void checkReconciliation(Fault fault, SpotSimulator sim, Reconciler.Builder reconciler,
      Outcome.Unknown<Order> unknown) {
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
    Verdict verdict = reconciler.clock(clock).sleeper(advancing).build().reconcile(unknown).verdict();
    assertEquals(fault.executes() ? Verdict.EXECUTED : Verdict.NOT_EXECUTED, verdict, fault.toString());
    assertEquals(fault.executes() ? 1 : 0, sim.ledger().orders().size());
  }
}
