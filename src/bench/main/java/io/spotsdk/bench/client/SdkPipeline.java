package io.spotsdk.bench.client;

import io.spotsdk.bench.Fixture;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.gate.GateAccess;
import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.rest.RestRuntime;
import io.spotsdk.internal.rest.TransportStage;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;

/**
 * The SDK's REST call pipeline over a transport the benchmark chooses: wired as {@code SpotRestClient} wires it with
 * its defaults (gate, classifier, retry policy, recvWindow 5000), only the HTTP transport differs. It lets the
 * harness say where the SDK's extra cost sits: in the stages above the transport, or in the transport's promises.
 * Keep it in step with {@code SpotRestClient}'s constructor.
 */
public record SdkPipeline(MarketApi market, TradeApi trade, HttpTransport transport) implements AutoCloseable {
  public static SdkPipeline over(HttpTransport transport, String restBase) {
    Clock clock = Clock.systemUTC();
    RateLimitGate gate = RateLimitGate.builder().clock(clock).build();
    RestRuntime runtime = new RestRuntime(new TransportStage(transport, URI.create(restBase), clock),
        new OutcomeClassifier(Json.MAPPER, clock), gate, GateAccess.of(gate)::observe, RetryPolicy.defaults(),
        Sleeper.SYSTEM, clock, Credentials.hmac(Fixture.API_KEY, Fixture.SECRET), BigDecimal.valueOf(5000));
    return new SdkPipeline(new MarketApi(runtime), new TradeApi(runtime), transport);
  }

  @Override
  public void close() {
    transport.close();
  }
}
