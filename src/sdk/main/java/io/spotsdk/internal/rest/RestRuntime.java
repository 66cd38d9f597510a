package io.spotsdk.internal.rest;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.RestCaller;
import io.spotsdk.internal.NoResponse;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.call.Attempt;
import io.spotsdk.internal.call.CallPipeline;
import io.spotsdk.internal.call.Signing;
import io.spotsdk.internal.call.SigningRule;
import io.spotsdk.internal.call.Waits;
import io.spotsdk.internal.call.Wire;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * What generated REST operations call: the {@link CallPipeline} with REST's wire. Its waits block the caller's
 * thread, so every call completes on it and {@link #call} returns the outcome itself.
 */
public final class RestRuntime implements RestCaller {
  private final CallPipeline pipeline;
  private volatile boolean closed;

  /**
   * {@code wire} puts an exchange on the HTTP transport; {@code observer} sees the outcome of every attempt
   * (normally {@code gate::observe}).
   */
  public RestRuntime(RestStage wire, OutcomeClassifier classifier, RateLimitGate gate, Consumer<Outcome<?>> observer,
      RetryPolicy retryPolicy, Sleeper sleeper, Clock clock, Credentials credentials, BigDecimal defaultRecvWindow) {
    Wire.Channel channel = new Channel(wire, classifier, Signing.restQueryAndBody(credentials, clock),
        credentials == null ? null : credentials.apiKey());
    CompletableFuture<Wire.Channel> only = CompletableFuture.completedFuture(channel);
    this.pipeline = new CallPipeline("REST", gate, observer, retryPolicy, Waits.blocking(sleeper), clock, credentials,
        defaultRecvWindow, () -> only, () -> closed, true);
  }

  /** After this, every call is NotSent(CLIENT_CLOSED) and nothing more is retried. */
  public void close() {
    closed = true;
  }

  @Override
  public <T> Outcome<T> call(OperationDescriptor<T> op, RequestParams request) {
    CallPipeline.Call<T> c = pipeline.prepare(op, op.name(), request, op.security().signed());
    try {
      return pipeline.run(c).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a typed error about the caller's input, found before anything was sent
      }
      throw e;
    }
  }

  /** REST's one channel: its endpoint. Classifies what comes back; judges what the transport reports. */
  private record Channel(RestStage wire, OutcomeClassifier classifier, SigningRule signing, String apiKey)
      implements Wire.Channel {
    @Override
    public SigningRule signing(CallDescriptor<?> call) {
      return signing;
    }

    @Override
    public <T> CompletableFuture<Outcome<T>> send(CallDescriptor<T> call, Attempt a) {
      OperationDescriptor<T> op = (OperationDescriptor<T>) call;
      RestExchange ex = new RestExchange(op, a);
      if (op.security().signed()) {
        ex.setHeader("X-MBX-APIKEY", apiKey);
      }
      RawResponse r;
      try {
        r = wire.send(ex);
      } catch (TransportException e) {
        return CompletableFuture.completedFuture(NoResponse.transportFailure(op.name(), e, a.record()));
      } catch (io.spotsdk.internal.NotSentException e) {
        return CompletableFuture.failedFuture(e);
      }
      return CompletableFuture.completedFuture(classifier.fromHttp(op, r.status(), r.headers(), r.body(), a));
    }
  }
}
