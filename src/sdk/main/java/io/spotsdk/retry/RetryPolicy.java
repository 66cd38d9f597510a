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

  /** 3 attempts, 100 ms doubling to at most 2 s, ±20% jitter, 10 s overall. */
  public static RetryPolicy defaults() {
    return builder().build();
  }

  /** One attempt only. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration deadline() {
    return deadline;
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} (1-based) failed. */
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

  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private double multiplier = 2;
    private double jitter = 0.2;
    private Duration deadline = Duration.ofSeconds(10);
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    public Builder maxAttempts(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1");
      }
      this.maxAttempts = n;
      return this;
    }

    public Builder initialBackoff(Duration d) {
      this.initialBackoff = Objects.requireNonNull(d);
      return this;
    }

    public Builder maxBackoff(Duration d) {
      this.maxBackoff = Objects.requireNonNull(d);
      return this;
    }

    public Builder multiplier(double m) {
      if (m < 1) {
        throw new IllegalArgumentException("multiplier must be >= 1");
      }
      this.multiplier = m;
      return this;
    }

    /** 0 = none; 0.2 = each wait is the base ±20%. */
    public Builder jitter(double j) {
      if (j < 0 || j > 1) {
        throw new IllegalArgumentException("jitter must be in [0, 1]");
      }
      this.jitter = j;
      return this;
    }

    /** No attempt starts after this much time since the first. */
    public Builder deadline(Duration d) {
      this.deadline = Objects.requireNonNull(d);
      return this;
    }

    /** Source of uniform [0,1) numbers for jitter; inject a fixed one in tests. */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public RetryPolicy build() {
      return new RetryPolicy(this);
    }
  }
}
