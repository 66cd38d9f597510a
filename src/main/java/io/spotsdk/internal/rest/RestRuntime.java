package io.spotsdk.internal.rest;

import io.spotsdk.InvalidRequestException;
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
  private static final System.Logger LOG = System.getLogger("io.spotsdk.rest");

  private final RestStage pipeline;
  private final OutcomeClassifier classifier;
  private final Consumer<Outcome<?>> observer;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private volatile boolean closed;

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

  /** After this, every call is NotSent(CLIENT_CLOSED) and nothing more is retried. */
  public void close() {
    closed = true;
  }

  @Override
  public <T> Outcome<T> call(OperationDescriptor<T> op, RequestParams request) {
    Params params = Calls.prepare(request, op.clientIdParams());
    if (closed) {
      return new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED, op.name() + ": the client is closed",
          Calls.record(op.name(), "REST", params, null, null, null));
    }
    Instant giveUpAt = clock.instant().plus(retryPolicy.deadline());
    for (int attempt = 1; ; attempt++) {
      Outcome<T> o = attempt(op, params);
      observe(o);
      if (closed) {
        return o;
      }
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

  /**
   * One attempt, and the safety net of the REST call path: nothing thrown below (a stage, the transport, the
   * classifier) escapes as an exception. What failed provably before the write is NotSent, anything after it is
   * Unknown with the failure named. The one exception that does reach the caller is a typed error about the
   * caller's own input, found before anything was sent.
   */
  private <T> Outcome<T> attempt(OperationDescriptor<T> op, Params params) {
    RestExchange ex = new RestExchange(op, params);
    RawResponse r;
    try {
      r = pipeline.send(ex);
    } catch (NotSentException e) {
      return new Outcome.NotSent<>(e.reason(), e.getMessage(), ex.record());
    } catch (TransportException e) {
      return AttemptFailures.fromTransport(op, e, ex);
    } catch (RuntimeException | Error e) {
      if (e instanceof InvalidRequestException && !ex.mayHaveBeenSent()) {
        throw (InvalidRequestException) e;
      }
      return AttemptFailures.unexpected(op, e, ex);
    }
    try {
      return classifier.fromHttp(op, r.status(), r.headers(), r.body(), ex::record);
    } catch (RuntimeException | Error e) {
      return AttemptFailures.unclassifiable(op, e, ex, r);
    }
  }

  /** The outcome stands whatever its observer (the rate-limit gate, learning from it) makes of it. */
  private void observe(Outcome<?> o) {
    try {
      observer.accept(o);
    } catch (RuntimeException | Error e) {
      LOG.log(System.Logger.Level.WARNING, "the rate-limit observer failed on an outcome ({0}); the outcome stands",
          e.getClass().getName());
    }
  }
}
