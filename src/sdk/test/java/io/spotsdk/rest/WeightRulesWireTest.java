package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.retry.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Weights that depend on parameters (spec: x-spot-weight-rules ranges and item counts) are what the gate charges:
 * with a budget of 300 weight a minute, the sends the gate lets out and the ones it holds back show each charge.
 */
class WeightRulesWireTest extends GatedClientWireSupport {
  RateLimitGate gate;

  @BeforeEach
  void setUp() {
    gate = RateLimitGate.builder().clock(clock).maxWait(Duration.ZERO).build();
    gate.limits(List.of(new RateLimit(RateLimitType.REQUEST_WEIGHT, RateLimitInterval.MINUTE, 1, 300L, null)));
    client = SpotRestClient.builder().environment(Environment.custom(URI.create(base()), null))
        .clock(clock).sleeper(sleeper).retryPolicy(RetryPolicy.none()).rateLimitGate(gate).build();
    wm.stubFor(get(urlPathEqualTo("/api/v3/depth")).willReturn(aResponse().withBody("{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}")));
    wm.stubFor(get(urlPathEqualTo("/api/v3/ticker")).willReturn(aResponse().withBody("[]")));
  }

  Outcome<?> depth(int limit) {
    return client.market().depth(new MarketApi.DepthRequest().symbol("BTCUSDT").limit(limit));
  }

  static void heldByGate(Outcome<?> o) {
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, o);
    assertEquals(NotSentReason.HELD_BY_RATE_LIMIT_GATE, n.reason());
  }

  @Test
  void depthOf5000Costs250() {
    assertTrue(depth(5000).isSuccess());              // 250 of 300
    assertTrue(depth(100).isSuccess());               // 5 more: 255
    heldByGate(depth(1001));                          // 250 more would pass 300
    assertTrue(depth(100).isSuccess());               // 260
    assertEquals(3, served(), "the held request never left the client");
  }

  @Test
  void depthWeightFollowsTheLimitBands() {
    assertTrue(depth(500).isSuccess());               // 25
    assertTrue(depth(1000).isSuccess());              // 50: 75
    assertTrue(depth(1000).isSuccess());              // 125
    assertTrue(depth(1000).isSuccess());              // 175
    assertTrue(depth(501).isSuccess());               // 225
    assertTrue(depth(101).isSuccess());               // 250
    assertTrue(depth(500).isSuccess());               // 275
    heldByGate(depth(501));                           // 325 would pass 300
    assertTrue(depth(500).isSuccess());               // 300 exactly
    assertEquals(8, served());
  }

  @Test
  void rollingTickerCosts4PerSymbolCappedAt200() {
    List<String> sixty = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      sixty.add("S" + i + "USDT");
    }
    assertTrue(client.market().ticker(new MarketApi.TickerRequest().symbols(sixty)).isSuccess()); // 200, not 240
    assertTrue(client.market().ticker(new MarketApi.TickerRequest().symbols(sixty.subList(0, 25))).isSuccess()); // 100
    heldByGate(client.market().ticker(new MarketApi.TickerRequest().symbols(List.of("BTCUSDT")))); // 4 more: 304
    assertEquals(2, served());
  }
}
