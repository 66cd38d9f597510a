package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.ParamRuleCases;
import io.spotsdk.testing.ParamRuleCases.Case;
import io.spotsdk.ws.api.OpenOrdersStatusParams;
import io.spotsdk.ws.api.OrderCancelParams;
import io.spotsdk.ws.api.OrderCancelReplaceParams;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebSocket params classes check the spec's rules too; a refused call writes no frame. */
class WsSpecRulesWireTest {
  ScriptedWsServer server;
  SpotWsApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(java.net.URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac(WsClientWireTest.API_KEY, WsClientWireTest.SECRET))
        .clock(Clock.fixed(WsClientWireTest.NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(5)).connect();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  static Stream<Case> brokenOrders() {
    return ParamRuleCases.onAnOrder().stream();
  }

  static Stream<Case> edges() {
    return ParamRuleCases.edgesOfAnOrder().stream();
  }

  /** Frames on one connection arrive in order: once a later ping has arrived, nothing before it can still come. */
  private List<String> methodsTheServerReceived() {
    assertInstanceOf(Outcome.Success.class, client.blocking().ping());
    return server.received.stream().map(f -> f.get("method").asText()).toList();
  }

  private void refused(Supplier<?> call, String method, String param, String rule) {
    InvalidRequestException e = assertThrows(InvalidRequestException.class, call::get);
    assertEquals(method, e.operation());
    assertEquals(param, e.parameter());
    assertEquals(rule, e.rule());
    assertTrue(e.getMessage().contains(method) && e.getMessage().contains("'" + param + "'")
        && e.getMessage().contains(rule), e.getMessage());
    assertEquals(List.of("ping"), methodsTheServerReceived(), "no frame was written for the refused call");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenOrders")
  void anOrderThatBreaksARuleIsRefusedBeforeSending(Case c) {
    refused(() -> client.api().orderPlace(ParamRuleCases.with(WsClientWireTest.limitBuy(), c.param(), c.value())),
        "order.place", c.param(), c.rule());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edges")
  void valuesAtTheEdgeOfARuleGoOutUnchanged(Case c) {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, WsClientWireTest.orderFor(req)));
    Outcome<?> o = client.blocking().orderPlace(ParamRuleCases.with(WsClientWireTest.limitBuy(), c.param(), c.value()));
    assertInstanceOf(Outcome.Success.class, o);
    JsonNode sent = server.received.get(0).get("params").get(c.param());
    assertEquals(c.value() instanceof BigDecimal d ? d.toPlainString() : String.valueOf(c.value()), sent.asText());
  }

  @Test
  void otherMethodsCheckTheSameSharedRules() {
    refused(() -> client.api().orderCancel(new OrderCancelParams().symbol("BTCUSDT").orderId(1L)
        .newClientOrderId("cancel#1")), "order.cancel", "newClientOrderId", "pattern ^[\\.A-Z\\:/a-z0-9_-]{1,36}$");
    server.received.clear();
    refused(() -> client.api().orderCancelReplace(new OrderCancelReplaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.MARKET).cancelReplaceMode(CancelReplaceMode.STOP_ON_FAILURE).cancelOrderId(1L)
        .quantity(BigDecimal.ONE).cancelNewClientOrderId("x".repeat(37))),
        "order.cancelReplace", "cancelNewClientOrderId", "maxLength 36");
    server.received.clear();
    refused(() -> client.api().openOrdersStatus(new OpenOrdersStatusParams().symbol("")),
        "openOrders.status", "symbol", "minLength 1");
  }
}
