package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate's bounds on a real HTTP server: a 418 is never lifted sooner than the ban floor, whatever instant it names
 * (zero, past, none), and a longer ban is kept in full, exact to the millisecond with an injected clock; a usage
 * count too large to add to never wraps into room under a limit.
 */
class GateBoundsWireTest extends GatedClientWireSupport {
  /** RateLimitGate's floor: Binance's shortest ban. */
  static final Duration FLOOR = Duration.ofMinutes(2);

  @BeforeEach
  void setUp() {
    client = client(RetryPolicy.none(), Duration.ZERO, base()); // a gate that refuses, never holds: every send is visible
  }


  /** The first ping gets the 418, every later one a pong. */
  void banThenPong(ResponseDefinitionBuilder ban) {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).inScenario("ban").whenScenarioStateIs(STARTED)
        .willReturn(ban.withStatus(418)).willSetStateTo("over"));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).inScenario("ban").whenScenarioStateIs("over")
        .willReturn(aResponse().withBody("{}")));
  }

  /** Banned: refused without sending until exactly {@code held} after T0, then sent. */
  void heldFor(Duration held) {
    assertInstanceOf(Outcome.IpBanned.class, client.market().ping());
    clock.advance(held.minusMillis(1));
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.market().ping());
    assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
    assertEquals(1, served(), "nothing left during the ban");
    clock.advance(Duration.ofMillis(1));
    assertTrue(client.market().ping().isSuccess());
    assertEquals(2, served());
  }

  @Test
  void retryAfterZeroHoldsForTheFloor() {
    banThenPong(aResponse().withHeader("Retry-After", "0").withBody("{\"code\":-1003,\"msg\":\"IP banned.\"}"));
    heldFor(FLOOR);
  }

  @Test
  void aNegativeRetryAfterHoldsForTheFloor() {
    banThenPong(aResponse().withHeader("Retry-After", "-60").withBody("{\"code\":-1003,\"msg\":\"IP banned.\"}"));
    heldFor(FLOOR);
  }

  @Test
  void aBanInstantInThePastHoldsForTheFloor() {
    long past = T0.toEpochMilli() - 30_000;
    banThenPong(aResponse().withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until " + past + ".\"}"));
    heldFor(FLOOR);
  }

  @Test
  void aBanEndingSoonerThanTheFloorHoldsForTheFloor() {
    banThenPong(aResponse().withHeader("Retry-After", "5").withBody("{\"code\":-1003,\"msg\":\"IP banned.\"}"));
    heldFor(FLOOR);
  }

  @Test
  void a418NamingNoInstantHoldsForTheFloor() {
    banThenPong(aResponse().withBody("<html>418 I'm a teapot</html>"));
    heldFor(FLOOR);
  }

  @Test
  void aReportedUsageAtTheTopOfTheLongRangeHoldsInsteadOfWrapping() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(aResponse().withBody("{\"rateLimits\":["
        + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}]}")
        .withHeader("X-MBX-USED-WEIGHT-1M", String.valueOf(Long.MAX_VALUE))));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(aResponse().withBody("{}")));
    assertTrue(client.market().exchangeInfo().isSuccess());
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.market().ping());
    assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
    assertEquals(1, served(), "the weight used is past the limit: nothing more this minute");
  }

  @Test
  void aLongerBanIsKeptInFull() {
    banThenPong(aResponse().withHeader("Retry-After", "300").withBody("{\"code\":-1003,\"msg\":\"IP banned.\"}"));
    heldFor(Duration.ofMinutes(5));
  }
}
