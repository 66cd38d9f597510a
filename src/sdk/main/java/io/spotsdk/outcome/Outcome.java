package io.spotsdk.outcome;

import io.spotsdk.model.CancelReplaceResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The result of one call, REST or WebSocket. A sealed family of values rather than exceptions: an
 * {@link Unknown} is a normal, expected result of trading and the compiler should make callers face it,
 * not a stack trace that a generic {@code catch} swallows as "failed". Use {@link #orThrow()} when an
 * exception fits the caller better.
 */
public sealed interface Outcome<T>
    permits Outcome.Success, Outcome.Rejected, Outcome.RateLimited, Outcome.IpBanned, Outcome.WafBlocked,
        Outcome.PartiallyExecuted, Outcome.Unknown, Outcome.NotSent {

  /** Rate-limit usage this response reported (empty when there was no response). */
  RateLimitUsage usage();

  /** The error as received, for every outcome that has a response and is not a success. */
  default Optional<ErrorDetails> error() {
    return Optional.empty();
  }

  default boolean isSuccess() {
    return this instanceof Success;
  }

  /**
   * True when the request may have been executed without a success being seen: {@link Unknown}, and the
   * executed half of {@link PartiallyExecuted}. Such a request must be settled by query, never resent.
   */
  default boolean mayHaveExecuted() {
    return this instanceof Unknown || this instanceof PartiallyExecuted;
  }

  /** The value of a success; otherwise throws {@link OutcomeException} carrying this outcome. */
  default T orThrow() {
    if (this instanceof Success<T> s) {
      return s.value();
    }
    throw new OutcomeException(this);
  }

  /** Executed. */
  record Success<T>(T value, int status, ResponseHeaders headers, RateLimitUsage usage) implements Outcome<T> {}

  /**
   * A definite 4XX: the request was NOT executed. For cancelReplace -2022 both halves are in
   * {@link #cancelReplace()}.
   */
  record Rejected<T>(ErrorDetails details, RateLimitUsage usage, CancelReplaceResponse cancelReplace, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * 429: NOT executed. Wait until {@link #retryAt()}. {@code retryAfter} is REST's {@code Retry-After} or the time
   * to WebSocket's {@code error.data.retryAfter}; null when the server sent neither.
   */
  record RateLimited<T>(ErrorDetails details, RateLimitUsage usage, Duration retryAfter, Instant retryAt, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /** 418: NOT executed, and the IP is banned until {@link #bannedUntil()} (null when the server did not say). */
  record IpBanned<T>(ErrorDetails details, RateLimitUsage usage, Instant bannedUntil, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /** 403 from the WAF: NOT executed. Not retried: sending the same request again will be blocked again. */
  record WafBlocked<T>(ErrorDetails details, RateLimitUsage usage, RequestRecord request) implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * 409 from cancelReplace: one half executed and the other did not. Both halves are typed in {@link #halves()}:
   * a half is {@link OrderOrError.Executed}, {@link OrderOrError.Failed}, or null when not attempted.
   */
  record PartiallyExecuted<T>(ErrorDetails details, RateLimitUsage usage, CancelReplaceResponse halves, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * Execution status UNKNOWN: the request may have been executed. Never treat this as a failure and never
   * resend it blindly; settle it by querying (see {@link #request()} for what was sent). {@code details} is
   * null when no response arrived (timeout, lost connection).
   */
  record Unknown<T>(UnknownCause cause, ErrorDetails details, RateLimitUsage usage, RequestRecord request, String explanation)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.ofNullable(details);
    }

    @Override
    public String toString() {
      return "Unknown[" + cause + ": the request may have been executed; confirm by query. " + explanation
          + (details != null ? "; " + details : "") + "]";
    }
  }

  /** Not sent: nothing reached the server, so the request was certainly not executed and may be retried. */
  record NotSent<T>(NotSentReason reason, String explanation, RequestRecord request) implements Outcome<T> {
    @Override
    public RateLimitUsage usage() {
      return RateLimitUsage.EMPTY;
    }
  }
}
