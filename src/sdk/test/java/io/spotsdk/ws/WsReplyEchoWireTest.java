package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderCancelParams;
import io.spotsdk.ws.api.OrderCancelReplaceParams;
import io.spotsdk.ws.api.OrderStatusParams;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A WebSocket success whose result does not echo the request (spec: x-spot-echo) is unknown, with the frame kept. */
class WsReplyEchoWireTest {
  ScriptedWsServer server;
  SpotWsApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac(WsClientWireTest.API_KEY, WsClientWireTest.SECRET))
        .clock(Clock.fixed(WsClientWireTest.NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(5))
        .connect();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  static String order(String symbol, long orderId, String clientOrderId, String origClientOrderId) {
    return "{\"symbol\":\"" + symbol + "\",\"orderId\":" + orderId + ",\"orderListId\":-1,\"clientOrderId\":\"" + clientOrderId + "\""
        + (origClientOrderId == null ? "" : ",\"origClientOrderId\":\"" + origClientOrderId + "\"")
        + ",\"transactTime\":1655716096505,\"price\":\"0.10000000\",\"origQty\":\"10.00000000\",\"status\":\"NEW\"}";
  }

  static String param(JsonNode req, String name) {
    return req.get("params").get(name).asText();
  }

  private static <T> Outcome<T> within5s(CompletableFuture<Outcome<T>> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  private static void mismatched(Outcome<?> o) {
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.MISMATCHED_REPLY, u.cause());
    assertTrue(u.details().rawBody().contains("\"status\":200"), "the raw frame is kept");
    assertTrue(o.mayHaveExecuted());
  }

  @Test
  void aPlacementAnsweredWithItsOwnIdIsASuccess() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, order("BTCUSDT", 1, param(req, "newClientOrderId"), null)));
    assertTrue(within5s(client.api().orderPlace(WsClientWireTest.limitBuy())).isSuccess());
  }

  @Test
  void aPlacementAnsweredWithAnotherClientOrderIdIsUnknown() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, order("BTCUSDT", 1, "someone-else", null)));
    Outcome<?> o = within5s(client.api().orderPlace(WsClientWireTest.limitBuy().newClientOrderId("mine")));
    mismatched(o);
    assertEquals("mine", ((Outcome.Unknown<?>) o).request().newClientOrderId());
  }

  @Test
  void aStatusQueryAnsweredWithAnotherOrderIsUnknown() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, order("BTCUSDT", 1, "xyz", null)));
    mismatched(within5s(client.api().orderStatus(new OrderStatusParams().symbol("BTCUSDT").origClientOrderId("abc"))));
  }

  @Test
  void aCancelAnsweredForAnotherCancelIsUnknown() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, order("BTCUSDT", 1, "not-our-cancel", param(req, "origClientOrderId"))));
    mismatched(within5s(client.api().orderCancel(new OrderCancelParams().symbol("BTCUSDT").origClientOrderId("abc"))));
  }

  @Test
  void aCancelReplaceWhoseNewOrderIsAnotherIsUnknown() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"SUCCESS\","
        + "\"cancelResponse\":" + order("BTCUSDT", 1, param(req, "cancelNewClientOrderId"), "old")
        + ",\"newOrderResponse\":" + order("BTCUSDT", 2, "not-ours", null) + "}"));
    mismatched(within5s(client.api().orderCancelReplace(new OrderCancelReplaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.STOP_ON_FAILURE).cancelOrigClientOrderId("old")
        .timeInForce(TimeInForce.GTC).quantity(BigDecimal.ONE).price(BigDecimal.ONE))));
  }
}
