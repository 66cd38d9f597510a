package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.InvalidRequestException;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A request that will never be sent spends nothing at the gate: missing credentials and a recvWindow beyond
 * Binance's maximum are typed errors before the gate is asked. A gate holding a ban shows it: had it been asked
 * first, the call would have ended NotSent(HELD_BY_RATE_LIMIT_GATE) and been counted as refused.
 */
class ChecksBeforeTheGateTest extends RestWireSupport {

  private RateLimitGate bannedGate() {
    RateLimitGate gate = RateLimitGate.builder().clock(clock).build();
    io.spotsdk.internal.gate.GateAccess.observe(gate, new Outcome.IpBanned<>(new ErrorDetails(418, -1003, "banned", null, ResponseHeaders.EMPTY, ""),
        RateLimitUsage.EMPTY, NOW.plusSeconds(600), null));
    return gate;
  }

  private SpotRestClient client(RateLimitGate gate, Credentials credentials) {
    SpotRestClient.Builder b = SpotRestClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1:" + wm.port()), null)).clock(clock).rateLimitGate(gate);
    return credentials == null ? b.build() : b.credentials(credentials).build();
  }

  @Test
  void aSignedCallWithoutCredentialsNeverReachesTheGate() {
    RateLimitGate gate = bannedGate();
    long refused = gate.refusedDuringBan();
    try (SpotRestClient noKeys = client(gate, null)) {
      assertThrows(InvalidRequestException.class, () -> noKeys.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    }
    assertEquals(refused, gate.refusedDuringBan(), "the gate was asked for a request that could never be sent");
  }

  @Test
  void aRecvWindowBeyondTheMaximumNeverReachesTheGate() {
    RateLimitGate gate = bannedGate();
    long refused = gate.refusedDuringBan();
    try (SpotRestClient c = client(gate, Credentials.hmac(API_KEY, SECRET))) {
      assertThrows(InvalidRequestException.class,
          () -> c.trade().newOrder(RestOutcomeWireTest.limitBuy().recvWindow(new BigDecimal("60001"))));
    }
    assertEquals(refused, gate.refusedDuringBan(), "the gate was asked for a request that could never be sent");
    assertEquals(0, wm.getAllServeEvents().size());
  }
}
