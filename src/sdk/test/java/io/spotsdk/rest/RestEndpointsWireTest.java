package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.AccountInfo;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.model.ExchangeInfo;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.ServerTime;
import io.spotsdk.model.SymbolStatus;
import io.spotsdk.model.TestOrderResult;
import io.spotsdk.outcome.OrderOrError;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.OutcomeException;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The success path of every endpoint, and what goes on the wire. */
class RestEndpointsWireTest extends RestWireSupport {
  static final String ORDER = RestOutcomeWireTest.ORDER_JSON;

  private void ok(String method, String path, String body) {
    var mapping = switch (method) {
      case "GET" -> get(urlPathEqualTo(path));
      case "POST" -> post(urlPathEqualTo(path));
      default -> delete(urlPathEqualTo(path));
    };
    wm.stubFor(mapping.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withHeader("X-MBX-USED-WEIGHT-1M", "1").withBody(body)));
  }

  private LoggedRequest lastRequest() {
    List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
    return all.get(all.size() - 1);
  }

  @Test
  void ping() {
    ok("GET", "/api/v3/ping", "{}");
    assertTrue(client.market().ping().isSuccess());
    assertFalse(lastRequest().containsHeader("X-MBX-APIKEY"), "NONE calls carry no key");
    assertFalse(lastRequest().getUrl().contains("signature"));
  }

  @Test
  void serverTime() {
    ok("GET", "/api/v3/time", "{\"serverTime\":1499827319559}");
    ServerTime t = client.market().serverTime().orThrow();
    assertEquals(1499827319559L, t.serverTime());
  }

  @Test
  void exchangeInfoWithJsonArrayParameterAndUnknownValues() {
    ok("GET", "/api/v3/exchangeInfo", "{\"timezone\":\"UTC\",\"serverTime\":1,\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\","
        + "\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000},{\"rateLimitType\":\"SOMETHING_NEW\",\"interval\":\"WEEK\",\"intervalNum\":1,\"limit\":9}],"
        + "\"exchangeFilters\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"PRE_TRADING\",\"baseAsset\":\"BTC\",\"newField\":{\"x\":1},"
        + "\"filters\":[{\"filterType\":\"PRICE_FILTER\",\"minPrice\":\"0.01000000\"}],\"permissionSets\":[[\"SPOT\"]]}],\"sors\":[]}");
    ExchangeInfo info = client.market().exchangeInfo(new MarketApi.ExchangeInfoRequest().symbols(List.of("BTCUSDT", "ETHUSDT")))
        .orThrow();
    assertEquals(6000L, info.rateLimits().get(0).limit());
    assertEquals(io.spotsdk.model.RateLimitType.Value.UNRECOGNIZED, info.rateLimits().get(1).rateLimitType().value());
    assertEquals(RateLimitInterval.Value.UNRECOGNIZED, info.rateLimits().get(1).interval().value());
    assertEquals(SymbolStatus.Value.UNRECOGNIZED, info.symbols().get(0).status().value());
    assertEquals("0.01000000", info.symbols().get(0).filters().get(0).get("minPrice"));
    assertEquals("[\"BTCUSDT\",\"ETHUSDT\"]", sent(lastRequest(), "symbols"));
    assertTrue(lastRequest().getUrl().contains("symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D"), lastRequest().getUrl());
  }

  @Test
  void newOrderIsSignedExactlyAsBinanceSpecifies() throws Exception {
    ok("POST", "/api/v3/order", ORDER.replace("\"NEW\"", "\"BRAND_NEW_STATUS\"").replace("{\"symbol\"", "{\"surprise\":[1,2],\"symbol\"")
        .replace("\"abc\"", "\"my-id-1\""));
    Outcome<Order> o = client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId("my-id-1"));
    Order order = o.orThrow();
    assertEquals(OrderStatus.Value.UNRECOGNIZED, order.status().value());
    assertEquals(new BigDecimal("0.10000000"), order.price());
    assertEquals(8, order.price().scale(), "decimals are exact, never double");

    LoggedRequest r = lastRequest();
    assertEquals(API_KEY, r.getHeader("X-MBX-APIKEY"));
    String query = r.getBodyAsString(); // a POST sends its parameters as a form body
    String unsigned = query.substring(0, query.indexOf("&signature="));
    assertEquals("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&newClientOrderId=my-id-1"
        + "&recvWindow=5000&timestamp=1499827319559", unsigned);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, sent(r, "signature"));
  }

  @Test
  void aMissingClientOrderIdIsCreatedBeforeSending() {
    ok("POST", "/api/v3/order", ORDER);
    client.trade().newOrder(RestOutcomeWireTest.limitBuy());
    String id = sent(lastRequest(), "newClientOrderId");
    assertTrue(id.matches("^[.A-Z:/a-z0-9_-]{1,36}$"), id);
  }

  @Test
  void testNewOrder() {
    ok("POST", "/api/v3/order/test", "{\"standardCommissionForOrder\":{\"maker\":\"0.00000112\",\"taker\":\"0.00000114\"}}");
    TestOrderResult t = client.trade().testNewOrder(new TradeApi.TestNewOrderRequest().symbol("BTCUSDT").side(OrderSide.SELL)
        .type(OrderType.MARKET).quantity(new BigDecimal("0.5")).computeCommissionRates(true)).orThrow();
    assertEquals(new BigDecimal("0.00000112"), t.standardCommissionForOrder().maker());
  }

  @Test
  void queryOrder() {
    ok("GET", "/api/v3/order", ORDER);
    Order o = client.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").origClientOrderId("abc")).orThrow();
    assertEquals(28L, o.orderId());
    assertEquals("abc", sent(lastRequest(), "origClientOrderId"));
  }

  @Test
  void cancelOrder() {
    ok("DELETE", "/api/v3/order", ORDER.replace("\"NEW\"", "\"CANCELED\"").replace("\"abc\"", "\"cxl-1\""));
    Order o = client.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").orderId(28L).newClientOrderId("cxl-1"))
        .orThrow();
    assertEquals(OrderStatus.CANCELED, o.status());
    assertEquals("DELETE", lastRequest().getMethod().getName());
  }

  @Test
  void cancelReplaceBothSucceeded() {
    // each half echoes the id the SDK created for it (response templating)
    wm.stubFor(post(urlPathEqualTo("/api/v3/order/cancelReplace")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"SUCCESS\",\"cancelResponse\":"
            + ORDER.replace("\"NEW\"", "\"CANCELED\"").replace("\"abc\"", "\"{{formData request.body 'form' urlDecode=true}}{{form.cancelNewClientOrderId}}\"")
            + ",\"newOrderResponse\":" + ORDER.replace("\"orderId\":28", "\"orderId\":29")
            .replace("}", ",\"fills\":[]}").replace("\"abc\"", "\"{{formData request.body 'form' urlDecode=true}}{{form.newClientOrderId}}\"") + " }"))); // no "}}"
    CancelReplaceResponse r = client.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT")
        .side(OrderSide.BUY).type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.STOP_ON_FAILURE)
        .timeInForce(io.spotsdk.model.TimeInForce.GTC).quantity(BigDecimal.ONE).price(BigDecimal.TEN).cancelOrderId(28L)).orThrow();
    assertEquals(29L, assertInstanceOf(OrderOrError.Executed.class, r.newOrderResponse()).order().orderId());
    assertNotNull(sent(lastRequest(), "cancelNewClientOrderId"), "both created ids are named");
    assertNotNull(sent(lastRequest(), "newClientOrderId"));
  }

  @Test
  void openOrders() {
    ok("GET", "/api/v3/openOrders", "[" + ORDER + "," + ORDER + "]");
    List<Order> orders = client.account().openOrders().orThrow();
    assertEquals(2, orders.size());
  }

  @Test
  void cancelOpenOrders() {
    ok("DELETE", "/api/v3/openOrders", "[" + ORDER + "]");
    assertEquals(1, client.trade().cancelOpenOrders(new TradeApi.CancelOpenOrdersRequest().symbol("BTCUSDT")).orThrow().size());
  }

  @Test
  void account() {
    ok("GET", "/api/v3/account", "{\"makerCommission\":15,\"canTrade\":true,\"commissionRates\":{\"maker\":\"0.00150000\"},"
        + "\"balances\":[{\"asset\":\"BTC\",\"free\":\"4723846.89208129\",\"locked\":\"0.00000000\"}],\"permissions\":[\"SPOT\"],\"uid\":354937868}");
    AccountInfo a = client.account().account(new AccountApi.AccountRequest().omitZeroBalances(true)).orThrow();
    assertEquals(new BigDecimal("4723846.89208129"), a.balances().get(0).free());
    assertEquals("true", sent(lastRequest(), "omitZeroBalances"));
  }

  @Test
  void orderRateLimits() {
    ok("GET", "/api/v3/rateLimit/order", "[{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":0},"
        + "{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\",\"intervalNum\":1,\"limit\":160000,\"count\":0}]");
    List<RateLimit> l = client.account().orderRateLimits().orThrow();
    assertEquals(160000L, l.get(1).limit());
  }

  @Test
  void missingRequiredParameterIsATypedErrorAndNothingIsSent() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> client.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").type(OrderType.LIMIT)));
    assertEquals("side", e.parameter());
    assertEquals("newOrder", e.operation());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void badRecvWindowIsATypedError() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> client.account().openOrders(new AccountApi.OpenOrdersRequest().recvWindow(new BigDecimal("60001"))));
    assertEquals("recvWindow", e.parameter());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void signedCallWithoutCredentialsIsATypedError() {
    try (SpotRestClient anonymous = SpotRestClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1:" + wm.port()), null)).build()) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> anonymous.account().account());
      assertTrue(e.getMessage().contains("credentials"));
    }
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void unrecognizedEnumCannotBeSent() {
    assertThrows(InvalidRequestException.class,
        () -> client.trade().newOrder(RestOutcomeWireTest.limitBuy().side(OrderSide.fromValue("SIDEWAYS"))));
  }

  @Test
  void noSecretAppearsInToStringOrExceptionMessages() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}")));
    Outcome<Order> o = client.trade().newOrder(RestOutcomeWireTest.limitBuy());
    String signature = sent(lastRequest(), "signature");
    OutcomeException e = assertThrows(OutcomeException.class, o::orThrow);
    Credentials c = Credentials.hmac(API_KEY, SECRET);
    for (String text : List.of(o.toString(), e.getMessage(), c.toString(), c.signer().toString(), client.toString(),
        String.valueOf(((Outcome.Rejected<Order>) o).request()))) {
      assertFalse(text.contains(SECRET), text);
      assertFalse(text.contains(signature), text);
      assertFalse(text.contains(API_KEY), text);
    }
  }

  @Test
  void theDefaultEnvironmentIsTestnet() {
    try (SpotRestClient c = SpotRestClient.builder().build()) {
      assertEquals(Environment.TESTNET, c.environment());
      assertEquals("https://testnet.binance.vision", c.environment().restBaseUri().toString());
    }
  }
}
