package io.spotsdk.outcome;

import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage counts reported by one response: every usage header the spec declares by pattern (REST: used weight and
 * order count per window) or every {@code rateLimits} entry (WebSocket), keyed by type and window. Kept in arrays:
 * a response without usage shares {@link #EMPTY}, and reading it ({@link #countSize()}, {@link #countKey},
 * {@link #countAt}) boxes nothing. {@link #counts()} and {@link #limits()} build maps for the caller who wants them.
 */
public final class RateLimitUsage {
  /** No usage reported: no response, or a response without usage headers or {@code rateLimits}. */
  public static final RateLimitUsage EMPTY = new RateLimitUsage(new UsageKey[0], new long[0], 0, new UsageKey[0], new long[0], 0);

  private final UsageKey[] countKeys;
  private final long[] counts;
  private final int countSize;
  private final UsageKey[] limitKeys;
  private final long[] limits;
  private final int limitSize;

  private RateLimitUsage(UsageKey[] countKeys, long[] counts, int countSize, UsageKey[] limitKeys, long[] limits,
      int limitSize) {
    this.countKeys = countKeys;
    this.counts = counts;
    this.countSize = countSize;
    this.limitKeys = limitKeys;
    this.limits = limits;
    this.limitSize = limitSize;
  }

  /**
   * Parses REST usage headers by the spec's patterns, so any interval the server adds is kept.
   *
   * @param headers the response headers; those that are not usage headers are ignored
   * @return the counts, or {@link #EMPTY} when there were none
   */
  public static RateLimitUsage fromHeaders(ResponseHeaders headers) {
    int size = headers.size();
    if (size == 0) {
      return EMPTY;
    }
    UsageKey[] keys = null;
    long[] values = null;
    int n = 0;
    for (int i = 0; i < size; i++) {
      UsageKey key = match(headers.name(i));
      // A name repeated (in any case) counts once, by its first value, as the lower-cased map gives it.
      if (key == null || headers.repeatsEarlierName(i)) {
        continue;
      }
      String v = headers.value(i);
      if (v == null) {
        continue;
      }
      long count;
      try {
        count = Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        continue;
      }
      if (keys == null) {
        int cap = Math.min(size, 8);
        keys = new UsageKey[cap];
        values = new long[cap];
      } else if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      int at = indexOf(keys, n, key); // a repeated window keeps its last value, as a map would
      if (at < 0) {
        at = n++;
      }
      keys[at] = key;
      values[at] = count;
    }
    return n == 0 ? EMPTY : new RateLimitUsage(keys, values, n, EMPTY.limitKeys, EMPTY.limits, 0);
  }

  private static UsageKey match(String name) {
    for (UsageHeaders family : UsageHeaders.FROM_SPEC) {
      UsageKey k = family.match(name);
      if (k != null) {
        return k;
      }
    }
    return null;
  }

  /**
   * From a WebSocket {@code rateLimits} array (or rateLimit/order), which also carries the limits.
   *
   * @param rateLimits the entries; null, and entries without type, interval or interval number, are skipped
   * @return the counts and limits, or {@link #EMPTY} when there were none
   */
  public static RateLimitUsage fromRateLimits(List<RateLimit> rateLimits) {
    if (rateLimits == null || rateLimits.isEmpty()) {
      return EMPTY;
    }
    int cap = rateLimits.size();
    UsageKey[] countKeys = new UsageKey[cap];
    long[] counts = new long[cap];
    UsageKey[] limitKeys = new UsageKey[cap];
    long[] limits = new long[cap];
    int nc = 0;
    int nl = 0;
    for (RateLimit r : rateLimits) {
      if (r == null || r.rateLimitType() == null || r.interval() == null || r.intervalNum() == null) {
        continue;
      }
      UsageKey key = key(r.rateLimitType(), r.intervalNum(), r.interval());
      if (r.count() != null) {
        int at = indexOf(countKeys, nc, key);
        if (at < 0) {
          at = nc++;
        }
        countKeys[at] = key;
        counts[at] = r.count();
      }
      if (r.limit() != null) {
        int at = indexOf(limitKeys, nl, key);
        if (at < 0) {
          at = nl++;
        }
        limitKeys[at] = key;
        limits[at] = r.limit();
      }
    }
    return nc == 0 && nl == 0 ? EMPTY : new RateLimitUsage(countKeys, counts, nc, limitKeys, limits, nl);
  }

  /** Keys of known types and intervals with small numbers, made once: a reply's usage allocates no key. */
  private static final int CACHED_NUMS = 64;
  private static final UsageKey[][][] KEYS =
      new UsageKey[RateLimitType.knownValues().size()][RateLimitInterval.knownValues().size()][CACHED_NUMS];

  private static UsageKey key(RateLimitType type, int intervalNum, RateLimitInterval interval) {
    int t = RateLimitType.knownValues().indexOf(type);
    int iv = RateLimitInterval.knownValues().indexOf(interval);
    if (t < 0 || iv < 0 || intervalNum < 0 || intervalNum >= CACHED_NUMS) {
      return new UsageKey(type, intervalNum, interval);
    }
    UsageKey k = KEYS[t][iv][intervalNum];
    if (k == null) {
      // A race makes equal keys twice at worst; a record's final fields publish it safely.
      k = new UsageKey(type, intervalNum, interval);
      KEYS[t][iv][intervalNum] = k;
    }
    return k;
  }

  private static int indexOf(UsageKey[] keys, int n, UsageKey key) {
    for (int i = 0; i < n; i++) {
      if (keys[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How many limiters this response reported a count for; with {@link #countKey} and {@link #countAt} it reads
   * the counts without boxing.
   *
   * @return the number of counts
   */
  public int countSize() {
    return countSize;
  }

  /**
   * The limiter of the {@code i}-th count.
   *
   * @param i the index, from 0 to {@link #countSize()} - 1
   * @return its type and window
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public UsageKey countKey(int i) {
    return countKeys[checkIndex(i, countSize)];
  }

  /**
   * The {@code i}-th count.
   *
   * @param i the index, from 0 to {@link #countSize()} - 1
   * @return the usage the server counted for that limiter
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public long countAt(int i) {
    return counts[checkIndex(i, countSize)];
  }

  /**
   * How many limiters this response reported a limit for (WebSocket only).
   *
   * @return the number of limits
   */
  public int limitSize() {
    return limitSize;
  }

  /**
   * The limiter of the {@code i}-th limit.
   *
   * @param i the index, from 0 to {@link #limitSize()} - 1
   * @return its type and window
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public UsageKey limitKey(int i) {
    return limitKeys[checkIndex(i, limitSize)];
  }

  /**
   * The {@code i}-th limit.
   *
   * @param i the index, from 0 to {@link #limitSize()} - 1
   * @return the limit the server declared for that limiter
   * @throws IndexOutOfBoundsException if {@code i} is out of range
   */
  public long limitAt(int i) {
    return limits[checkIndex(i, limitSize)];
  }

  private static int checkIndex(int i, int size) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return i;
  }

  /**
   * Counts by limiter, in the order the response gave them.
   *
   * @return an unmodifiable map, empty when nothing was reported
   */
  public Map<UsageKey, Long> counts() {
    return asMap(countKeys, counts, countSize);
  }

  /**
   * Limits by limiter, where the response carried them (WebSocket only).
   *
   * @return an unmodifiable map, empty when nothing was reported
   */
  public Map<UsageKey, Long> limits() {
    return asMap(limitKeys, limits, limitSize);
  }

  private static Map<UsageKey, Long> asMap(UsageKey[] keys, long[] values, int n) {
    if (n == 0) {
      return Map.of();
    }
    Map<UsageKey, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(keys[i], values[i]);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * The count of one limiter.
   *
   * @param type what is counted, e.g. {@code REQUEST_WEIGHT} or {@code ORDERS}
   * @param intervalNum how many intervals the window spans, e.g. 10 for 10 seconds
   * @param interval the interval's unit
   * @return the count, or null if the response did not report it
   */
  public Long count(RateLimitType type, int intervalNum, RateLimitInterval interval) {
    UsageKey k = new UsageKey(type, intervalNum, interval);
    int at = indexOf(countKeys, countSize, k);
    return at < 0 ? null : counts[at];
  }

  /**
   * Whether the response reported no count at all.
   *
   * @return true when there are no counts
   */
  public boolean isEmpty() {
    return countSize == 0;
  }

  @Override
  public String toString() {
    return counts().toString();
  }
}
