package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.Reconciliation;
import io.spotsdk.reconcile.Settled;
import io.spotsdk.reconcile.Verdict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconciliation over REST, with an injected clock and sleeper so each wait and count is exact. */
class ReconcilerWireTest extends ReconcilerWireSupport {
  /** The order placed as cid-42, as a query for it returns it. */
  static final String ORDER_CID_42 = RestOutcomeWireTest.ORDER_JSON.replace("\"abc\"", "\"cid-42\"");
  static final String NOT_FOUND = "{\"code\":-2013,\"msg\":\"Order does not exist.\"}";

  @BeforeEach
  void stubThePlacement() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(503).withBody("<html>503</html>")));
  }

  Outcome.Unknown<Order> unknownPlacement() {
    return assertInstanceOf(Outcome.Unknown.class, client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId("cid-42")));
  }

  @Test
  void foundOnTheFirstQueryIsExecuted() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withBody(ORDER_CID_42)));
    Reconciliation r = reconciler.reconcile(unknownPlacement());
    assertEquals(Verdict.EXECUTED, r.verdict());
    assertEquals(28L, r.order().orderId());
    assertEquals(1, r.queries());
    assertEquals(Duration.ZERO, r.took());
    assertEquals("cid-42", wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).get(0)
        .queryParameter("origClientOrderId").firstValue());
  }

  @Test
  void notExecutedIsClaimedOnlyAfterTheRequestWindowAndASecondMiss() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400).withBody(NOT_FOUND)));
    Reconciliation r = reconciler.reconcile(unknownPlacement());
    assertEquals(Verdict.NOT_EXECUTED, r.verdict());
    assertEquals(2, r.queries());
    // timestamp T0 + recvWindow 5 s + skew allowance 1 s: the second query is exactly then
    assertEquals(List.of(Duration.ofSeconds(6)), sleeper.waits);
    assertEquals(Duration.ofSeconds(6), r.took());
  }

  @Test
  void anOrderThatAppearsLateIsExecuted() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).inScenario("late").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(400).withBody(NOT_FOUND)).willSetStateTo("there"));
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).inScenario("late").whenScenarioStateIs("there")
        .willReturn(aResponse().withBody(ORDER_CID_42)));
    Reconciliation r = reconciler.reconcile(unknownPlacement());
    assertEquals(Verdict.EXECUTED, r.verdict());
    assertEquals(2, r.queries());
  }

  @Test
  void failingQueriesLeaveItStillUnknownWithBackoff() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(502)));
    Reconciliation r = reconciler.reconcile(unknownPlacement());
    assertEquals(Verdict.STILL_UNKNOWN, r.verdict());
    assertEquals(4, r.queries());
    assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeper.waits);
  }

  @Test
  void placeAndReconcileInOneCall() {
    // the order found is the one queried for: it echoes the id the SDK created (response templating)
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withTransformers("response-template")
        .withBody(RestOutcomeWireTest.ORDER_JSON.replace("\"abc\"", "\"{{request.query.origClientOrderId}}\""))));
    Settled s = reconciler.placeAndReconcile(() -> client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    assertInstanceOf(Outcome.Unknown.class, s.outcome());
    assertEquals(true, s.executed());
    assertEquals(1, wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlPathEqualTo("/api/v3/order"))).size(),
        "the order was never resent");
  }

  @Test
  void anUnknownCancelIsSettledByTheOrdersState() {
    wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo("/api/v3/order"))
        .willReturn(aResponse().withStatus(500)));
    wm.stubFor(get(urlPathEqualTo("/api/v3/order")).willReturn(aResponse()
        .withBody(RestOutcomeWireTest.ORDER_JSON.replace("\"NEW\"", "\"CANCELED\""))));
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class,
        client.trade().cancelOrder(new io.spotsdk.rest.api.TradeApi.CancelOrderRequest().symbol("BTCUSDT").orderId(28L)));
    Reconciliation r = reconciler.reconcile(u);
    assertEquals(Verdict.EXECUTED, r.verdict());
    assertEquals("28", wm.findAll(getRequestedFor(urlPathEqualTo("/api/v3/order"))).get(0).queryParameter("orderId").firstValue());
  }
}
