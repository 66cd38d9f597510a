package io.spotsdk.internal.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.RestCaller;
import io.spotsdk.internal.ClientOrderIds;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitUsage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What generated operations call: validates and writes the parameters, creates missing client ids before the
 * first attempt, runs the stage chain once, and lets {@link OutcomeClassifier} give the response its meaning.
 * Never resends anything itself.
 */
public final class RestRuntime implements RestCaller {
  private final RestStage pipeline;
  private final OutcomeClassifier classifier;
  private final ObjectMapper mapper;
  private final Map<OperationDescriptor<?>, ObjectReader> readers = new ConcurrentHashMap<>();
  private final Consumer<Outcome<?>> observer;

  /** {@code observer} sees every outcome (the rate-limit gate learns from them). */
  public RestRuntime(RestStage pipeline, OutcomeClassifier classifier, ObjectMapper mapper, Consumer<Outcome<?>> observer) {
    this.pipeline = pipeline;
    this.classifier = classifier;
    this.mapper = mapper;
    this.observer = observer;
  }

  @Override
  public <T> Outcome<T> call(OperationDescriptor<T> op, RequestParams request) {
    request.validate();
    Params params = new Params();
    request.writeTo(params);
    for (String idParam : op.clientIdParams()) {
      if (!params.has(idParam)) {
        params.put(idParam, ClientOrderIds.next());
      }
    }
    return execute(op, params);
  }

  /** Runs an already-written parameter list; used by reconciliation and retries of reads. */
  public <T> Outcome<T> execute(OperationDescriptor<T> op, Params params) {
    Outcome<T> o = run(op, params);
    observer.accept(o);
    return o;
  }

  private <T> Outcome<T> run(OperationDescriptor<T> op, Params params) {
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
    return classifier.fromHttp(op.meanings(), reader(op), r.status(), r.headers(), r.body(), ex::record);
  }

  private ObjectReader reader(OperationDescriptor<?> op) {
    ObjectReader r = readers.get(op);
    if (r == null) {
      r = mapper.readerFor(op.resultType());
      readers.put(op, r);
    }
    return r;
  }
}
