package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replies with absurd or missing values on a real WebSocket server: every future completes with an outcome, numbers
 * beyond reason are clamped, a success without its result is not a success, and a ban is never lifted early.
 */
class WsAbsurdReplyWireTest {
  static final Instant NOW = WsClientWireTest.NOW;
  /** The furthest a retry or ban instant may lie ahead (OutcomeClassifier's clamp). */
  static final Duration HORIZON = Duration.ofDays(7);
  /** The shortest ban the gate keeps (RateLimitGate's floor): Binance's shortest ban. */
  static final Duration BAN_FLOOR = Duration.ofMinutes(2);

  ScriptedWsServer server;
  ManualClock clock;
  SpotWsApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    clock = new ManualClock(NOW);
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac(WsClientWireTest.API_KEY, WsClientWireTest.SECRET))
        .clock(clock)
        .rateLimitGate(RateLimitGate.builder().clock(clock).maxWait(Duration.ZERO).build()) // refuse, never hold
        .retryPolicy(RetryPolicy.none())
        // long, so that a future left behind shows as a timeout of the test, not as NO_REPLY
        .requestTimeout(Duration.ofSeconds(60))
        .connect();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    server.close();
  }

  private static <T> T within5s(CompletableFuture<T> f) throws Exception {
    return f.get(5, TimeUnit.SECONDS);
  }

  @Test
  void a418WhoseMsgHoldsA20DigitNumberStillCompletesTheFuture() throws Exception {
    String error = "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 99999999999999999999.\"}";
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 418, error));
    Outcome<Order> o = within5s(client.api().orderPlace(WsClientWireTest.limitBuy()));
    Outcome.IpBanned<Order> b = assertInstanceOf(Outcome.IpBanned.class, o);
    assertEquals(NOW.plus(HORIZON), b.bannedUntil());
    assertTrue(b.details().rawBody().contains("99999999999999999999"), "the raw frame is kept");
  }

  @ParameterizedTest(name = "retryAfter {0}")
  @ValueSource(strings = {"9223372036854775807", "1e30", "123456789012345678901234567890"})
  void aRetryAfterBeyondAnyInstantIsClampedToTheHorizon(String retryAfter) throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 429,
        "{\"code\":-1003,\"msg\":\"Too much request weight used\",\"data\":{\"retryAfter\":" + retryAfter + "}}"));
    Outcome.RateLimited<?> r = assertInstanceOf(Outcome.RateLimited.class, within5s(client.api().ping()));
    assertEquals(NOW.plus(HORIZON), r.retryAt());
    assertEquals(HORIZON, r.retryAfter());
  }

  @Test
  void aRetryAfterInThePastMeansNow() throws Exception {
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 429,
        "{\"code\":-1003,\"msg\":\"Too much request weight used\",\"data\":{\"retryAfter\":-5}}"));
    Outcome.RateLimited<?> r = assertInstanceOf(Outcome.RateLimited.class, within5s(client.api().ping()));
    assertEquals(NOW, r.retryAt());
    assertEquals(Duration.ZERO, r.retryAfter());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", ",\"result\":null"})
  void a200WithoutResultIsUnknownNotSuccess(String result) throws Exception {
    server.script = (ws, req) -> ws.send("{\"id\":" + req.get("id") + ",\"status\":200" + result + "}");
    Outcome<Order> o = within5s(client.api().orderPlace(WsClientWireTest.limitBuy()));
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertTrue(u.details().rawBody().contains("\"status\":200"), "the raw frame is kept");
    assertTrue(o.mayHaveExecuted());
  }

  @Test
  void a418WhoseRetryAfterHasPassedStillHoldsEverythingForTheFloor() throws Exception {
    long past = NOW.toEpochMilli() - 60_000;
    server.script = (ws, req) -> ws.send(ScriptedWsServer.error(req, 418,
        "{\"code\":-1003,\"msg\":\"IP banned until " + past + ".\",\"data\":{\"retryAfter\":" + past + "}}"));
    assertInstanceOf(Outcome.IpBanned.class, within5s(client.api().ping()));
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{}"));
    clock.advance(BAN_FLOOR.minusMillis(1));
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, within5s(client.api().ping()));
    assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
    assertEquals(1, server.received.size(), "nothing is sent before the floor has passed");
    clock.advance(Duration.ofMillis(1));
    assertTrue(within5s(client.api().ping()).isSuccess());
    assertEquals(2, server.received.size());
  }
}
