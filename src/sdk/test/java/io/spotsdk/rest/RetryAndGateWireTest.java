package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.SpotRestClient;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries of reads and the rate-limit gate, with an injected clock and sleeper so every delay is exact. */
class RetryAndGateWireTest extends GatedClientWireSupport {
  @BeforeEach
  void setUp() {
    client = client(RetryPolicy.builder().random(() -> 1.0).build(), Duration.ofSeconds(10), base());
  }


  @Test
  void aReadIsRetriedOn5xxWithExactJitteredBackoff() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).inScenario("s").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("2"));
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).inScenario("s").whenScenarioStateIs("2")
        .willReturn(aResponse().withStatus(500).withBody("{\"code\":-1006,\"msg\":\"x\"}")).willSetStateTo("3"));
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).inScenario("s").whenScenarioStateIs("3")
        .willReturn(aResponse().withStatus(200).withBody("[]")));
    Outcome<?> o = client.account().openOrders();
    assertTrue(o.isSuccess(), o.toString());
    // 100 ms doubling, jitter 20% with random=1.0 -> factor 1.2
    assertEquals(List.of(Duration.ofMillis(120), Duration.ofMillis(240)), sleeper.waits);
    assertEquals(3, served());
  }

  @Test
  void aReadGivesUpAfterMaxAttemptsAndSaysUnknown() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(aResponse().withStatus(502)));
    assertInstanceOf(Outcome.Unknown.class, client.account().openOrders());
    assertEquals(3, served());
    assertEquals(2, sleeper.waits.size());
  }

  @Test
  void theOverallDeadlineStopsRetries() {
    try (SpotRestClient c = client(RetryPolicy.builder().maxAttempts(10).random(() -> 0.5).deadline(Duration.ofMillis(350)).build(),
        Duration.ofSeconds(10), "http://127.0.0.1:" + wm.port())) {
      wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(aResponse().withStatus(503)));
      assertInstanceOf(Outcome.Unknown.class, c.account().openOrders());
      // 100 + 200 = 300 ms fit in 350; the next wait (400) would pass the deadline
      assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.waits);
      assertEquals(3, served());
    }
  }

  @Test
  void aReadIsNotRetriedOnADefiniteRejection() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/openOrders")).willReturn(aResponse().withStatus(400).withBody("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
    assertInstanceOf(Outcome.Rejected.class, client.account().openOrders());
    assertEquals(1, served());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void anOrderIsNeverRetriedAfter5xx() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withStatus(503)));
    assertInstanceOf(Outcome.Unknown.class, client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    assertEquals(1, served());
    assertTrue(sleeper.waits.isEmpty());
  }

  @Test
  void anOrderThatWasNotSentMayBeRetried() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (SpotRestClient c = client(RetryPolicy.builder().random(() -> 0.5).build(), Duration.ofSeconds(10), "http://127.0.0.1:" + port)) {
      Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, c.trade().newOrder(RestOutcomeWireTest.limitBuy()));
      assertEquals(NotSentReason.CONNECT_FAILED, n.reason());
      assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeper.waits);
    }
  }

  @Test
  void after429NewRequestsWaitExactlyRetryAfter() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).inScenario("r").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5").withBody("{\"code\":-1003,\"msg\":\"slow down\"}"))
        .willSetStateTo("ok"));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).inScenario("r").whenScenarioStateIs("ok").willReturn(aResponse().withBody("{}")));
    assertInstanceOf(Outcome.RateLimited.class, client.market().ping());
    assertTrue(client.market().ping().isSuccess());
    assertEquals(List.of(Duration.ofSeconds(5)), sleeper.waits);
    assertEquals(2, served());
  }

  @Test
  void after429AWaitLongerThanAllowedFailsFastWithoutSending() {
    try (SpotRestClient c = client(RetryPolicy.none(), Duration.ofSeconds(2), "http://127.0.0.1:" + wm.port())) {
      wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
      assertInstanceOf(Outcome.RateLimited.class, c.market().ping());
      Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, c.market().ping());
      assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
      assertEquals(1, served());
    }
  }

  @Test
  void duringA418BanNothingLeaves() {
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(aResponse().withStatus(418).withHeader("Retry-After", "120")
        .withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1.\"}")));
    assertInstanceOf(Outcome.IpBanned.class, client.market().ping());
    for (int i = 0; i < 5; i++) {
      Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
      assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
    }
    assertEquals(1, served(), "not one request reached the server during the ban");
    assertEquals(5, client.rateLimitGate().refusedDuringBan());
    clock.advance(Duration.ofSeconds(121));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(aResponse().withBody("{}")));
    assertTrue(client.market().ping().isSuccess());
    assertEquals(2, served());
  }

  @Test
  void pacingAgainstExchangeInfoLimitsAvoids429() {
    client.close();
    client = client(RetryPolicy.none(), Duration.ofMinutes(1), "http://127.0.0.1:" + wm.port());
    wm.stubFor(get(urlPathEqualTo("/api/v3/exchangeInfo")).willReturn(aResponse().withBody("{\"rateLimits\":["
        + "{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":25}]}")
        .withHeader("X-MBX-USED-WEIGHT-1M", "20")));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ping")).willReturn(aResponse().withBody("{}")));
    clock.advance(Duration.ofSeconds(42)); // 10:00:42
    assertTrue(client.market().exchangeInfo().isSuccess());
    for (int i = 0; i < 5; i++) {
      assertTrue(client.market().ping().isSuccess()); // 20 + 5 x 1 = 25: within budget
    }
    assertTrue(sleeper.waits.isEmpty());
    assertTrue(client.market().ping().isSuccess()); // the 26th unit waits for the next minute
    assertEquals(List.of(Duration.ofSeconds(18)), sleeper.waits);
    assertEquals(7, served());
  }
}
