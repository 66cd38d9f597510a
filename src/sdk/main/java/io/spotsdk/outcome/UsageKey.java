package io.spotsdk.outcome;

import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;

/** One limiter: type and window, e.g. ORDERS per 10 SECOND. {@code -10S} and {@code -1D} are different keys. */
public record UsageKey(RateLimitType type, int intervalNum, RateLimitInterval interval) {
  @Override
  public String toString() {
    return type + "/" + intervalNum + interval;
  }
}
