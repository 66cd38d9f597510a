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
 *
 * @param <T> the type of the value a success carries
 */
public sealed interface Outcome<T>
    permits Outcome.Success, Outcome.Rejected, Outcome.RateLimited, Outcome.IpBanned, Outcome.WafBlocked,
        Outcome.PartiallyExecuted, Outcome.Unknown, Outcome.NotSent {

  /**
   * Rate-limit usage this response reported, to pace the next calls before the server has to refuse them.
   *
   * @return the usage, {@link RateLimitUsage#EMPTY} when there was no response
   */
  RateLimitUsage usage();

  /**
   * The error as received, for every outcome that has a response and is not a success.
   *
   * @return status, code, msg, data, headers and raw body; empty for a success or when no response arrived
   */
  default Optional<ErrorDetails> error() {
    return Optional.empty();
  }

  /**
   * Whether the call executed and its result was read.
   *
   * @return true for {@link Success} only
   */
  default boolean isSuccess() {
    return this instanceof Success;
  }

  /**
   * True when the request may have been executed without a success being seen: {@link Unknown}, and the
   * executed half of {@link PartiallyExecuted}. Such a request must be settled by query, never resent.
   *
   * @return true for {@link Unknown} and {@link PartiallyExecuted}
   */
  default boolean mayHaveExecuted() {
    return this instanceof Unknown || this instanceof PartiallyExecuted;
  }

  /**
   * The value of a success, for callers to whom anything else is exceptional.
   *
   * @return the value of a {@link Success}
   * @throws OutcomeException for every other outcome, carrying it
   */
  default T orThrow() {
    if (this instanceof Success<T> s) {
      return s.value();
    }
    throw new OutcomeException(this);
  }

  /**
   * Executed, and the result was read.
   *
   * @param <T> the type of the value
   * @param value the decoded result
   * @param status the HTTP status (REST) or the WebSocket reply's status, 200 in practice
   * @param headers the response headers ({@link ResponseHeaders#EMPTY} over WebSocket)
   * @param usage the rate-limit usage the response reported
   */
  record Success<T>(T value, int status, ResponseHeaders headers, RateLimitUsage usage) implements Outcome<T> {}

  /**
   * A definite 4XX: the request was NOT executed. For cancelReplace -2022 both halves are in
   * {@link #cancelReplace()}.
   *
   * @param <T> the type a success would have carried
   * @param details the error as received
   * @param usage the rate-limit usage the response reported
   * @param cancelReplace for cancelReplace -2022, the result of each half; otherwise null
   * @param request what was sent
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
   *
   * @param <T> the type a success would have carried
   * @param details the error as received
   * @param usage the rate-limit usage the response reported
   * @param retryAfter how long to wait, or null when the server did not say
   * @param retryAt when sending is allowed again, or null when the server did not say
   * @param request what was sent
   */
  record RateLimited<T>(ErrorDetails details, RateLimitUsage usage, Duration retryAfter, Instant retryAt, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * 418: NOT executed, and the IP is banned until {@link #bannedUntil()}. The client's gate sends nothing until
   * then.
   *
   * @param <T> the type a success would have carried
   * @param details the error as received
   * @param usage the rate-limit usage the response reported
   * @param bannedUntil the end of the ban, or null when the server did not say
   * @param request what was sent
   */
  record IpBanned<T>(ErrorDetails details, RateLimitUsage usage, Instant bannedUntil, RequestRecord request)
      implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * 403 from the WAF: NOT executed. Not retried: sending the same request again will be blocked again.
   *
   * @param <T> the type a success would have carried
   * @param details the error as received (often an HTML page)
   * @param usage the rate-limit usage the response reported
   * @param request what was sent
   */
  record WafBlocked<T>(ErrorDetails details, RateLimitUsage usage, RequestRecord request) implements Outcome<T> {
    @Override
    public Optional<ErrorDetails> error() {
      return Optional.of(details);
    }
  }

  /**
   * 409 from cancelReplace: one half executed and the other did not. Both halves are typed in {@link #halves()}:
   * a half is {@link OrderOrError.Executed}, {@link OrderOrError.Failed}, or null when not attempted.
   *
   * @param <T> the type a success would have carried
   * @param details the error as received
   * @param usage the rate-limit usage the response reported
   * @param halves the cancel half and the new-order half, each typed
   * @param request what was sent
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
   *
   * @param <T> the type a success would have carried
   * @param cause why the outcome is unknown
   * @param details the response, or null when none arrived
   * @param usage the rate-limit usage the response reported, if any
   * @param request what was sent, to settle the outcome by query
   * @param explanation what happened, in words, for logs
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

  /**
   * Not sent: nothing reached the server, so the request was certainly not executed and may be retried.
   *
   * @param <T> the type a success would have carried
   * @param reason why it was not sent
   * @param explanation what happened, in words, for logs
   * @param request what would have been sent
   */
  record NotSent<T>(NotSentReason reason, String explanation, RequestRecord request) implements Outcome<T> {
    @Override
    public RateLimitUsage usage() {
      return RateLimitUsage.EMPTY;
    }
  }
}
