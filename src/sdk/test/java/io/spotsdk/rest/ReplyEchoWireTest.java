package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * A success whose result does not echo what the request named (spec: x-spot-echo) is a reply to something else:
 * unknown, with the raw body and the request kept. Replies that do echo stay successes.
 */
class ReplyEchoWireTest extends RestWireSupport {

  static String order(String symbol, long orderId, String clientOrderId, String origClientOrderId) {
    return "{\"symbol\":\"" + symbol + "\",\"orderId\":" + orderId + ",\"orderListId\":-1"
        + (clientOrderId == null ? "" : ",\"clientOrderId\":\"" + clientOrderId + "\"")
        + (origClientOrderId == null ? "" : ",\"origClientOrderId\":\"" + origClientOrderId + "\"")
        + ",\"transactTime\":1507725176595,\"price\":\"0.10000000\",\"origQty\":\"10.00000000\",\"status\":\"NEW\"}";
  }

  private void reply(String body) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
  }

  private static Outcome.Unknown<?> mismatched(Outcome<?> o, String body) {
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.MISMATCHED_REPLY, u.cause());
    assertEquals(200, u.details().status());
    assertEquals(body, u.details().rawBody(), "the raw reply is kept");
    assertTrue(o.mayHaveExecuted());
    return u;
  }

  private Outcome<?> place(String clientOrderId) {
    return client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId(clientOrderId));
  }

  @Test
  void aPlacementWhoseReplyEchoesTheIdIsASuccess() {
    reply(order("BTCUSDT", 28, "mine", null));
    assertTrue(place("mine").isSuccess());
  }

  @Test
  void aPlacementAnsweredWithAnotherClientOrderIdIsUnknown() {
    String body = order("BTCUSDT", 28, "someone-else", null);
    reply(body);
    Outcome.Unknown<?> u = mismatched(place("mine"), body);
    assertEquals("mine", u.request().newClientOrderId(), "settle by the id that was sent");
    assertTrue(u.explanation().contains("clientOrderId"), u.explanation());
  }

  @Test
  void aPlacementWhoseReplyHasNoClientOrderIdIsUnknown() {
    String body = order("BTCUSDT", 28, null, null);
    reply(body);
    mismatched(place("mine"), body);
  }

  @Test
  void aPlacementAnsweredForAnotherSymbolIsUnknown() {
    String body = order("ETHUSDT", 28, "mine", null);
    reply(body);
    mismatched(place("mine"), body);
  }

  @Test
  void aQueryByClientOrderIdAnsweredWithAnotherOrderIsUnknown() {
    String body = order("BTCUSDT", 28, "xyz", null);
    reply(body);
    mismatched(client.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").origClientOrderId("abc")), body);
    reply(order("BTCUSDT", 28, "abc", null));
    assertTrue(client.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").origClientOrderId("abc")).isSuccess());
  }

  @Test
  void aQueryByOrderIdAnsweredWithAnotherOrderIsUnknown() {
    String body = order("BTCUSDT", 29, "xyz", null);
    reply(body);
    mismatched(client.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").orderId(28L)), body);
  }

  @Test
  void aCancelIsCheckedForBothItsOwnIdAndTheOrdersId() {
    TradeApi.CancelOrderRequest cancel = new TradeApi.CancelOrderRequest().symbol("BTCUSDT").origClientOrderId("abc")
        .newClientOrderId("cxl-1");
    reply(order("BTCUSDT", 28, "cxl-1", "abc"));
    assertTrue(client.trade().cancelOrder(cancel).isSuccess());

    String otherCancel = order("BTCUSDT", 28, "cxl-2", "abc");
    reply(otherCancel);
    mismatched(client.trade().cancelOrder(cancel), otherCancel);

    String otherOrder = order("BTCUSDT", 28, "cxl-1", "def");
    reply(otherOrder);
    mismatched(client.trade().cancelOrder(cancel), otherOrder);
  }

  @Test
  void aCancelReplaceIsCheckedOnBothHalves() {
    TradeApi.CancelReplaceOrderRequest req = new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.STOP_ON_FAILURE).timeInForce(TimeInForce.GTC)
        .quantity(BigDecimal.ONE).price(BigDecimal.TEN).cancelOrigClientOrderId("old")
        .cancelNewClientOrderId("cxl-1").newClientOrderId("new-1");
    String both = "{\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"SUCCESS\",\"cancelResponse\":"
        + order("BTCUSDT", 9, "cxl-1", "old") + ",\"newOrderResponse\":" + order("BTCUSDT", 10, "%s", null) + "}";
    reply(String.format(both, "new-1"));
    assertTrue(client.trade().cancelReplaceOrder(req).isSuccess());

    String otherNew = String.format(both, "new-2");
    reply(otherNew);
    mismatched(client.trade().cancelReplaceOrder(req), otherNew);

    String otherCancel = String.format(both, "new-1").replace("\"cxl-1\"", "\"cxl-9\"");
    reply(otherCancel);
    mismatched(client.trade().cancelReplaceOrder(req), otherCancel);
  }
}
