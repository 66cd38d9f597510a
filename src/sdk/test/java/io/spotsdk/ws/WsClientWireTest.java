package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.model.ServerTime;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.OrderOrError;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderCancelReplaceParams;
import io.spotsdk.ws.api.OrderPlaceParams;
import io.spotsdk.ws.api.OrderStatusParams;
import io.spotsdk.ws.api.PingParams;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.java_websocket.WebSocket;
import org.java_websocket.enums.Opcode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebSocket API client against a real WebSocket server on 127.0.0.1. */
class WsClientWireTest {
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final Instant NOW = Instant.ofEpochMilli(1_645_423_376_532L);
  static final String ORDER = "{\"symbol\":\"BTCUSDT\",\"orderId\":12510053279,\"orderListId\":-1,\"clientOrderId\":\"a097fe6304b20a7e4fc436\","
      + "\"transactTime\":1655716096505,\"price\":\"0.10000000\",\"origQty\":\"10.00000000\",\"executedQty\":\"0.00000000\","
      + "\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\",\"newFieldFromTheFuture\":true}";


  /** ORDER as Binance returns it to this request: echoing the clientOrderId and orderId the request named. */
  static String orderFor(JsonNode req) {
    JsonNode params = req.path("params");
    String order = ORDER;
    if (params.hasNonNull("newClientOrderId")) {
      order = order.replace("\"a097fe6304b20a7e4fc436\"", "\"" + params.get("newClientOrderId").asText() + "\"");
    }
    if (params.hasNonNull("orderId")) {
      order = order.replace("12510053279", params.get("orderId").asText());
    }
    return order;
  }

