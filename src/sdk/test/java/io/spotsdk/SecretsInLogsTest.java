package io.spotsdk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testkit.Fault;
import io.spotsdk.testkit.Match;
import io.spotsdk.testkit.SimConfig;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.testing.LogCapture;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every SDK log line, at TRACE, over REST and WebSocket against the simulator with its faults (5XX, no reply, drop,
 * 418, 429), with canary credentials (HMAC, and Ed25519 with a session.logon): no API key, secret or signature in
 * any line. The lines the SDK promises (an unknown outcome, a retry, a gate hold or refusal, a ban, a reconnect) are
 * checked to have been logged, so a test that saw no lines cannot pass.
 */
class SecretsInLogsTest {
  static final String HMAC_KEY = "CANARYhmacKEY000111122223333444455556666777788889999aaaabbbbccc";
  static final String HMAC_SECRET = "CANARYhmacSECRET0011112222333344445555666677778888999900001111zz";
  static final String ED_KEY = "CANARYedKEY00001111222233334444555566667777888899990000aaaabbbbcc";
  /** An HMAC-SHA256 signature (64 hex digits) or an Ed25519 one (64 bytes in base64, percent-encoded or not). */
  static final Pattern SIGNATURE = Pattern.compile("(?i)\\b[0-9a-f]{64}\\b|[A-Za-z0-9+/]{86}(==|%3D%3D)");

  @Test
  void noSecretInAnyLogLineOnAnyPath() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String edPem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(ed.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    String edSecret = Base64.getEncoder().encodeToString(ed.getPrivate().getEncoded());
    SimConfig config = SimConfig.defaults().withBanDuration(Duration.ofMillis(300)).withNoReplyHold(Duration.ofSeconds(1))
        .withInjectedRetryAfter(Duration.ofMillis(150));
    List<String> lines;
    try (LogCapture capture = LogCapture.start(); SpotSimulator sim = SpotSimulator.start(config)) {
      sim.addHmacAccount(HMAC_KEY, HMAC_SECRET).addEd25519Account(ED_KEY, ed.getPublic());
      Environment env = Environment.custom(sim.restBaseUri(), sim.wsApiUri());
      // bans in the simulator last 300 ms, not Binance's 2 minutes at least
      RateLimitGate gate = RateLimitGate.builder().maxWait(Duration.ofSeconds(2)).banFloor(Duration.ofMillis(300)).build();
      try (SpotRestClient rest = SpotRestClient.builder().environment(env).credentials(Credentials.hmac(HMAC_KEY, HMAC_SECRET))
              .rateLimitGate(gate).readTimeout(Duration.ofMillis(400)).build();
          SpotWsApiClient ws = SpotWsApiClient.builder().environment(env).credentials(Credentials.hmac(HMAC_KEY, HMAC_SECRET))
              .rateLimitGate(gate).requestTimeout(Duration.ofMillis(400)).retryPolicy(RetryPolicy.defaults()).connect();
          SpotWsApiClient session = SpotWsApiClient.builder().environment(env).credentials(Credentials.ed25519(ED_KEY, edPem))
              .rateLimitGate(gate).requestTimeout(Duration.ofMillis(400)).connect()) {
        rest.market().exchangeInfo();
        for (Fault f : List.of(Fault.EXECUTE_THEN_500, Fault.EXECUTE_THEN_NO_REPLY, Fault.EXECUTE_THEN_DROP,
            Fault.RATE_LIMIT_429, Fault.BAN_418)) {
          sim.faults().next(Match.rest("POST", "/api/v3/order"), f);
          rest.trade().newOrder(restOrder());
          rest.trade().newOrder(restOrder()); // after a 429 or 418: held or refused by the gate
        }
        sim.faults().next(Match.rest("GET", "/api/v3/order"), Fault.NO_EXECUTE_500);
        rest.account().queryOrder(new AccountApi.QueryOrderRequest().symbol("BTCUSDT").origClientOrderId("canary-read"));
        rest.trade().cancelOrder(new TradeApi.CancelOrderRequest().symbol("BTCUSDT").origClientOrderId("no-such"));

        for (Fault f : List.of(Fault.EXECUTE_THEN_500, Fault.EXECUTE_THEN_NO_REPLY, Fault.EXECUTE_THEN_DROP,
            Fault.RATE_LIMIT_429, Fault.BAN_418)) {
          sim.faults().next(Match.ws("order.place"), f);
          ws.blocking().orderPlace(wsOrder());
          ws.blocking().orderPlace(wsOrder());
        }
        ws.reconnect().get();

        assertTrue(session.blocking().sessionLogon().isSuccess(), "the Ed25519 session logs on");
        sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_500);
        assertInstanceOf(Outcome.Unknown.class, session.blocking().orderPlace(wsOrder()));
        session.blocking().orderPlace(wsOrder());
        sim.sendServerShutdown(); // a planned reconnect, and a re-logon on the new connection
        session.blocking().orderPlace(wsOrder());
        session.blocking().sessionLogout();
      }
      lines = capture.lines();
    }

    assertLogged(lines, "io.spotsdk.rest WARN", "outcome UNKNOWN");
    assertLogged(lines, "io.spotsdk.ws WARN", "outcome UNKNOWN");
    assertLogged(lines, "io.spotsdk.retry INFO", "retrying");
    assertLogged(lines, "io.spotsdk.gate WARN", "IP banned");
    assertLogged(lines, "io.spotsdk.gate", "rate-limit gate");
    assertLogged(lines, "io.spotsdk.ws INFO", "reconnecting");
    for (String line : lines) {
      for (String secret : List.of(HMAC_KEY, HMAC_SECRET, ED_KEY, edSecret, edSecret.substring(20, 60))) {
        assertFalse(line.contains(secret), "a key or secret in the log: " + line);
      }
      assertFalse(SIGNATURE.matcher(line).find(), "what looks like a signature in the log: " + line);
    }
  }

  private static void assertLogged(List<String> lines, String loggerAndLevel, String text) {
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(loggerAndLevel) && l.contains(text)),
        "expected a line from " + loggerAndLevel + " with '" + text + "' among " + lines.size() + " lines:\n"
            + String.join("\n", lines));
  }

  private static TradeApi.NewOrderRequest restOrder() {
    return new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(BigDecimal.ONE).price(new BigDecimal("0.1"));
  }

  private static OrderPlaceParams wsOrder() {
    return new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(BigDecimal.ONE).price(new BigDecimal("0.1"));
  }
}
