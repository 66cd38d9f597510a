package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Responses with absurd or missing values on a real HTTP server: the classifier never throws, clamps what is too
 * large or too small, ignores what it cannot read (keeping it in the details), and never calls a missing result a
 * success.
 */
class AbsurdResponseWireTest extends RestWireSupport {
  /** The furthest a retry or ban instant may lie ahead (OutcomeClassifier's clamp, RetryInstants.MAX_HORIZON). */
  static final Duration HORIZON = Duration.ofDays(7);

  private void stub(ResponseDefinitionBuilder response) {
    wm.stubFor(any(anyUrl()).willReturn(response));
  }

  private Outcome<Order> place() {
    return client.trade().newOrder(RestOutcomeWireTest.limitBuy());
  }

  @Test
  void a418WhoseMsgNamesA20DigitBanInstantIsABanClampedToTheHorizon() {
    String body = "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 99999999999999999999. "
        + "Please use WebSocket Streams for live updates to avoid bans.\"}";
    stub(aResponse().withStatus(418).withBody(body));
    Outcome.IpBanned<Order> b = assertInstanceOf(Outcome.IpBanned.class, place());
    assertEquals(NOW.plus(HORIZON), b.bannedUntil());
    assertEquals(body, b.details().rawBody());
    assertEquals(-1003, b.details().code());
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"99999999999999999", "123456789012345678901234567890"})
  void aRetryAfterTooLargeForAnInstantIsClampedToTheHorizon(String retryAfter) {
    stub(aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withBody("{\"code\":-1003,\"msg\":\"slow down\"}"));
    Outcome.RateLimited<Order> r = assertInstanceOf(Outcome.RateLimited.class, place());
    assertEquals(NOW.plus(HORIZON), r.retryAt());
    assertEquals(HORIZON, r.retryAfter());
    assertEquals(retryAfter, r.details().headers().first("Retry-After"), "the raw header is kept");
  }

  @Test
  void a418WithARetryAfterTooLargeForAnInstantIsABanClampedToTheHorizon() {
    stub(aResponse().withStatus(418).withHeader("Retry-After", "99999999999999999").withBody("{\"code\":-1003,\"msg\":\"banned\"}"));
    Outcome.IpBanned<Order> b = assertInstanceOf(Outcome.IpBanned.class, place());
    assertEquals(NOW.plus(HORIZON), b.bannedUntil());
  }

  @Test
  void aNegativeRetryAfterMeansNow() {
    stub(aResponse().withStatus(429).withHeader("Retry-After", "-30").withBody("{\"code\":-1003,\"msg\":\"slow down\"}"));
    Outcome.RateLimited<Order> r = assertInstanceOf(Outcome.RateLimited.class, place());
    assertEquals(NOW, r.retryAt());
    assertEquals(Duration.ZERO, r.retryAfter());
  }

  @ParameterizedTest(name = "Retry-After: {0}")
  @ValueSource(strings = {"soon", "1.5", "Wed, 21 Oct 2015 07:28:00 GMT", "-", ""})
  void anUnreadableRetryAfterIsIgnoredAndKeptInTheDetails(String retryAfter) {
    stub(aResponse().withStatus(429).withHeader("Retry-After", retryAfter).withBody("{\"code\":-1003,\"msg\":\"slow down\"}"));
    Outcome.RateLimited<Order> r = assertInstanceOf(Outcome.RateLimited.class, place());
    assertNull(r.retryAt());
    assertEquals(retryAfter, r.details().headers().first("Retry-After"));
  }

  @ParameterizedTest(name = "body [{0}]")
  @ValueSource(strings = {"null", "", "  \n"})
  void a2xxWithoutTheResultTheSpecRequiresIsUnknownNotSuccess(String body) {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    Outcome<Order> o = place();
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(200, u.details().status());
    assertEquals(body, u.details().rawBody());
    assertTrue(o.mayHaveExecuted());
  }

  @Test
  void aNullListIsUnknownToo() {
    stub(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("null"));
    Outcome<List<Order>> o = client.account().openOrders();
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, assertInstanceOf(Outcome.Unknown.class, o).cause());
  }
}