  ScriptedWsServer server;
  SpotWsApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    client = connect(b -> b);
  }

  SpotWsApiClient connect(java.util.function.UnaryOperator<SpotWsApiClient.Builder> tweak) {
    return tweak.apply(SpotWsApiClient.builder()
        .environment(Environment.custom(java.net.URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac(API_KEY, SECRET))
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(5))).connect();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  static OrderPlaceParams limitBuy() {
    return new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
        .quantity(new BigDecimal("0.01000000")).price(new BigDecimal("52000.00"));
  }

  @Test
  void successDecodesIntoTheSameModelAsRestWithUsage() {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, orderFor(req)));
    Outcome<Order> o = client.blocking().orderPlace(limitBuy());
    Outcome.Success<Order> s = assertInstanceOf(Outcome.Success.class, o);
    assertEquals(new BigDecimal("0.10000000"), s.value().price());
    assertEquals(3L, s.usage().count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE));
  }

  @Test
  void signedFrameFollowsTheWebSocketSigningRule() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, orderFor(req)));
    client.blocking().orderPlace(limitBuy().newClientOrderId("cid1"));
    JsonNode params = server.received.get(0).get("params");
    assertEquals(API_KEY, params.get("apiKey").asText());
    assertEquals(NOW.toEpochMilli(), params.get("timestamp").asLong());
    assertTrue(params.get("timestamp").isNumber());
    assertEquals("52000.00", params.get("price").asText());
    List<String> names = new ArrayList<>();
    params.fieldNames().forEachRemaining(n -> {
      if (!n.equals("signature")) {
        names.add(n);
      }
    });
    names.sort(null);
    StringBuilder payload = new StringBuilder();
    for (String n : names) {
      payload.append(payload.length() == 0 ? "" : "&").append(n).append('=').append(params.get(n).asText());
    }
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertEquals(java.util.HexFormat.of().formatHex(mac.doFinal(payload.toString().getBytes(StandardCharsets.UTF_8))),
        params.get("signature").asText());
  }

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}", Outcome.Rejected.class),
        Arguments.of(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}", Outcome.Rejected.class),
        Arguments.of(403, "{\"code\":-1002,\"msg\":\"blocked\"}", Outcome.WafBlocked.class),
        Arguments.of(404, "{\"code\":-1020,\"msg\":\"nope\"}", Outcome.Rejected.class),
        Arguments.of(400, "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server.\"}", Outcome.Unknown.class),
        Arguments.of(408, "{\"code\":-1006,\"msg\":\"An unexpected response was received from the message bus.\"}", Outcome.Unknown.class),
        Arguments.of(500, "{\"code\":-1000,\"msg\":\"An unknown error occurred\"}", Outcome.Unknown.class),
        Arguments.of(503, "{\"code\":-1008,\"msg\":\"Server is currently overloaded\"}", Outcome.Unknown.class),
        Arguments.of(504, "{\"code\":-1001,\"msg\":\"Internal error\"}", Outcome.Unknown.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statuses")
  void everyStatusGetsItsMeaningFromTheSpec(int status, String error, Class<?> expected) {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, status, error));
    Outcome<Order> o = client.blocking().orderPlace(limitBuy());
    assertInstanceOf(expected, o);
    assertEquals(status, o.error().orElseThrow().status());
    if (o instanceof Outcome.Unknown<Order> u && status >= 500) {
      assertTrue(u.explanation().contains("new WebSocket connection"), u.explanation());
    }
  }

  @Test
  void status429And418CarryRetryAfterAsAnInstantAndKeepData() {
    long until = NOW.toEpochMilli() + 7_000;
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 429,
        "{\"code\":-1003,\"msg\":\"Too much request weight used\",\"data\":{\"serverTime\":1,\"retryAfter\":" + until + "}}"));
    Outcome.RateLimited<?> r = assertInstanceOf(Outcome.RateLimited.class, client.blocking().ping());
    assertEquals(Instant.ofEpochMilli(until), r.retryAt());
    assertEquals(Duration.ofSeconds(7), r.retryAfter());
    assertEquals(1, r.details().data().get("serverTime").asInt(), "error.data is never dropped");

    try (SpotWsApiClient c2 = connect(b -> b)) {
      long banEnd = NOW.toEpochMilli() + 120_000;
      server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 418,
          "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + banEnd + ".\",\"data\":{\"retryAfter\":" + banEnd + "}}"));
      Outcome.IpBanned<?> b = assertInstanceOf(Outcome.IpBanned.class, c2.blocking().ping());
      assertEquals(Instant.ofEpochMilli(banEnd), b.bannedUntil());
      int before = server.received.size();
      Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, c2.blocking().ping());
      assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
      assertEquals(before, server.received.size(), "nothing is sent during a ban");
    }
  }

  @Test
  void status409CancelReplaceIsPartialWithBothHalvesTyped() {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 409, "{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\","
        + "\"data\":{\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"FAILURE\",\"cancelResponse\":" + ORDER.replace("NEW", "CANCELED")
        + ",\"newOrderResponse\":{\"code\":-2010,\"msg\":\"Order would immediately match and take.\"}}}"));
    Outcome<?> o = client.blocking().orderCancelReplace(new OrderCancelReplaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE).cancelOrderId(1L)
        .timeInForce(TimeInForce.GTC).quantity(BigDecimal.ONE).price(BigDecimal.ONE));
    Outcome.PartiallyExecuted<?> p = assertInstanceOf(Outcome.PartiallyExecuted.class, o);
    assertInstanceOf(OrderOrError.Executed.class, p.halves().cancelResponse());
    assertEquals(-2010, assertInstanceOf(OrderOrError.Failed.class, p.halves().newOrderResponse()).error().code());
    JsonNode params = server.received.get(0).get("params");
    assertNotNull(params.get("newClientOrderId"));
    assertNotNull(params.get("cancelNewClientOrderId"));
  }

  @Test
  void repliesOutOfOrderReachTheirOwnRequests() {
    List<JsonNode> held = new CopyOnWriteArrayList<>();
    List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    server.script = (ws, req) -> {
      held.add(req);
      sockets.add(ws);
      if (held.size() == 5) {
        for (int i = held.size() - 1; i >= 0; i--) {
          JsonNode r = held.get(i);
          ws.send(ScriptedWsServer.ok(r, "{\"serverTime\":" + r.get("id").asLong() * 10 + "}"));
        }
      }
    };
    List<CompletableFuture<Outcome<ServerTime>>> fs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      fs.add(client.api().time());
    }
    // ids are 1..5 in send order; the server answers 5..1, each with its own id x 10
    for (int i = 1; i <= 5; i++) {
      assertEquals(i * 10L, fs.get(i - 1).join().orThrow().serverTime());
    }
  }

  @Test
  void noReplyBeforeTheDeadlineIsUnknown() {
    try (SpotWsApiClient impatient = connect(b -> b.requestTimeout(Duration.ofMillis(300)))) {
      server.script = (ws, req) -> { };
      Outcome<Order> o = impatient.blocking().orderPlace(limitBuy());
      Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
      assertEquals(UnknownCause.NO_REPLY, u.cause());
      assertNotNull(u.request().newClientOrderId());
      assertEquals(NOW.toEpochMilli(), u.request().timestamp());
    }
  }

  @Test
  void theServerClosingFailsEveryRequestInFlightAtOnce() {
    CountDownLatch all = new CountDownLatch(3);
    server.script = (ws, req) -> all.countDown();
    List<CompletableFuture<Outcome<Order>>> fs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fs.add(client.api().orderPlace(limitBuy()));
    }
    await(all);
    server.connections.forEach(WebSocket::close);
    for (CompletableFuture<Outcome<Order>> f : fs) {
      Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, f.orTimeout(5, TimeUnit.SECONDS).join());
      assertEquals(UnknownCause.CONNECTION_LOST, u.cause());
    }
  }

  @Test
  void aThousandConcurrentRequestsEachGetTheirOwnReply() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":" + req.get("id").asLong() * 7 + "}"));
    int n = 1000;
    List<CompletableFuture<Outcome<ServerTime>>> fs = new ArrayList<>(n);
    long t0 = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    List<CompletableFuture<Outcome<ServerTime>>> sync = java.util.Collections.synchronizedList(fs);
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < n / 4; i++) {
          sync.add(client.api().time());
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).orTimeout(30, TimeUnit.SECONDS).join();
    long micros = (System.nanoTime() - t0) / 1000;
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (CompletableFuture<Outcome<ServerTime>> f : fs) {
      seen.add(f.join().orThrow().serverTime());
    }
    assertEquals(n, seen.size(), "every request got a different reply");
    assertEquals(n, server.received.size());
    for (JsonNode req : server.received) {
      assertTrue(seen.contains(req.get("id").asLong() * 7), "the reply to id " + req.get("id") + " reached its caller");
    }
    assertEquals(0, client.stats().unmatchedReplies());
    System.out.printf("ws-concurrency: %d concurrent requests on one connection, all matched, in %d ms (%.0f req/s)%n",
        n, micros / 1000, n / (micros / 1e6));
  }

  @Test
  void repliesWithUnknownIdsAreCountedNotMisrouted() {
    server.script = (ws, req) -> {
      ws.send("{\"id\":987654321,\"status\":200,\"result\":{\"serverTime\":1}}");
      ws.send("{\"id\":\"abcdef\",\"status\":200,\"result\":{\"serverTime\":2}}");
      ws.send("{\"id\":null,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}");
      ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":3}"));
    };
    assertEquals(3L, client.blocking().time().orThrow().serverTime());
    assertEquals(3, client.stats().unmatchedReplies());
  }

  @Test
  void malformedFramesAreReportedAndTheConnectionCarriesOn() {
    server.script = (ws, req) -> {
      ws.send("this is not json");
      ws.send("[1,2,3]");
      ws.send("{\"status\":200,\"result\":{}}");
      ws.send("{\"id\":{\"nested\":1},\"status\":200}");
      if (req.get("method").asText().equals("order.place")) {
        ws.send("{\"id\":" + req.get("id") + ",\"status\":\"two hundred\",\"result\":{}}");
      } else {
        ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":5}"));
      }
    };
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, client.blocking().orderPlace(limitBuy()));
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(5L, client.blocking().time().orThrow().serverTime(), "the connection still works");
    assertEquals(9, client.stats().malformedFrames());
  }

  @Test
  void fragmentedTextFramesAreReassembled() {
    server.script = (ws, req) -> {
      byte[] all = ScriptedWsServer.ok(req, orderFor(req)).getBytes(StandardCharsets.UTF_8);
      int third = all.length / 3;
      ws.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(all, 0, third), false);
      ws.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(all, third, third), false);
      ws.sendFragmentedFrame(Opcode.TEXT, ByteBuffer.wrap(all, 2 * third, all.length - 2 * third), true);
    };
    assertEquals(12510053279L, client.blocking().orderPlace(limitBuy()).orThrow().orderId());
  }

  @Test
  void serverPingsAreAnswered() throws Exception {
    server.connections.forEach(WebSocket::sendPing);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{}"));
    while (server.pongs.get() == 0 && System.nanoTime() < deadline) {
      client.blocking().ping(); // a round trip orders the pong before our check, no sleeping
    }
    assertTrue(server.pongs.get() > 0);
  }

  @Test
  void returnRateLimitsFalseOnTheUrlAndPerRequest() {
    try (SpotWsApiClient quiet = connect(b -> b.returnRateLimits(false))) {
      server.script = (ws, req) -> ws.send("{\"id\":" + req.get("id") + ",\"status\":200,\"result\":{}}");
      assertTrue(quiet.blocking().ping(new PingParams().returnRateLimits(true)).isSuccess());
      assertTrue(server.paths.get(server.paths.size() - 1).endsWith("/ws-api/v3?returnRateLimits=false"));
      JsonNode last = server.received.get(server.received.size() - 1);
      assertTrue(last.get("params").get("returnRateLimits").asBoolean());
      assertTrue(last.get("params").get("returnRateLimits").isBoolean());
    }
  }

  @Test
  void afterSessionLogonSignedCallsCarryNoKeyOrSignature() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
    var kp = g.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    try (SpotWsApiClient ed = connect(b -> b.credentials(Credentials.ed25519("edKey", pem)))) {
      server.script = (ws, req) -> {
        if (req.get("method").asText().equals("session.logon")) {
          ws.send(ScriptedWsServer.ok(req, "{\"apiKey\":\"edKey\",\"authorizedSince\":1,\"connectedSince\":1,\"returnRateLimits\":true,\"serverTime\":1}"));
        } else {
          ws.send(ScriptedWsServer.ok(req, orderFor(req)));
        }
      };
      assertTrue(ed.blocking().sessionLogon().isSuccess());
      JsonNode logon = server.received.get(server.received.size() - 1).get("params");
      assertEquals("edKey", logon.get("apiKey").asText());
      java.security.Signature v = java.security.Signature.getInstance("Ed25519");
      v.initVerify(kp.getPublic());
      v.update(("apiKey=edKey&recvWindow=5000&timestamp=" + NOW.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
      assertTrue(v.verify(Base64.getDecoder().decode(logon.get("signature").asText())), "logon signed with Ed25519");

      assertTrue(ed.blocking().orderStatus(new OrderStatusParams().symbol("BTCUSDT").orderId(1L)).isSuccess());
      JsonNode status = server.received.get(server.received.size() - 1).get("params");
      assertNull(status.get("apiKey"));
      assertNull(status.get("signature"));
      assertEquals(NOW.toEpochMilli(), status.get("timestamp").asLong());
    }
  }

  @Test
  void serverShutdownTriggersAPlannedReconnectThatLetsTheOldConnectionDrain() {
    CountDownLatch replaced = new CountDownLatch(1);
    client.close();
    client = connect(b -> b.listener(new io.spotsdk.WsConnectionListener() {
      @Override
      public void replaced(int n, String reason) {
        if (reason.equals("serverShutdown")) {
          replaced.countDown();
        }
      }
    }));
    List<JsonNode> heldOnFirst = new CopyOnWriteArrayList<>();
    CountDownLatch twoHeld = new CountDownLatch(2);
    WebSocket first = server.connections.get(server.connections.size() - 1);
    server.script = (ws, req) -> {
      if (ws == first) {
        heldOnFirst.add(req);
        twoHeld.countDown();
      } else {
        ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":99}"));
      }
    };
    CompletableFuture<Outcome<Order>> a = client.api().orderPlace(limitBuy());
    CompletableFuture<Outcome<Order>> b = client.api().orderPlace(limitBuy());
    await(twoHeld);
    first.send("{\"event\":{\"e\":\"serverShutdown\",\"E\":1696969696969}}");
    await(replaced);
    assertEquals(2, client.connectionsOpened());
    assertEquals(99L, client.blocking().time().orThrow().serverTime(), "new requests use the new connection");
    assertFalse(a.isDone(), "in-flight requests stay on the old connection");
    for (JsonNode r : heldOnFirst) {
      first.send(ScriptedWsServer.ok(r, orderFor(r)));
    }
    assertTrue(a.orTimeout(5, TimeUnit.SECONDS).join().isSuccess());
    assertTrue(b.orTimeout(5, TimeUnit.SECONDS).join().isSuccess());
    assertEquals(2, heldOnFirst.size(), "nothing was resent");
  }

  @Test
  void theConnectionLifetimeTriggersAPlannedReconnect() {
    CountDownLatch replaced = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<String> why = new java.util.concurrent.atomic.AtomicReference<>();
    try (SpotWsApiClient shortLived = connect(b -> b.connectionLifetime(Duration.ofMillis(200))
        .listener(new io.spotsdk.WsConnectionListener() {
          @Override
          public void replaced(int n, String reason) {
            why.compareAndSet(null, reason);
            replaced.countDown();
          }
        }))) {
      await(replaced);
      assertEquals("connection lifetime reached", why.get());
      server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":7}"));
      assertEquals(7L, shortLived.blocking().time().orThrow().serverTime());
    }
  }

  static void await(CountDownLatch l) {
    try {
      assertTrue(l.await(10, TimeUnit.SECONDS), "timed out waiting for the server");
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }
}
