package io.spotsdk.ratelimit;

import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.outcome.ResponseHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage counts reported by one response: every {@code X-MBX-USED-WEIGHT-*} and {@code X-MBX-ORDER-COUNT-*}
 * header (REST) or every {@code rateLimits} entry (WebSocket), keyed by type and window.
 */
public final class RateLimitUsage {
  public static final RateLimitUsage EMPTY = new RateLimitUsage(Map.of(), Map.of());

  private static final String WEIGHT_PREFIX = "x-mbx-used-weight-";
  private static final String ORDER_PREFIX = "x-mbx-order-count-";

  private final Map<UsageKey, Long> counts;
  private final Map<UsageKey, Long> limits;

  private RateLimitUsage(Map<UsageKey, Long> counts, Map<UsageKey, Long> limits) {
    this.counts = counts;
    this.limits = limits;
  }

  /** Parses REST usage headers by pattern, so any interval the server adds is kept. */
  public static RateLimitUsage fromHeaders(ResponseHeaders headers) {
    Map<UsageKey, Long> counts = null;
    for (Map.Entry<String, List<String>> h : headers.asMap().entrySet()) {
      String name = h.getKey();
      RateLimitType type;
      int start;
      if (name.startsWith(WEIGHT_PREFIX)) {
        type = RateLimitType.REQUEST_WEIGHT;
        start = WEIGHT_PREFIX.length();
      } else if (name.startsWith(ORDER_PREFIX)) {
        type = RateLimitType.ORDERS;
        start = ORDER_PREFIX.length();
      } else {
        continue;
      }
      UsageKey key = parseWindow(type, name, start);
      Long value = parseCount(h.getValue());
      if (key != null && value != null) {
        if (counts == null) {
          counts = new LinkedHashMap<>();
        }
        counts.put(key, value);
      }
    }
    return counts == null ? EMPTY : new RateLimitUsage(Collections.unmodifiableMap(counts), Map.of());
  }

  /** From a WebSocket {@code rateLimits} array (or rateLimit/order), which also carries the limits. */
  public static RateLimitUsage fromRateLimits(List<RateLimit> rateLimits) {
    if (rateLimits == null || rateLimits.isEmpty()) {
      return EMPTY;
    }
    Map<UsageKey, Long> counts = new LinkedHashMap<>();
    Map<UsageKey, Long> limits = new LinkedHashMap<>();
    for (RateLimit r : rateLimits) {
      if (r == null || r.rateLimitType() == null || r.interval() == null || r.intervalNum() == null) {
        continue;
      }
      UsageKey key = new UsageKey(r.rateLimitType(), r.intervalNum(), r.interval());
      if (r.count() != null) {
        counts.put(key, r.count());
      }
      if (r.limit() != null) {
        limits.put(key, r.limit());
      }
    }
    return new RateLimitUsage(Collections.unmodifiableMap(counts), Collections.unmodifiableMap(limits));
  }

  private static UsageKey parseWindow(RateLimitType type, String name, int start) {
    int end = name.length() - 1;
    if (end <= start) {
      return null;
    }
    int num = 0;
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9' || num > 100_000) {
        return null;
      }
      num = num * 10 + (c - '0');
    }
    RateLimitInterval interval;
    switch (name.charAt(end)) {
      case 's': interval = RateLimitInterval.SECOND; break;
      case 'm': interval = RateLimitInterval.MINUTE; break;
      case 'h': interval = RateLimitInterval.HOUR; break;
      case 'd': interval = RateLimitInterval.DAY; break;
      default: return null;
    }
    return new UsageKey(type, num, interval);
  }

  private static Long parseCount(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(values.get(0).trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Counts by limiter. */
  public Map<UsageKey, Long> counts() {
    return counts;
  }

  /** Limits by limiter, where the response carried them (WebSocket only). */
  public Map<UsageKey, Long> limits() {
    return limits;
  }

  /** The count of one limiter, or null if the response did not report it. */
  public Long count(RateLimitType type, int intervalNum, RateLimitInterval interval) {
    return counts.get(new UsageKey(type, intervalNum, interval));
  }

  public boolean isEmpty() {
    return counts.isEmpty();
  }

  @Override
  public String toString() {
    return counts.toString();
  }
}
