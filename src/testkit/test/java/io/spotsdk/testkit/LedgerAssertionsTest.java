package io.spotsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger's assertions fail, with a message that says what happened, exactly when a client misbehaved. */
@ExtendWith(SpotSimulatorExtension.class)
class LedgerAssertionsTest {

  static TradeApi.NewOrderRequest buy(String clientOrderId) {
    return new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00"))
        .newClientOrderId(clientOrderId);
  }

  @Test
  void aPlacementSentTwiceIsADuplicate(SpotSimulator sim, Environment env, Credentials credentials) {
    try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(credentials).build()) {
      Outcome<Order> first = rest.trade().newOrder(buy("resent-1"));
      sim.ledger().assertNoDuplicateOrders();
      Outcome<Order> again = rest.trade().newOrder(buy("resent-1")); // what a client must never do after an Unknown

      assertTrue(first.isSuccess());
      assertInstanceOf(Outcome.Rejected.class, again, "-2010 Duplicate order sent: the first order is open");
      assertEquals(List.of("resent-1"), List.copyOf(sim.ledger().duplicateClientOrderIds().keySet()));
      assertEquals(1, sim.ledger().duplicateClientOrderIdAttempts());
      AssertionError e = assertThrows(AssertionError.class, () -> sim.ledger().assertNoDuplicateOrders());
      assertTrue(e.getMessage().contains("resent-1: [#") && e.getMessage().contains("rejected -2010"), e.getMessage());
      assertEquals(first.orThrow().orderId(), sim.ledger().assertOneOrder("resent-1").orderId(), "one order exists");
    }
  }

  @Test
  void assertOneOrderNamesWhatWasFound(SpotSimulator sim) {
    AssertionError e = assertThrows(AssertionError.class, () -> sim.ledger().assertOneOrder("never-placed"));
    assertTrue(e.getMessage().contains("never-placed, found 0"), e.getMessage());
  }

  @Test
  void aRequestDuringABanIsCountedAndNamed(SpotSimulator sim) throws Exception {
    sim.faults().next(Match.any(), Fault.BAN_418);
    HttpClient http = HttpClient.newHttpClient();
    URI ping = URI.create(sim.restBaseUri() + "/api/v3/ping");
    assertEquals(418, http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    sim.ledger().assertNoRequestsDuringBan(); // the 418 itself is not "during" the ban

    assertEquals(418, http.send(HttpRequest.newBuilder(ping).build(), HttpResponse.BodyHandlers.ofString()).statusCode());

    assertEquals(1, sim.ledger().requestsDuringBan());
    AssertionError e = assertThrows(AssertionError.class, () -> sim.ledger().assertNoRequestsDuringBan());
    assertTrue(e.getMessage().contains("1 request(s) sent during an IP ban") && e.getMessage().contains("GET /api/v3/ping"),
        e.getMessage());
  }
}
