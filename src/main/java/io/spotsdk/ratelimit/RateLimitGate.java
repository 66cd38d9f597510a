package io.spotsdk.ratelimit;

import io.spotsdk.model.ExchangeInfo;
import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.outcome.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One gate for every request of an account and IP, shared by the REST and WebSocket clients (Binance counts
 * weight per IP and orders per account, whatever the transport). Before a request leaves it:
 * <ul>
 *   <li>refuses everything while the IP is banned (418): not one request leaves during a ban, which lasts at least
 *       {@link WaitBounds#BAN_FLOOR} and at most {@link WaitBounds#HORIZON};</li>
 *   <li>holds new requests until a 429's retry instant, or refuses when that is further than {@code maxWait};</li>
 *   <li>paces proactively: counts weight, raw requests and orders per calendar window against the limits from
 *       exchangeInfo (or a WebSocket {@code rateLimits}), corrected by the usage each response reports, so a
 *       caller within its budget never sees a 429.</li>
 * </ul>
 * It learns only from outcomes, so statuses keep their single meaning from the spec.
 */
public final class RateLimitGate {
  /** What the gate says to one request. */
  public record Decision(boolean proceed, Duration waitFor, String refusal) {
    static final Decision GO = new Decision(true, Duration.ZERO, null);

    static Decision waitFor(Duration d) {
      return new Decision(false, d, null);
    }

    static Decision refuse(String why) {
      return new Decision(false, null, why);
    }

    public boolean refused() {
      return refusal != null;
    }
  }

  private static final class Window {
    long start;
    long count;
  }

  private final Clock clock;
  private final Duration maxWait;
  private final Duration defaultBackoff;
  private final Duration banFloor;
  private final Map<UsageKey, Long> limits = new HashMap<>();
  private final Map<UsageKey, Window> windows = new HashMap<>();
  private final AtomicLong refusedDuringBan = new AtomicLong();
  private Instant bannedUntil;
  private Instant backoffUntil;

  private RateLimitGate(Builder b) {
    this.clock = b.clock;
    this.maxWait = b.maxWait;
    this.defaultBackoff = b.defaultBackoff;
    this.banFloor = b.banFloor;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Sets the limits, e.g. from {@code exchangeInfo.rateLimits}. Done automatically when exchangeInfo passes. */
  public synchronized void limits(List<RateLimit> rateLimits) {
    if (rateLimits == null) {
      return;
    }
    for (RateLimit r : rateLimits) {
      if (r.rateLimitType() != null && r.interval() != null && r.intervalNum() != null && r.limit() != null
          && r.interval().isRecognized() && r.rateLimitType().isRecognized()) {
        limits.put(new UsageKey(r.rateLimitType(), r.intervalNum(), r.interval()), r.limit());
      }
    }
  }

  /** The limits the gate paces against. */
  public synchronized Map<UsageKey, Long> limits() {
    return Map.copyOf(limits);
  }

  /** The end of the current ban, or null. */
  public synchronized Instant bannedUntil() {
    Instant b = bannedUntil;
    return b != null && clock.instant().isBefore(b) ? b : null;
  }

  /** Requests the gate refused because of a ban (none of them left the client). */
  public long refusedDuringBan() {
    return refusedDuringBan.get();
  }

  /**
   * Asks to send one request of this weight that adds {@code orders} to the unfilled-order count. On
   * {@code proceed} the cost is already counted; on a wait, the caller waits (with its own sleeper) and asks again.
   */
  public synchronized Decision tryAcquire(int weight, int orders) {
    Instant now = clock.instant();
    if (bannedUntil != null && now.isBefore(bannedUntil)) {
      Duration left = Duration.between(now, bannedUntil);
      if (left.compareTo(maxWait) > 0) {
        refusedDuringBan.incrementAndGet();
        return Decision.refuse("the IP is banned until " + bannedUntil + " (418); nothing is sent before then");
      }
      return Decision.waitFor(left);
    }
    if (backoffUntil != null && now.isBefore(backoffUntil)) {
      Duration left = Duration.between(now, backoffUntil);
      if (left.compareTo(maxWait) > 0) {
        return Decision.refuse("rate limited (429) until " + backoffUntil + ", longer than the allowed wait of " + maxWait);
      }
      return Decision.waitFor(left);
    }
    long nowMs = now.toEpochMilli();
    Duration longest = Duration.ZERO;
    for (Map.Entry<UsageKey, Long> e : limits.entrySet()) {
      long cost = cost(e.getKey().type(), weight, orders);
      if (cost == 0) {
        continue;
      }
      Window w = window(e.getKey(), nowMs);
      if (saturatedAdd(w.count, cost) > e.getValue()) {
        Duration untilReset = Duration.ofMillis(w.start + intervalMillis(e.getKey()) - nowMs);
        if (untilReset.compareTo(longest) > 0) {
          longest = untilReset;
        }
      }
    }
    if (!longest.isZero()) {
      if (longest.compareTo(maxWait) > 0) {
        return Decision.refuse("the request would exceed a rate limit whose window resets in " + longest
            + ", longer than the allowed wait of " + maxWait);
      }
      return Decision.waitFor(longest);
    }
    for (UsageKey k : limits.keySet()) {
      long cost = cost(k.type(), weight, orders);
      if (cost > 0) {
        Window w = window(k, nowMs);
        w.count = saturatedAdd(w.count, cost);
      }
    }
    return Decision.GO;
  }

  /** Learns from an outcome: reported usage, limits, 429 retry instants and 418 bans. */
  public synchronized void observe(Outcome<?> outcome) {
    Instant now = clock.instant();
    long nowMs = now.toEpochMilli();
    RateLimitUsage usage = outcome.usage();
    for (Map.Entry<UsageKey, Long> e : usage.limits().entrySet()) {
      limits.putIfAbsent(e.getKey(), e.getValue());
    }
    for (Map.Entry<UsageKey, Long> e : usage.counts().entrySet()) {
      Window w = window(e.getKey(), nowMs);
      w.count = Math.max(w.count, e.getValue());
    }
    if (outcome instanceof Outcome.RateLimited<?> r) {
      Instant until = WaitBounds.clamp(now, r.retryAt() != null ? r.retryAt() : now.plus(defaultBackoff));
      if (backoffUntil == null || until.isAfter(backoffUntil)) {
        backoffUntil = until;
      }
    } else if (outcome instanceof Outcome.IpBanned<?> b) {
      // Never sooner than the floor (Binance's shortest ban), whatever the 418 said or if it said nothing.
      Instant until = WaitBounds.banEnd(now, b.bannedUntil(), banFloor);
      if (bannedUntil == null || until.isAfter(bannedUntil)) {
        bannedUntil = until;
      }
    } else if (outcome instanceof Outcome.Success<?> s && s.value() instanceof ExchangeInfo info) {
      limits(info.rateLimits());
    }
  }

  private Window window(UsageKey key, long nowMs) {
    long interval = intervalMillis(key);
    long start = Math.floorDiv(nowMs, interval) * interval;
    Window w = windows.computeIfAbsent(key, k -> new Window());
    if (w.start != start) {
      w.start = start;
      w.count = 0;
    }
    return w;
  }

  /** A count reported by the server can be any long; adding to it must not wrap into room under the limit. */
  private static long saturatedAdd(long count, long cost) {
    long sum = count + cost;
    return ((count ^ sum) & (cost ^ sum)) < 0 ? (count < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
  }

  private static long cost(RateLimitType type, int weight, int orders) {
    switch (type.value()) {
      case REQUEST_WEIGHT:
        return weight;
      case ORDERS:
        return orders;
      case RAW_REQUESTS:
        return 1;
      default:
        return 0;
    }
  }

  private static long intervalMillis(UsageKey k) {
    long unit;
    switch (k.interval().value()) {
      case SECOND: unit = 1_000L; break;
      case MINUTE: unit = 60_000L; break;
      case HOUR: unit = 3_600_000L; break;
      default: unit = 86_400_000L; break;
    }
    return unit * Math.max(1, k.intervalNum());
  }

  @Override
  public synchronized String toString() {
    return "RateLimitGate[limits=" + limits.size() + (bannedUntil != null ? ", bannedUntil=" + bannedUntil : "")
        + (backoffUntil != null ? ", backoffUntil=" + backoffUntil : "") + "]";
  }

  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration maxWait = Duration.ofSeconds(10);
    private Duration defaultBackoff = Duration.ofSeconds(1);
    private Duration banFloor = WaitBounds.BAN_FLOOR;

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The longest a request may be held; beyond it the gate refuses at once (fail fast). */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait);
      return this;
    }

    /** How long to hold after a 429 that named no retry instant. */
    public Builder defaultBackoff(Duration d) {
      this.defaultBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * The shortest a 418 ban is kept, whatever instant the 418 named (default {@link WaitBounds#BAN_FLOOR}, Binance's
     * shortest ban). Lower it only against a simulator whose bans are shorter; against Binance it risks a longer ban.
     */
    public Builder banFloor(Duration floor) {
      if (Objects.requireNonNull(floor).isNegative()) {
        throw new IllegalArgumentException("banFloor must not be negative");
      }
      this.banFloor = floor;
      return this;
    }

    public RateLimitGate build() {
      return new RateLimitGate(this);
    }
  }
}
