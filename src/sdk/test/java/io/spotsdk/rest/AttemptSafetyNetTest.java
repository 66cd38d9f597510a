package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.rest.RestRuntime;
import io.spotsdk.internal.rest.RestStage;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One safety net in the REST call path: whatever fails after the request may have been written is Unknown with the
 * failure named; whatever fails provably before is NotSent. Nothing escapes a call as an exception, except a typed
 * error about the caller's own input.
 */
class AttemptSafetyNetTest extends RestWireSupport {
  static final byte[] ORDER = RestOutcomeWireTest.ORDER_JSON.getBytes(StandardCharsets.UTF_8);

  private static Outcome<Order> call(RestStage stage, Consumer<Outcome<?>> observer) {
    RestRuntime runtime = new RestRuntime(stage, new OutcomeClassifier(Json.MAPPER, Clock.systemUTC()),
        RateLimitGate.builder().build(), observer, RetryPolicy.defaults(), Sleeper.SYSTEM, Clock.systemUTC(),
        Credentials.hmac("safety-net-key-0123456789", "safety-net-secret-0123456789"), java.math.BigDecimal.valueOf(5000));
    return runtime.call(TradeApi.NEW_ORDER, RestOutcomeWireTest.limitBuy().newClientOrderId("abc"));
  }

  @Test
  void aFailureAfterTheWriteIsUnknownWithTheFailureNamed() {
    AtomicInteger attempts = new AtomicInteger();
    Outcome<Order> o = assertDoesNotThrow(() -> call(ex -> {
      attempts.incrementAndGet();
      ex.markSent(java.time.Instant.now());
      throw new IllegalStateException("boom after the write");
    }, x -> { }));
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertTrue(u.explanation().contains("IllegalStateException") && u.explanation().contains("boom after the write"),
        u.explanation());
    assertTrue(u.mayHaveExecuted());
    assertEquals(1, attempts.get(), "an order that may have executed is never sent again");
  }

  @Test
  void anErrorAfterTheWriteIsUnknownToo() {
    Outcome<Order> o = assertDoesNotThrow(() -> call(ex -> {
      ex.markSent(java.time.Instant.now());
      throw new StackOverflowError("simulated");
    }, x -> { }));
    assertTrue(assertInstanceOf(Outcome.Unknown.class, o).explanation().contains("StackOverflowError"));
  }

  @Test
  void aFailureProvablyBeforeTheWriteIsNotSent() {
    Outcome<Order> o = assertDoesNotThrow(() -> call(ex -> {
      throw new IllegalStateException("boom before the write");
    }, x -> { }));
    Outcome.NotSent<Order> n = assertInstanceOf(Outcome.NotSent.class, o);
    assertEquals(NotSentReason.INTERNAL_ERROR, n.reason());
    assertTrue(n.explanation().contains("boom before the write"), n.explanation());
    assertFalse(n.mayHaveExecuted());
  }

  @Test
  void aTypedErrorAboutTheCallersInputStillReachesTheCaller() {
    assertThrows(InvalidRequestException.class, () -> call(ex -> {
      throw new InvalidRequestException("newOrder", "symbol", "bad");
    }, x -> { }));
  }

  @Test
  void aFailingObserverDoesNotHideTheOutcome() {
    Outcome<Order> o = assertDoesNotThrow(() -> call(ex -> {
      ex.markSent(java.time.Instant.now());
      return new RawResponse(200, ResponseHeaders.EMPTY, ORDER);
    }, x -> {
      throw new IllegalStateException("observer bug");
    }));
    assertInstanceOf(Outcome.Success.class, o);
  }

  @Test
  void absurdNumbersInA418OnTheWireEndInAnOutcomeNotAnException() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(418).withHeader("Retry-After", "99999999999999999")
        .withBody("{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 99999999999999999999.\"}")));
    Outcome<Order> o = assertDoesNotThrow(() -> client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    // The classifier may read the numbers (clamped) or fail on them; either way the call ends in an outcome.
    if (o instanceof Outcome.Unknown<Order> u) {
      assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
      assertEquals(418, u.details().status());
    } else {
      assertInstanceOf(Outcome.IpBanned.class, o);
    }
  }
}
