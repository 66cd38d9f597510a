package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.LogCapture;
import io.spotsdk.ws.api.OrderStatusParams;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Canary credentials, a server that echoes them in every odd frame it can think of, and every log record at the
 * most verbose level: no API key, secret or signature ever reaches the log. Also: a reply the SDK cannot handle
 * still completes its request.
 */
class WsLogRedactionTest {
  static final String CANARY_KEY = "CANARYapiKEY0000111122223333444455556666777788889999aaaabbbbcccc";
  static final String CANARY_SECRET = "CANARYsecret000011112222333344445555666677778888999900001111zzzz";

  ScriptedWsServer server;
  SpotWsApiClient client;
  LogCapture capture;
  List<String> log;

  @BeforeEach
  void start() throws Exception {
    capture = LogCapture.start();
    server = ScriptedWsServer.launch();
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
    capture.close();
  }

  SpotWsApiClient connect(Duration requestTimeout) {
    return SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac(CANARY_KEY, CANARY_SECRET))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(requestTimeout).connect();
  }

  @Test
  void noSecretReachesTheLogOnAnyPath() throws Exception {
    client = connect(Duration.ofMillis(400));
    CountDownLatch lateSent = new CountDownLatch(1);
    server.script = (ws, req) -> {
      JsonNode params = req.path("params");
      String key = params.path("apiKey").asText();
      String sig = params.path("signature").asText();
      String method = req.get("method").asText();
      // Unmatched, malformed, cut-off and session-ending frames, each carrying the key and the signature.
      ws.send("{\"id\":987654321,\"status\":200,\"result\":{\"apiKey\":\"" + key + "\",\"signature\":\"" + sig + "\"}}");
      ws.send("not json: apiKey=" + key + "&signature=" + sig);
      ws.send("[{\"apiKey\":\"" + key + "\"}]");
      ws.send("{\"echo\":" + req + "}");
      ws.send("{\"id\":null,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key " + key + "\"}}");
      ws.send("{\"id\":{\"apiKey\":\"" + key + "\"},\"status\":200}");
      if (method.equals("order.status")) {
        ws.send("{\"id\":" + req.get("id") + ",\"status\":\"bad\",\"result\":{\"apiKey\":\"" + key + "\"}}");
      } else if (method.equals("session.logon")) {
        new Thread(() -> { // the late reply to a logon echoes the apiKey
          try {
            Thread.sleep(600); // past the 400 ms deadline, on purpose: this reply must arrive late
          } catch (InterruptedException e) {
            return;
          }
          ws.send(ScriptedWsServer.ok(req, "{\"apiKey\":\"" + key + "\",\"authorizedSince\":1,\"connectedSince\":1,"
              + "\"returnRateLimits\":true,\"serverTime\":1}"));
          ws.send("{\"id\":" + req.get("id") + ",\"status\":200,\"result\":{\"apiKey\":\"" + key);
          lateSent.countDown();
        }).start();
      } else {
        ws.send(ScriptedWsServer.ok(req, "{}"));
      }
    };
    Outcome<?> status = client.blocking().orderStatus(new OrderStatusParams().symbol("BTCUSDT").orderId(1L));
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, assertInstanceOf(Outcome.Unknown.class, status).cause());
    assertFalse(status.toString().contains(CANARY_KEY), "nor in the outcome's text: " + status);
    assertEquals(UnknownCause.NO_REPLY, assertInstanceOf(Outcome.Unknown.class, client.blocking().sessionLogon()).cause());
    assertTrue(lateSent.await(5, TimeUnit.SECONDS));
    assertTrue(client.blocking().ping().isSuccess()); // the late frames were handled before this reply

    List<String> sigs = server.received.stream().map(r -> r.path("params").path("signature").asText())
        .filter(s -> !s.isEmpty()).toList();
    assertTrue(sigs.size() >= 2, "signed requests were made");
    assertTrue(client.stats().lateReplies() >= 1, "the late logon reply was seen");
    assertTrue(client.stats().malformedFrames() >= 3);
    log = capture.lines();
    assertTrue(log.size() >= 10, "the odd frames were logged: " + log.size());
    for (String line : log) {
      assertFalse(line.contains(CANARY_KEY), "the API key leaked into the log: " + line);
      assertFalse(line.contains(CANARY_SECRET), "the secret leaked into the log: " + line);
      for (String sig : sigs) {
        assertFalse(line.contains(sig), "a signature leaked into the log: " + line);
      }
    }
  }

  @Test
  void aReplyThatBreaksTheClassifierStillCompletesItsRequest() throws Exception {
    client = connect(Duration.ofSeconds(30));
    // A ban instant of 25 digits: more than a long holds.
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 418,
        "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1234567890123456789012345. apiKey="
            + CANARY_KEY + "\"}"));
    Outcome<?> o = client.api().ping().get(5, TimeUnit.SECONDS); // never hangs, never throws
    if (o instanceof Outcome.Unknown<?> u) {
      assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause(), u.toString());
      assertTrue(u.explanation().contains("NumberFormatException"), "the cause is kept: " + u.explanation());
      assertTrue(u.details().rawBody().contains("1234567890123456789012345"), "and the frame as received");
    } else {
      assertInstanceOf(Outcome.IpBanned.class, o, "or the classifier read it after all");
    }
    for (String line : capture.lines()) {
      assertFalse(line.contains(CANARY_KEY), "the API key leaked into the log: " + line);
    }
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{}"));
    for (WebSocket ws : server.connections) {
      assertTrue(ws.isOpen(), "the connection carries on");
    }
  }
}
