package io.spotsdk.outcome;

import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;

/**
 * One limiter: type and window, e.g. ORDERS per 10 SECOND. {@code -10S} and {@code -1D} are different keys.
 *
 * @param type what is counted, e.g. {@code REQUEST_WEIGHT} or {@code ORDERS}
 * @param intervalNum how many intervals the window spans, e.g. 10
 * @param interval the interval's unit, e.g. {@code SECOND}
 */
public record UsageKey(RateLimitType type, int intervalNum, RateLimitInterval interval) {
  @Override
  public String toString() {
    return type + "/" + intervalNum + interval;
  }
}
