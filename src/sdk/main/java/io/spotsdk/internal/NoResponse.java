package io.spotsdk.internal;

import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.outcome.RateLimitUsage;
import java.nio.charset.StandardCharsets;

/**
 * The one place that builds the outcome of an attempt that got no response, for both transports: timed out, reset,
 * refused, closed, held by the gate, not written, or a failure of the SDK itself. {@link OutcomeClassifier} gives a
 * response its meaning; this class gives the absence of one its meaning. One rule throughout: a failure provably
 * before the first byte of the request was written is {@link Outcome.NotSent}; anything after that is
 * {@link Outcome.Unknown}, with the failure named and whatever of a response arrived kept.
 */
public final class NoResponse {
  private NoResponse() {}

  /** Nothing was sent, for the reason given (refused connect, gate, closed, signing, ...). */
  public static <T> Outcome<T> notSent(NotSentReason reason, String operation, String why, RequestRecord request) {
    return new Outcome.NotSent<>(reason, operation + ": " + why, request);
  }

  public static <T> Outcome<T> clientClosed(String operation, RequestRecord request) {
    return notSent(NotSentReason.CLIENT_CLOSED, operation, "the client is closed", request);
  }

  /** The rate-limit gate refused the request (a ban, or a wait past the allowed bound). */
  public static <T> Outcome<T> heldByGate(String operation, String refusal, RequestRecord request) {
    return notSent(NotSentReason.HELD_BY_RATE_LIMIT_GATE, operation, refusal, request);
  }

  /** The wait the gate asked for was cut short (interrupted, or the client is shutting down). */
  public static <T> Outcome<T> gateWaitCut(String operation, RequestRecord request) {
    return notSent(NotSentReason.CLIENT_CLOSED, operation, "interrupted while held by the rate-limit gate", request);
  }

  /** Signing failed; the crypto failure's message could echo key material, so only its kind is named. */
  public static <T> Outcome<T> signingFailed(String operation, Throwable e, RequestRecord request) {
    return notSent(NotSentReason.SIGNING_FAILED, operation, "signing failed (" + e.getClass().getSimpleName() + ")",
        request);
  }

  /** A request that never started to leave: its connection ended, its deadline passed, or its text was unsendable. */
  public static <T> Outcome<T> notWritten(String operation, String why, RequestRecord request) {
    return notSent(NotSentReason.CLIENT_CLOSED, operation, why, request);
  }

  /** The request was written (or began to be) and no reply came: timed out, reset, closed. */
  public static <T> Outcome<T> lost(UnknownCause cause, String operation, String why, RequestRecord request) {
    return new Outcome.Unknown<>(cause, null, RateLimitUsage.EMPTY, request, operation + ": " + why);
  }

  /**
   * A failure of the SDK itself (a stage, a bug), judged only by whether the write began. {@code what} describes the
   * failure with nothing secret in it.
   */
  public static <T> Outcome<T> internalFailure(String operation, boolean writeBegan, String what, RequestRecord request) {
    if (!writeBegan) {
      return notSent(NotSentReason.INTERNAL_ERROR, operation, "failed before the request was written (" + what + ")",
          request);
    }
    return lost(UnknownCause.CONNECTION_LOST, operation, "failed after the request may have been written (" + what + ")",
        request);
  }

  /** What the HTTP transport reported: before the write it is NotSent, after it Unknown, with any partial response. */
  public static <T> Outcome<T> transportFailure(String operation, TransportException e, RequestRecord request) {
    if (!e.possiblySent()) {
      NotSentReason reason = e.notSentReason() != null ? e.notSentReason() : NotSentReason.CONNECT_FAILED;
      return notSent(reason, operation, e.getMessage(), request);
    }
    UnknownCause cause = switch (e.phase()) {
      case TIMED_OUT_AFTER_SEND -> UnknownCause.TIMEOUT;
      case UNREADABLE_AFTER_SEND -> UnknownCause.UNREADABLE_RESPONSE;
      default -> UnknownCause.CONNECTION_LOST;
    };
    RawResponse partial = e.partial();
    if (partial == null) {
      return lost(cause, operation, "the request was written but no response arrived (" + e.getMessage() + ")", request);
    }
    return new Outcome.Unknown<>(cause, new ErrorDetails(partial.status(), null, null, null, partial.headers(),
        new String(partial.body(), StandardCharsets.UTF_8)), usage(partial), request, operation
        + ": the request was written and a response began (status " + partial.status()
        + ") but could not be read whole (" + e.getMessage() + ")");
  }

  private static RateLimitUsage usage(RawResponse r) {
    try {
      return RateLimitUsage.fromHeaders(r.headers());
    } catch (RuntimeException e) {
      return RateLimitUsage.EMPTY; // the usage is a hint to the gate; the outcome must not depend on reading it
    }
  }
}
