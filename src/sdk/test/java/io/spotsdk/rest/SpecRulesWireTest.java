package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.testing.ParamRuleCases;
import io.spotsdk.testing.ParamRuleCases.Case;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules the spec declares on parameters are checked before anything is sent; nothing reaches the server. */
class SpecRulesWireTest extends RestWireSupport {
  static Stream<Case> brokenOrders() {
    return ParamRuleCases.onAnOrder().stream();
  }

  static Stream<Case> edges() {
    return ParamRuleCases.edgesOfAnOrder().stream();
  }

  private InvalidRequestException refused(Supplier<Outcome<?>> call, String operation, String param, String rule) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call::get);
    assertEquals(operation, e.operation());
    assertEquals(param, e.parameter());
    assertEquals(rule, e.rule());
    assertTrue(e.getMessage().contains(operation) && e.getMessage().contains("'" + param + "'")
        && e.getMessage().contains(rule), e.getMessage());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenOrders")
  void anOrderThatBreaksARuleIsRefusedBeforeSending(Case c) {
    refused(() -> client.trade().newOrder(ParamRuleCases.with(RestOutcomeWireTest.limitBuy(), c.param(), c.value())),
        "newOrder", c.param(), c.rule());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void valuesAtTheEdgeOfARuleGoOutUnchanged(Case c) {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withTransformers("response-template")
        .withBody(RestOutcomeWireTest.ORDER_JSON.replace("\"abc\"", "\"{{formData request.body 'form' urlDecode=true}}{{form.newClientOrderId}}\""))));
    Outcome<?> o = client.trade().newOrder(ParamRuleCases.with(RestOutcomeWireTest.limitBuy(), c.param(), c.value()));
    assertInstanceOf(Outcome.Success.class, o);
    String sent = sent(wm.getAllServeEvents().get(0).getRequest(), c.param());
    assertEquals(c.value() instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(c.value()), sent);
  }

  @Test
  void otherOperationsCheckTheSameSharedRules() {
    refused(() -> client.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").orderId(1L)
        .newClientOrderId("cancel#1")), "cancelOrder", "newClientOrderId", "pattern ^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    refused(() -> client.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT")
        .side(OrderSide.BUY).type(OrderType.MARKET).cancelReplaceMode(CancelReplaceMode.STOP_ON_FAILURE).cancelOrderId(1L)
        .quantity(java.math.BigDecimal.ONE).cancelNewClientOrderId("x".repeat(37))),
        "cancelReplaceOrder", "cancelNewClientOrderId", "maxLength 36");
    refused(() -> client.account().openOrders(new AccountApi.OpenOrdersRequest().symbol("")),
        "openOrders", "symbol", "minLength 1");
  }
}
