package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.CancelReplaceResult;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.OrderOrError;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.rest.api.TradeApi;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented status, with JSON, HTML and empty bodies, on a real HTTP server. */
class RestOutcomeWireTest extends RestWireSupport {

  static final String ORDER_JSON = "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,\"clientOrderId\":\"abc\","
      + "\"transactTime\":1507725176595,\"price\":\"0.10000000\",\"origQty\":\"10.00000000\",\"executedQty\":\"0.00000000\","
      + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\","
      + "\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\"}";
  static final String HTML = "<html><body><h1>403 Forbidden</h1></body></html>";

  static TradeApi.NewOrderRequest limitBuy() {
    return new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("1")).price(new BigDecimal("0.1"));
  }

  private void stub(ResponseDefinitionBuilder response) {
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private Outcome<Order> place() {
    return client.trade().newOrder(limitBuy());
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("json", "application/json", "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}"),
        Arguments.of("html", "text/html", HTML),
        Arguments.of("empty", "text/plain", ""));
  }

  @ParameterizedTest(name = "400 {0}")
  @MethodSource("bodies")
  void status400IsRejectedWhateverTheBody(String kind, String type, String body) {
    stub(aResponse().withStatus(400).withHeader("Content-Type", type).withHeader("X-MBX-USED-WEIGHT-1M", "7").withBody(body));
    Outcome<Order> o = place();
    Outcome.Rejected<Order> r = assertInstanceOf(Outcome.Rejected.class, o);
    assertEquals(400, r.details().status());
    assertEquals(body, r.details().rawBody());
    assertEquals(kind.equals("json") ? Integer.valueOf(-2010) : null, r.details().code());
    assertEquals(7L, r.usage().count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE));
    assertEquals("7", r.details().headers().first("x-mbx-used-weight-1m"));
    assertFalse(o.mayHaveExecuted());
  }

  @ParameterizedTest(name = "401 {0}")
  @MethodSource("bodies")
  void status401IsRejected(String kind, String type, String body) {
    stub(aResponse().withStatus(401).withHeader("Content-Type", type).withBody(body));
    assertInstanceOf(Outcome.Rejected.class, place());
  }

  @ParameterizedTest(name = "404 {0}")
  @MethodSource("bodies")
  void status404IsRejected(String kind, String type, String body) {
    stub(aResponse().withStatus(404).withHeader("Content-Type", type).withBody(body));
    Outcome.Rejected<?> r = assertInstanceOf(Outcome.Rejected.class, place());
    assertEquals(404, r.details().status());
    assertEquals(body, r.details().rawBody());
  }

  @ParameterizedTest(name = "403 {0}")
  @MethodSource("bodies")
  void status403IsWafBlocked(String kind, String type, String body) {
    stub(aResponse().withStatus(403).withHeader("Content-Type", type).withBody(body));
    Outcome.WafBlocked<?> w = assertInstanceOf(Outcome.WafBlocked.class, place());
    assertEquals(body, w.details().rawBody());
    assertEquals(1, wm.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount(), "never retried");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("serverErrors")
  void every5xxIsUnknownWhateverTheBody(int status, String kind, String type, String body) {
    stub(aResponse().withStatus(status).withHeader("Content-Type", type).withBody(body));
    Outcome<Order> o = place();
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.SERVER_ERROR, u.cause());
    assertEquals(status, u.details().status());
    assertEquals(body, u.details().rawBody());
    assertTrue(o.mayHaveExecuted());
    assertTrue(u.toString().contains("may have been executed"));
    assertNotNull(u.request().newClientOrderId(), "the SDK named the order so it can be found");
    assertEquals(1, wm.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount(), "never resent");
  }

  static Stream<Arguments> serverErrors() {
    return Stream.of(500, 502, 503, 504).flatMap(s -> bodies().map(a -> Arguments.of(s, a.get()[0], a.get()[1], a.get()[2])));
  }

  @ParameterizedTest(name = "code {1} on {0}")
  @MethodSource("unknownCodes")
  void codes1006And1007AreUnknownOnAnyStatus(int status, int code) {
    stub(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"code\":" + code + ",\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}"));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(code, u.details().code());
    assertEquals(status >= 500 ? UnknownCause.SERVER_ERROR : UnknownCause.UNKNOWN_ERROR_CODE, u.cause());
  }

  static Stream<Arguments> unknownCodes() {
    return Stream.of(Arguments.of(400, -1007), Arguments.of(408, -1007), Arguments.of(400, -1006), Arguments.of(503, -1007),
        Arguments.of(500, -1006));
  }

  @Test
  void anUndeclaredStatusIsUnknownNotFailed() {
    stub(aResponse().withStatus(302).withHeader("Location", "http://elsewhere/"));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNEXPECTED_STATUS, u.cause());
  }

  @Test
  void status429CarriesRetryAfterAndUsage() {
    stub(aResponse().withStatus(429).withHeader("Retry-After", "17").withHeader("X-MBX-USED-WEIGHT-1M", "6001")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 6000 request weight per 1 MINUTE.\"}"));
    Outcome.RateLimited<?> r = assertInstanceOf(Outcome.RateLimited.class, place());
    assertEquals(Duration.ofSeconds(17), r.retryAfter());
    assertEquals(NOW.plusSeconds(17), r.retryAt());
    assertEquals(-1003, r.details().code());
    assertEquals(6001L, r.usage().count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE));
  }

  @Test
  void status429WithoutRetryAfterSaysSo() {
    stub(aResponse().withStatus(429).withBody(""));
    Outcome.RateLimited<?> r = assertInstanceOf(Outcome.RateLimited.class, place());
    assertNull(r.retryAfter());
  }

  @Test
  void status418CarriesTheEndOfTheBan() {
    stub(aResponse().withStatus(418).withHeader("Retry-After", "120").withHeader("Content-Type", "application/json")
        .withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1499827439559.\"}"));
    Outcome.IpBanned<?> b = assertInstanceOf(Outcome.IpBanned.class, place());
    assertEquals(NOW.plusSeconds(120), b.bannedUntil());
  }

  @Test
  void status418WithoutHeaderTakesTheInstantFromTheMessage() {
    long end = NOW.toEpochMilli() + 259_200_000L; // 3 days: Binance's longest ban, within the classifier's horizon
    stub(aResponse().withStatus(418).withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + end + ".\"}"));
    Outcome.IpBanned<?> b = assertInstanceOf(Outcome.IpBanned.class, place());
    assertEquals(java.time.Instant.ofEpochMilli(end), b.bannedUntil());
  }

  @Test
  void everyUsageHeaderIsKeptByTypeAndInterval() {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(ORDER_JSON)
        .withHeader("X-MBX-USED-WEIGHT-1M", "12").withHeader("X-MBX-USED-WEIGHT-1S", "3")
        .withHeader("X-MBX-ORDER-COUNT-10S", "2").withHeader("X-MBX-ORDER-COUNT-1D", "40"));
    Outcome.Success<Order> s = assertInstanceOf(Outcome.Success.class, client.trade().newOrder(limitBuy().newClientOrderId("abc")));
    assertEquals(12L, s.usage().count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE));
    assertEquals(3L, s.usage().count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.SECOND));
    assertEquals(2L, s.usage().count(RateLimitType.ORDERS, 10, RateLimitInterval.SECOND));
    assertEquals(40L, s.usage().count(RateLimitType.ORDERS, 1, RateLimitInterval.DAY));
  }

  private Outcome<?> cancelReplace() {
    return client.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE).timeInForce(TimeInForce.GTC)
        .quantity(BigDecimal.ONE).price(new BigDecimal("0.1")).cancelOrigClientOrderId("old"));
  }

  @Test
  void status409CancelSucceededNewFailed() {
    stub(aResponse().withStatus(409).withHeader("Content-Type", "application/json").withBody(
        "{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{\"cancelResult\":\"SUCCESS\","
            + "\"newOrderResult\":\"FAILURE\",\"cancelResponse\":{\"symbol\":\"BTCUSDT\",\"origClientOrderId\":\"old\",\"orderId\":9,"
            + "\"status\":\"CANCELED\",\"price\":\"0.10000000\"},\"newOrderResponse\":{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}}}"));
    Outcome.PartiallyExecuted<?> p = assertInstanceOf(Outcome.PartiallyExecuted.class, cancelReplace());
    assertEquals(CancelReplaceResult.SUCCESS, p.halves().cancelResult());
    assertEquals(CancelReplaceResult.FAILURE, p.halves().newOrderResult());
    OrderOrError.Executed cancel = assertInstanceOf(OrderOrError.Executed.class, p.halves().cancelResponse());
    assertEquals("old", cancel.order().origClientOrderId());
    OrderOrError.Failed neu = assertInstanceOf(OrderOrError.Failed.class, p.halves().newOrderResponse());
    assertEquals(-2010, neu.error().code());
    assertEquals(-2021, p.details().code());
    assertTrue(p.mayHaveExecuted());
  }

  @Test
  void status409CancelFailedNewSucceeded() {
    stub(aResponse().withStatus(409).withBody(
        "{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{\"cancelResult\":\"FAILURE\","
            + "\"newOrderResult\":\"SUCCESS\",\"cancelResponse\":{\"code\":-2011,\"msg\":\"Unknown order sent.\"},"
            + "\"newOrderResponse\":{\"symbol\":\"BTCUSDT\",\"orderId\":11,\"orderListId\":-1,\"clientOrderId\":\"new\",\"transactTime\":1}}}"));
    Outcome.PartiallyExecuted<?> p = assertInstanceOf(Outcome.PartiallyExecuted.class, cancelReplace());
    assertEquals(-2011, assertInstanceOf(OrderOrError.Failed.class, p.halves().cancelResponse()).error().code());
    assertEquals(11L, assertInstanceOf(OrderOrError.Executed.class, p.halves().newOrderResponse()).order().orderId());
  }

  @Test
  void status400Minus2022StopOnFailureHasANullHalf() {
    stub(aResponse().withStatus(400).withBody(
        "{\"code\":-2022,\"msg\":\"Order cancel-replace failed.\",\"data\":{\"cancelResult\":\"FAILURE\",\"newOrderResult\":\"NOT_ATTEMPTED\","
            + "\"cancelResponse\":{\"code\":-2011,\"msg\":\"Unknown order sent.\"},\"newOrderResponse\":null}}"));
    Outcome.Rejected<?> r = assertInstanceOf(Outcome.Rejected.class, cancelReplace());
    assertEquals(CancelReplaceResult.NOT_ATTEMPTED, r.cancelReplace().newOrderResult());
    assertNull(r.cancelReplace().newOrderResponse());
    assertInstanceOf(OrderOrError.Failed.class, r.cancelReplace().cancelResponse());
  }

  @Test
  void status400Minus2022AllowFailureHasTwoErrors() {
    stub(aResponse().withStatus(400).withBody(
        "{\"code\":-2022,\"msg\":\"Order cancel-replace failed.\",\"data\":{\"cancelResult\":\"FAILURE\",\"newOrderResult\":\"FAILURE\","
            + "\"cancelResponse\":{\"code\":-2011,\"msg\":\"Unknown order sent.\"},\"newOrderResponse\":{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}}}"));
    Outcome.Rejected<?> r = assertInstanceOf(Outcome.Rejected.class, cancelReplace());
    assertEquals(-2010, assertInstanceOf(OrderOrError.Failed.class, r.cancelReplace().newOrderResponse()).error().code());
  }

  @Test
  void readTimeoutAfterTheRequestWasWrittenIsUnknown() {
    stub(aResponse().withStatus(200).withBody(ORDER_JSON).withFixedDelay(3_000));
    try (SpotRestClient impatient = clientWith(Duration.ofMillis(300))) {
      Outcome<Order> o = impatient.trade().newOrder(limitBuy());
      Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
      assertEquals(UnknownCause.TIMEOUT, u.cause());
      assertNull(u.details());
      assertEquals(1, wm.countRequestsMatching(anyRequestedFor(urlPathEqualTo("/api/v3/order")).build()).getCount(),
          "the server got the request");
      assertEquals(NOW.toEpochMilli(), u.request().timestamp());
      assertEquals(new BigDecimal("5000"), u.request().recvWindow());
    }
  }

  @Test
  void connectionResetAfterWriteIsUnknown() {
    stub(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.CONNECTION_LOST, u.cause());
  }

  @Test
  void emptyResponseAfterWriteIsUnknown() {
    stub(aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertInstanceOf(Outcome.Unknown.class, place());
  }

  @Test
  void garbageOnASuccessStatusIsUnknownNotSuccess() {
    stub(aResponse().withStatus(200).withBody("<html>oops</html>"));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
  }

  @Test
  void connectionRefusedIsNotSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (SpotRestClient c = SpotRestClient.builder()
        .environment(io.spotsdk.Environment.custom(URI.create("http://127.0.0.1:" + port), null))
        .credentials(io.spotsdk.signing.Credentials.hmac(API_KEY, SECRET)).build()) {
      Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, c.trade().newOrder(limitBuy()));
      assertEquals(NotSentReason.CONNECT_FAILED, n.reason());
      assertFalse(n.mayHaveExecuted());
    }
  }

  @Test
  void errorDetailsToStringShowsTheBodyOfNonJsonErrors() {
    ErrorDetails d = new ErrorDetails(503, null, null, null, null, HTML);
    assertTrue(d.toString().contains("403 Forbidden"));
  }
}
