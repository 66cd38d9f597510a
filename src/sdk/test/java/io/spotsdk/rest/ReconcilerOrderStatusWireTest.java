package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Verdict;
import io.spotsdk.rest.api.TradeApi;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An unknown cancel is settled by the order's status: only a status the spec declares final ends it. */
class ReconcilerOrderStatusWireTest extends ReconcilerWireSupport {

  @BeforeEach
  void stubTheCancel() {
    wm.stubFor(delete(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(500)));
  }

  private Reconciliation reconcileCancelWhileTheOrderShows(String status) {
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse()
        .withBody(RestOutcomeWireTest.ORDER_JSON.replace("\"NEW\"", "\"" + status + "\""))));
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class,
        client.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").orderId(28L)));
    return reconciler.reconcile(u);
  }

  @Test
  void aStatusThisVersionDoesNotKnowIsNeverTakenAsEnded() {
    Reconciliation r = reconcileCancelWhileTheOrderShows("PENDING_AUCTION_CLOSE");
    assertEquals(Verdict.STILL_UNKNOWN, r.verdict());
    assertEquals(4, r.queries(), "it kept asking");
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeper.waits);
    assertEquals(4, wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"FILLED", "REJECTED", "EXPIRED", "EXPIRED_IN_MATCH"})
  void aFinalStatusOtherThanCanceledMeansTheCancelDidNotExecute(String status) {
    Reconciliation r = reconcileCancelWhileTheOrderShows(status);
    assertEquals(Verdict.NOT_EXECUTED, r.verdict());
    assertEquals(1, r.queries());
    assertEquals(status, r.order().status().wireValue());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NEW", "PENDING_NEW", "PARTIALLY_FILLED", "PENDING_CANCEL"})
  void anOpenOrderIsAskedAboutUntilTheRequestWindowHasClosed(String status) {
    Reconciliation r = reconcileCancelWhileTheOrderShows(status);
    assertEquals(Verdict.NOT_EXECUTED, r.verdict());
    assertEquals(2, r.queries());
    assertEquals(List.of(Duration.ofSeconds(6)), sleeper.waits, "timestamp + recvWindow 5 s + skew allowance 1 s");
  }
}
