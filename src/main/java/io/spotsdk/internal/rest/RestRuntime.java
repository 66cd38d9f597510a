package io.spotsdk.internal.rest;

import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.RestCaller;
import io.spotsdk.internal.Calls;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitUsage;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * What generated operations call: prepares the parameters (client ids are created once, before the first
 * attempt), sends each attempt through the stage chain, lets {@link OutcomeClassifier} give the response its
 * meaning, and asks the {@link RetryPolicy} whether that outcome may be tried again. Retries are decided on
 * outcomes, after classification, so a status has one meaning for every purpose.
 */
public final class RestRuntime implements RestCaller {
  private final RestStage pipeline;
  private final OutcomeClassifier classifier;
  private final Consumer<Outcome<?>> observer;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;

  /** {@code observer} sees the outcome of every attempt (the rate-limit gate learns from them). */
  public RestRuntime(RestStage pipeline, OutcomeClassifier classifier, Consumer<Outcome<?>> observer,
      RetryPolicy retryPolicy, Sleeper sleeper, Clock clock) {
    this.pipeline = pipeline;
    this.classifier = classifier;
    this.observer = observer;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public <T> Outcome<T> call(OperationDescriptor<T> op, RequestParams request) {
    Params params = Calls.prepare(request, op.clientIdParams());
    Instant giveUpAt = clock.instant().plus(retryPolicy.deadline());
    for (int attempt = 1; ; attempt++) {
      Outcome<T> o = attempt(op, params);
      observer.accept(o);
      Duration wait = retryPolicy.retryDelay(attempt, op.changesState(), o, clock.instant(), giveUpAt);
      if (wait == null) {
        return o;
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return o;
      }
    }
  }

  private <T> Outcome<T> attempt(OperationDescriptor<T> op, Params params) {
    RestExchange ex = new RestExchange(op, params);
    RawResponse r;
    try {
      r = pipeline.send(ex);
    } catch (NotSentException e) {
      return new Outcome.NotSent<>(e.reason(), e.getMessage(), ex.record());
    } catch (TransportException e) {
      if (!e.possiblySent()) {
        return new Outcome.NotSent<>(NotSentReason.CONNECT_FAILED, op.name() + ": " + e.getMessage(), ex.record());
      }
      UnknownCause cause = e.phase() == TransportException.Phase.TIMED_OUT_AFTER_SEND
          ? UnknownCause.TIMEOUT : UnknownCause.CONNECTION_LOST;
      return new Outcome.Unknown<>(cause, null, RateLimitUsage.EMPTY, ex.record(),
          op.name() + ": the request was written but no response arrived (" + e.getMessage() + ")");
    }
    return classifier.fromHttp(op, r.status(), r.headers(), r.body(), ex::record);
  }
}
