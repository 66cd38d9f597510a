package io.spotsdk.retry;

import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a READ may be tried again: after an unknown outcome (5XX, -1006/-1007, timeout, lost connection) or a
 * request that was not sent. Calls that change state are never retried after they may have reached the server,
 * whatever this policy says; only their not-sent failures are. Backoff is exponential with jitter, capped, and
 * bounded by a number of attempts and an overall deadline.
 */
public final class RetryPolicy {
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final Duration deadline;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.deadline = b.deadline;
    this.random = b.random;
  }

  /**
   * The policy a client uses unless told otherwise: 3 attempts, 100 ms doubling to at most 2 s, ±20% jitter,
   * 10 s overall.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /**
   * One attempt only: for callers that retry on their own terms, or tests that must see the first outcome.
   *
   * @return a policy that never tries again
   */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  /**
   * Starts from the defaults of {@link #defaults()}; set only what differs.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * How many attempts a read gets at most, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * How long after the first attempt a new attempt may still start; a retry whose wait would end later is not made.
   *
   * @return the overall time bound of one call's attempts
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed: exponential, capped at the maximum
   * backoff, with jitter so that many clients do not retry in step.
   *
   * @param attempt the attempt that failed, 1-based
   * @return the wait, never negative
   */
  public Duration backoff(int attempt) {
    double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    base = Math.min(base, maxBackoff.toNanos());
    double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
    return Duration.ofNanos(Math.max(0, Math.round(base * factor)));
  }

  /**
   * The wait before trying again after attempt {@code attempt} (1-based) ended in {@code outcome}, or null to stop.
   * The one retry rule of both transports: a read is tried again after an unknown outcome; any call after it
   * provably never left (connection failed, or closed before the request was written). Nothing else is retried:
   * a call that changes state may have executed, and every other outcome is a definite answer.
   *
   * @param attempt the attempt that just ended, 1-based
   * @param changesState whether the call places, cancels or otherwise changes something (never retried once it
   *     may have reached the server)
   * @param outcome how the attempt ended
   * @param now the current time, from the client's clock
   * @param giveUpAt when the call's overall deadline ends; no wait may go past it
   * @return the wait before the next attempt, or null when the call must not be tried again
   */
  public Duration retryDelay(int attempt, boolean changesState, Outcome<?> outcome, Instant now, Instant giveUpAt) {
    boolean retryable;
    if (outcome instanceof Outcome.Unknown<?>) {
      retryable = !changesState;
    } else if (outcome instanceof Outcome.NotSent<?> n) {
      retryable = n.reason() == NotSentReason.CONNECT_FAILED || n.reason() == NotSentReason.CLIENT_CLOSED;
    } else {
      retryable = false;
    }
    if (!retryable || attempt >= maxAttempts) {
      return null;
    }
    Duration wait = backoff(attempt);
    return now.plus(wait).isAfter(giveUpAt) ? null : wait;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initial=" + initialBackoff + ", max=" + maxBackoff + ", x"
        + multiplier + ", jitter=" + jitter + ", deadline=" + deadline + "]";
  }

  /** Sets the bounds of a {@link RetryPolicy}; each setter rejects a value that could not bound anything. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private double multiplier = 2;
    private double jitter = 0.2;
    private Duration deadline = Duration.ofSeconds(10);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    /** Starts from the defaults of {@link RetryPolicy#defaults()}; {@link RetryPolicy#builder()} is the same. */
    public Builder() {}

    /**
     * The number of attempts a read gets at most, the first included; 1 turns retries off.
     *
     * @param n at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = n;
      return this;
    }

    /**
     * The wait after the first failed attempt, before jitter; later waits grow by the multiplier.
     *
     * @param d the first wait
     * @return this builder
     */
    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * The longest wait between two attempts, before jitter, however many attempts failed.
     *
     * @param d the cap on one wait
     * @return this builder
     */
    public Builder maxBackoff(Duration d) {
      this.maxBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * How much each wait grows over the previous one; 1 keeps the wait constant.
     *
     * @param m at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code m} is below 1
     */
    public Builder multiplier(double m) {
      if (m < 1) {
        throw new IllegalArgumentException("multiplier must be >= 1");
      }
      this.multiplier = m;
      return this;
    }

    /**
     * How much each wait is spread at random around its base: 0 = none; 0.2 = each wait is the base ±20%.
     *
     * @param j in [0, 1]
     * @return this builder
     * @throws IllegalArgumentException if {@code j} is outside [0, 1]
     */
    public Builder jitter(double j) {
      if (j < 0 || j > 1) {
        throw new IllegalArgumentException("jitter must be in [0, 1]");
      }
      this.jitter = j;
      return this;
    }

    /**
     * No attempt starts after this much time since the first, so a call's retries end in bounded time.
     *
     * @param d the overall bound
     * @return this builder
     */
    public Builder deadline(Duration d) {
      this.deadline = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Source of uniform [0,1) numbers for jitter; inject a fixed one in tests so waits are exact.
     *
     * @param random the source of jitter
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    /**
     * Makes the policy; the builder may be used again.
     *
     * @return the policy with the bounds set so far
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
