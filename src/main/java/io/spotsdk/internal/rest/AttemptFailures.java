package io.spotsdk.internal.rest;

import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.Scrub;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.outcome.RateLimitUsage;
import java.nio.charset.StandardCharsets;

/**
 * What an attempt that did not end in a classified response became. One rule throughout: a failure provably before
 * the request was written is {@link Outcome.NotSent}; anything after it, whatever its kind, is {@link Outcome.Unknown}
 * with the failure named and whatever of the response arrived kept.
 */
final class AttemptFailures {
  private AttemptFailures() {}

  static <T> Outcome<T> fromTransport(OperationDescriptor<T> op, TransportException e, RestExchange ex) {
    if (!e.possiblySent()) {
      NotSentReason reason = e.notSentReason() != null ? e.notSentReason() : NotSentReason.CONNECT_FAILED;
      return new Outcome.NotSent<>(reason, op.name() + ": " + e.getMessage(), ex.record());
    }
    UnknownCause cause;
    switch (e.phase()) {
      case TIMED_OUT_AFTER_SEND:
        cause = UnknownCause.TIMEOUT;
        break;
      case UNREADABLE_AFTER_SEND:
        cause = UnknownCause.UNREADABLE_RESPONSE;
        break;
      default:
        cause = UnknownCause.CONNECTION_LOST;
    }
    RawResponse partial = e.partial();
    if (partial == null) {
      return new Outcome.Unknown<>(cause, null, RateLimitUsage.EMPTY, ex.record(),
          op.name() + ": the request was written but no response arrived (" + e.getMessage() + ")");
    }
    return new Outcome.Unknown<>(cause, details(partial), usage(partial), ex.record(), op.name()
        + ": the request was written and a response began (status " + partial.status() + ") but could not be read whole ("
        + e.getMessage() + ")");
  }

  /** A failure outside the transport's own accounting (a stage, or a bug): judged by whether the write began. */
  static <T> Outcome<T> unexpected(OperationDescriptor<T> op, Throwable e, RestExchange ex) {
    String what = Scrub.describe(e, ex.encodedQuery(), ex.headers());
    if (!ex.mayHaveBeenSent()) {
      return new Outcome.NotSent<>(NotSentReason.INTERNAL_ERROR,
          op.name() + ": failed before the request was written (" + what + ")", ex.record());
    }
    return new Outcome.Unknown<>(UnknownCause.CONNECTION_LOST, null, RateLimitUsage.EMPTY, ex.record(),
        op.name() + ": failed after the request may have been written (" + what + ")");
  }

  /** A response arrived but giving it its meaning failed: the request reached the server, so its fate is unknown. */
  static <T> Outcome<T> unclassifiable(OperationDescriptor<T> op, Throwable e, RestExchange ex, RawResponse r) {
    String what = Scrub.describe(e, ex.encodedQuery(), ex.headers());
    return new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, details(r), usage(r), ex.record(),
        op.name() + ": a response with status " + r.status() + " arrived but could not be given a meaning (" + what + ")");
  }

  private static ErrorDetails details(RawResponse r) {
    return new ErrorDetails(r.status(), null, null, null, r.headers(), new String(r.body(), StandardCharsets.UTF_8));
  }

  private static RateLimitUsage usage(RawResponse r) {
    try {
      return RateLimitUsage.fromHeaders(r.headers());
    } catch (RuntimeException e) {
      return RateLimitUsage.EMPTY; // the usage is a hint to the gate; the outcome must not depend on reading it
    }
  }
}
