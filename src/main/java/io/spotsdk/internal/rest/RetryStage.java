package io.spotsdk.internal.rest;

import io.spotsdk.core.Meaning;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Retries READS whose response the spec calls UNKNOWN (5XX, -1006/-1007) or that failed in transit, and any
 * request that provably never left (connect failed). A call that changes state is never retried once it may
 * have reached the server: its unknown outcome goes to the caller, to be settled by query.
 */
public final class RetryStage implements RestStage {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?\\d+)");

  private final RestStage next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  public RetryStage(RestStage next, RetryPolicy policy, Sleeper sleeper, Clock clock) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  @Override
  public RawResponse send(RestExchange ex) throws TransportException, NotSentException {
    boolean read = !ex.operation().changesState();
    Instant giveUpAt = clock.instant().plus(policy.deadline());
    for (int attempt = 1; ; attempt++) {
      boolean last = attempt >= policy.maxAttempts();
      try {
        RawResponse r = next.send(ex);
        if (last || !read || meaning(ex, r) != Meaning.UNKNOWN || !waitBefore(attempt + 1, attempt, giveUpAt)) {
          return r;
        }
      } catch (TransportException e) {
        boolean retryable = !e.possiblySent() || read;
        if (last || !retryable || !waitBefore(attempt + 1, attempt, giveUpAt)) {
          throw e;
        }
      }
    }
  }

  private Meaning meaning(RestExchange ex, RawResponse r) {
    Integer code = null;
    if (r.status() >= 300 && r.body().length > 0 && r.body().length < 4096) {
      Matcher m = CODE.matcher(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      if (m.find()) {
        try {
          code = Integer.valueOf(m.group(1));
        } catch (NumberFormatException ignored) {
          code = null;
        }
      }
    }
    return ex.operation().meanings().resolve(r.status(), code);
  }

  /** Sleeps the backoff unless that would start the next attempt after the deadline. */
  private boolean waitBefore(int nextAttempt, int failed, Instant giveUpAt) throws NotSentException {
    Duration wait = policy.backoff(failed);
    if (clock.instant().plus(wait).isAfter(giveUpAt)) {
      return false;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return true;
  }
}
