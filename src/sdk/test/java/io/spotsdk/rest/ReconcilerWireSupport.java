package io.spotsdk.rest;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.ManualClock;
import io.spotsdk.testing.RecordingSleeper;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server, a REST client and a reconciler over it, on one manual clock and a recording sleeper. */
abstract class ReconcilerWireSupport {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
  WireMockServer wm;
  ManualClock clock;
  RecordingSleeper sleeper;
  SpotRestClient client;
  Reconciler reconciler;

  @BeforeEach
  void startReconciling() {
    wm = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    clock = new ManualClock(T0);
    sleeper = new RecordingSleeper(clock);
    client = SpotRestClient.builder().environment(Environment.custom(URI.create("http://127.0.0.1:" + wm.port()), null))
        .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET)).clock(clock).sleeper(sleeper)
        .retryPolicy(RetryPolicy.none()).recvWindow(new BigDecimal("5000")).build();
    reconciler = Reconciler.builder(OrderLookup.rest(client)).clock(clock).sleeper(sleeper)
        .initialBackoff(Duration.ofMillis(100)).maxBackoff(Duration.ofMillis(400)).skewAllowance(Duration.ofSeconds(1))
        .maxQueries(4).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    wm.stop();
  }
}
