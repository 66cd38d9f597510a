package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * POST, PUT and DELETE carry their parameters and signature in a form body, so the request line (which HttpClient
 * logs at DEBUG, and proxies write to access logs) holds only the path; a GET can carry them only in its query.
 */
class FormBodyWireTest extends RestWireSupport {

  private List<LoggedRequest> sent() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400).withBody("{\"code\":-2013,\"msg\":\"no\"}")));
    client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId("form-1"));
    client.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").origClientOrderId("form-1"));
    client.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").origClientOrderId("form-1"));
    return wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
  }

  @Test
  void postAndDeleteSendEveryParameterAndTheSignatureInAFormBody() {
    List<LoggedRequest> requests = sent();
    assertEquals(3, requests.size());
    for (LoggedRequest r : requests.subList(0, 2)) {
      assertFalse(r.getUrl().contains("?"), r.getMethod() + " request line: " + r.getUrl());
      assertTrue(r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"), r.getHeader("Content-Type"));
      assertTrue(r.getBodyAsString().startsWith("symbol=BTCUSDT&"), r.getBodyAsString());
      assertTrue(r.getBodyAsString().contains("&signature="), r.getBodyAsString());
    }
    LoggedRequest get = requests.get(2);
    assertEquals("GET", get.getMethod().getName());
    assertTrue(get.getUrl().contains("&signature="), "a GET has only its query: " + get.getUrl());
    assertEquals("", get.getBodyAsString());
  }
}
