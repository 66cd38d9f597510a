package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.ManualClock;
import io.spotsdk.testing.RecordingSleeper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server and REST clients on one manual clock, a recording sleeper and a gate of their own. */
abstract class GatedClientWireSupport {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00.000Z");
  WireMockServer wm;
  ManualClock clock;
  RecordingSleeper sleeper;
  SpotRestClient client;

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    clock = new ManualClock(T0);
    sleeper = new RecordingSleeper(clock);
  }

  SpotRestClient client(RetryPolicy policy, Duration maxWait, String base) {
    return SpotRestClient.builder().environment(Environment.custom(URI.create(base), null))
        .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET))
        .clock(clock).sleeper(sleeper).retryPolicy(policy)
        .rateLimitGate(RateLimitGate.builder().clock(clock).maxWait(maxWait).build())
        .build();
  }

  String base() {
    return "http://127.0.0.1:" + wm.port();
  }

  @AfterEach
  void tearDown() {
    client.close();
    wm.stop();
  }

  long served() {
    return wm.countRequestsMatching(anyRequestedFor(anyUrl()).build()).getCount();
  }
}
