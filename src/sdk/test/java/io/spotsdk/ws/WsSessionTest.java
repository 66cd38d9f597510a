package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.WsConnectionListener;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.ManualClock;
import io.spotsdk.ws.api.OrderStatusParams;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A logged-on session across reconnects, a failed re-logon, and the server revoking the session. */
class WsSessionTest {
  static final String KEY = "edSessionKey";
  static final Instant NOW = Instant.ofEpochMilli(1_645_423_376_532L);
  static final String SESSION = "{\"apiKey\":\"" + KEY
      + "\",\"authorizedSince\":1,\"connectedSince\":1,\"returnRateLimits\":true,\"serverTime\":1}";
  static final String STATUS = "{\"symbol\":\"BTCUSDT\",\"orderId\":1,\"orderListId\":-1,\"clientOrderId\":\"c\","
      + "\"status\":\"NEW\",\"type\":\"LIMIT\",\"side\":\"BUY\"}";

  ScriptedWsServer server;
  SpotWsApiClient client;
  final ManualClock clock = new ManualClock(NOW);
  final RateLimitGate gate = RateLimitGate.builder().clock(clock).build();
  final List<String> sessionLost = new CopyOnWriteArrayList<>();
  final CountDownLatch sessionLostLatch = new CountDownLatch(1);
  volatile String logonReply; // null: success

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    server.script = (ws, req) -> {
      String method = req.get("method").asText();
      if (method.equals("session.logon")) {
        String r = logonReply;
        ws.send(r == null ? ScriptedWsServer.ok(req, SESSION) : ScriptedWsServer.error(req, 401, r));
      } else if (method.equals("ping")) {
        long until = NOW.toEpochMilli() + 180_000; // longer than the gate's 2-minute ban floor
        ws.send(ScriptedWsServer.error(req, 418, "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until "
            + until + ".\",\"data\":{\"retryAfter\":" + until + "}}"));
      } else {
        ws.send(ScriptedWsServer.ok(req, STATUS));
      }
    };
    var kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.ed25519(KEY, pem))
        .clock(clock)
        .rateLimitGate(gate)
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(10))
        .listener(new WsConnectionListener() {
          @Override
          public void sessionLost(String reason) {
            sessionLost.add(reason);
            sessionLostLatch.countDown();
          }
        })
        .connect();
    assertTrue(client.blocking().sessionLogon().isSuccess());
    assertSessionCall("logged on: signed calls carry neither apiKey nor signature", false);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  /** Makes a signed call and checks whether its frame carried apiKey and signature. */
  void assertSessionCall(String what, boolean signedAgain) {
    assertTrue(client.blocking().orderStatus(new OrderStatusParams().symbol("BTCUSDT").orderId(1L)).isSuccess());
    JsonNode params = last("order.status").get("params");
    if (signedAgain) {
      assertEquals(KEY, params.path("apiKey").asText(), what);
      assertNotNull(params.get("signature"), what);
    } else {
      assertNull(params.get("apiKey"), what);
      assertNull(params.get("signature"), what);
    }
  }

  JsonNode last(String method) {
    List<JsonNode> all = server.received.stream().filter(r -> r.get("method").asText().equals(method)).toList();
    return all.get(all.size() - 1);
  }

  long count(String method) {
    return server.received.stream().filter(r -> r.get("method").asText().equals(method)).count();
  }

  @Test
  void aSessionTheServerRevokesIsReportedAndSignedCallsAreSignedAgain() throws Exception {
    for (WebSocket ws : server.connections) {
      ws.send("{\"id\":null,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}");
    }
    assertTrue(sessionLostLatch.await(5, TimeUnit.SECONDS), "the listener hears of it");
    assertTrue(sessionLost.get(0).contains("401") && sessionLost.get(0).contains("-2015"), sessionLost.get(0));
    assertSessionCall("after the session was revoked, signed calls carry apiKey and signature again", true);
    assertEquals(1, client.stats().unmatchedReplies(), "the frame is still counted as unmatched");
  }

  @Test
  void aReLogonThatFailsIsReportedAndSignedCallsAreSignedAgain() throws Exception {
    logonReply = "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}";
    client.reconnect().get(5, TimeUnit.SECONDS);
    assertEquals(2, count("session.logon"), "the new connection tried to log on");
    assertTrue(sessionLostLatch.await(5, TimeUnit.SECONDS), "the listener hears of it");
    assertTrue(sessionLost.get(0).contains("re-logon") && sessionLost.get(0).contains("401"), sessionLost.get(0));
    assertSessionCall("without a session, signed calls carry apiKey and signature", true);
  }

  @Test
  void aReLogonGoesThroughTheRateLimitGate() throws Exception {
    assertInstanceOf(Outcome.IpBanned.class, client.blocking().ping(), "the IP is now banned for 3 minutes");
    client.reconnect().get(5, TimeUnit.SECONDS);
    assertEquals(1, count("session.logon"), "nothing is sent during a ban, not even a re-logon");
    assertTrue(sessionLostLatch.await(5, TimeUnit.SECONDS), "the listener hears the session is gone");
    assertTrue(sessionLost.get(0).contains("HELD_BY_RATE_LIMIT_GATE"), sessionLost.get(0));
    clock.advance(Duration.ofSeconds(181));
    assertSessionCall("after the ban, on the new connection, signed calls are signed again", true);
  }

  @Test
  void aReLogonThatSucceedsKeepsTheSession() throws Exception {
    client.reconnect().get(5, TimeUnit.SECONDS);
    assertEquals(2, count("session.logon"));
    assertSessionCall("the session follows the client to the new connection", false);
    assertTrue(sessionLost.isEmpty(), sessionLost.toString());
  }
}
