package io.spotsdk.ratelimit;

import io.spotsdk.internal.gate.GateAccess;
import io.spotsdk.internal.gate.GateDecision;
import io.spotsdk.internal.gate.PipelineGate;
import io.spotsdk.model.ExchangeInfo;
import io.spotsdk.model.RateLimit;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.outcome.UsageKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
 * It learns only from outcomes, so statuses keep their single meaning from the spec. The SDK's clients acquire and
 * observe through it themselves; what users call is the builder, the limits and the ban state.
 *
 * <p>Every request passes here twice, from any number of threads, so the common path takes no lock: one volatile
 * read says whether a ban or a 429 blocks at all, and the windows are one immutable {@link Budget} replaced whole by
 * compare-and-set, which admits a request against every limiter at once (never one limiter's room taken and given
 * back, which would hold a concurrent request for nothing). A response changes the gate only when it reports
 * something new (a ban, a 429, a limit, a count above ours); only bans, 429s and new limiters take the lock.
 */
public final class RateLimitGate {
  static {
    GateAccess.install(gate -> ((RateLimitGate) gate).pipeline);
  }

  /** No limit known for this limiter yet: its window follows reported counts but holds nothing back. */
  private static final long NO_LIMIT = -1;

  /** One limiter: a limit on a type of cost per window. Immutable; shared by every budget until the limits change. */
  private record Limiter(UsageKey key, long limit, long intervalMillis) {
    long cost(int weight, int orders) {
      switch (key.type().value()) {
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

    long windowStart(long nowMs) {
      return Math.floorDiv(nowMs, intervalMillis) * intervalMillis;
    }
  }

  /**
   * The limiters and their current windows, never changed once published: {@code windows[2i]} is limiter i's window
   * start, {@code windows[2i + 1]} its count.
   */
  private record Budget(Limiter[] limiters, long[] windows) {}

  private final Clock clock;
  private final Duration maxWait;
  private final Duration defaultBackoff;
  private final Duration banFloor;
  private final AtomicReference<Budget> budget = new AtomicReference<>(new Budget(new Limiter[0], new long[0]));
  private final AtomicLong refusedDuringBan = new AtomicLong();
  private final Object lock = new Object();
  /** Written under {@link #lock}; read without it. */
  private volatile Instant bannedUntil;
  private volatile Instant backoffUntil;
  /** The later of the ban's and the 429's end, in epoch ms rounded up: before it, tryAcquire looks closer. */
  private volatile long blockedUntilMs = Long.MIN_VALUE;
  private final PipelineGate pipeline = new PipelineGate() {
    @Override
    public GateDecision tryAcquire(int weight, int orders) {
      return acquire(weight, orders);
    }

    @Override
    public void observe(Outcome<?> outcome) {
      learn(outcome);
    }
  };

  private RateLimitGate(Builder b) {
    this.clock = b.clock;
    this.maxWait = b.maxWait;
    this.defaultBackoff = b.defaultBackoff;
    this.banFloor = b.banFloor;
  }

  /**
   * Starts a gate with the defaults: system clock, at most 10 s of holding, 1 s after a 429 that names no instant,
   * bans kept at least {@link WaitBounds#BAN_FLOOR}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sets the limits, e.g. from {@code exchangeInfo.rateLimits}. Done automatically when exchangeInfo passes.
   *
   * @param rateLimits the limits; null, incomplete entries and types or intervals this SDK does not know are
   *     skipped
   */
  public void limits(List<RateLimit> rateLimits) {
    if (rateLimits == null) {
      return;
    }
    Map<UsageKey, Long> wanted = null;
    for (RateLimit r : rateLimits) {
      if (r != null && r.rateLimitType() != null && r.interval() != null && r.intervalNum() != null && r.limit() != null
          && r.interval().isRecognized() && r.rateLimitType().isRecognized()) {
        UsageKey key = new UsageKey(r.rateLimitType(), r.intervalNum(), r.interval());
        if (limitOf(budget.get(), key) != r.limit()) {
          if (wanted == null) {
            wanted = new HashMap<>();
          }
          wanted.put(key, r.limit());
        }
      }
    }
    if (wanted != null) {
      setLimits(wanted, true);
    }
  }

  /**
   * The limits the gate paces against.
   *
   * @return an unmodifiable map of each limiter to its limit
   */
  public Map<UsageKey, Long> limits() {
    Map<UsageKey, Long> m = new HashMap<>();
    for (Limiter l : budget.get().limiters()) {
      if (l.limit() != NO_LIMIT) {
        m.put(l.key(), l.limit());
      }
    }
    return Map.copyOf(m);
  }

  /**
   * The end of the current 418 ban; until then the gate sends nothing.
   *
   * @return the instant, or null when no ban is in force
   */
  public Instant bannedUntil() {
    Instant b = bannedUntil;
    return b != null && clock.instant().isBefore(b) ? b : null;
  }

  /**
   * Requests the gate refused because of a ban (none of them left the client).
   *
   * @return the count since the gate was built
   */
  public long refusedDuringBan() {
    return refusedDuringBan.get();
  }

  private GateDecision acquire(int weight, int orders) {
    while (true) {
      // The budget is read before the clock: a budget another thread published was made at an earlier reading of
      // the clock, so no window here is ever newer than this call's now (with a clock that does not step back).
      Budget b = budget.get();
      long nowMs = clock.millis();
      if (nowMs < blockedUntilMs) {
        GateDecision held = held();
        if (held != null) {
          return held;
        }
      }
      Limiter[] limiters = b.limiters();
      long[] windows = b.windows();
      long[] next = null;
      long longestWait = 0;
      for (int i = 0; i < limiters.length; i++) {
        Limiter l = limiters[i];
        long cost = l.limit() == NO_LIMIT ? 0 : l.cost(weight, orders);
        if (cost == 0) {
          continue;
        }
        long start = l.windowStart(nowMs);
        long count = windows[2 * i] == start ? windows[2 * i + 1] : 0;
        long after = saturatedAdd(count, cost);
        if (after > l.limit()) {
          longestWait = Math.max(longestWait, start + l.intervalMillis() - nowMs);
        } else if (longestWait == 0) {
          if (next == null) {
            next = windows.clone();
          }
          next[2 * i] = start;
          next[2 * i + 1] = after;
        }
      }
      if (longestWait > 0) {
        return overLimit(Duration.ofMillis(longestWait));
      }
      if (next == null || budget.compareAndSet(b, new Budget(limiters, next))) {
        return GateDecision.GO; // nothing to count, or counted in every limiter at once
      }
    }
  }

  /** A ban or a 429 may be in force: decides exactly, on the instants. Null when neither holds any more. */
  private GateDecision held() {
    Instant now = clock.instant();
    Instant ban = bannedUntil;
    if (ban != null && now.isBefore(ban)) {
      Duration left = Duration.between(now, ban);
      if (left.compareTo(maxWait) > 0) {
        refusedDuringBan.incrementAndGet();
        return GateDecision.refuse("the IP is banned until " + ban + " (418); nothing is sent before then");
      }
      return GateDecision.waitFor(left);
    }
    Instant backoff = backoffUntil;
    if (backoff != null && now.isBefore(backoff)) {
      Duration left = Duration.between(now, backoff);
      if (left.compareTo(maxWait) > 0) {
        return GateDecision.refuse("rate limited (429) until " + backoff + ", longer than the allowed wait of " + maxWait);
      }
      return GateDecision.waitFor(left);
    }
    return null;
  }

  private GateDecision overLimit(Duration longest) {
    if (longest.compareTo(maxWait) > 0) {
      return GateDecision.refuse("the request would exceed a rate limit whose window resets in " + longest
          + ", longer than the allowed wait of " + maxWait);
    }
    return GateDecision.waitFor(longest);
  }

  private void learn(Outcome<?> outcome) {
    if (outcome instanceof Outcome.IpBanned<?> b) {
      synchronized (lock) {
        Instant now = clock.instant();
        // Never sooner than the floor (Binance's shortest ban), whatever the 418 said or if it said nothing.
        Instant until = WaitBounds.banEnd(now, b.bannedUntil(), banFloor);
        if (bannedUntil == null || until.isAfter(bannedUntil)) {
          bannedUntil = until;
          block(until);
        }
      }
    } else if (outcome instanceof Outcome.RateLimited<?> r) {
      synchronized (lock) {
        Instant now = clock.instant();
        Instant until = WaitBounds.clamp(now, r.retryAt() != null ? r.retryAt() : now.plus(defaultBackoff));
        if (backoffUntil == null || until.isAfter(backoffUntil)) {
          backoffUntil = until;
          block(until);
        }
      }
    } else if (outcome instanceof Outcome.Success<?> s && s.value() instanceof ExchangeInfo info) {
      limits(info.rateLimits());
    }
    RateLimitUsage usage = outcome.usage();
    learnLimits(usage);
    learnCounts(usage);
  }

  /** Under the lock. Volatile write: every tryAcquire that starts after it sees the block. */
  private void block(Instant until) {
    long ms = until.toEpochMilli() + (until.getNano() % 1_000_000 != 0 ? 1 : 0);
    if (ms > blockedUntilMs) {
      blockedUntilMs = ms;
    }
  }

  /** Limits a WebSocket reply carried: taken only for limiters without one. */
  private void learnLimits(RateLimitUsage usage) {
    Map<UsageKey, Long> wanted = null;
    for (int i = 0; i < usage.limitSize(); i++) {
      if (limitOf(budget.get(), usage.limitKey(i)) == NO_LIMIT) {
        if (wanted == null) {
          wanted = new HashMap<>();
        }
        wanted.putIfAbsent(usage.limitKey(i), usage.limitAt(i));
      }
    }
    if (wanted != null) {
      setLimits(wanted, false);
    }
  }

  /** Raises our count of a window to the server's when the server has counted more than we have. */
  private void learnCounts(RateLimitUsage usage) {
    for (int i = 0; i < usage.countSize(); i++) {
      UsageKey key = usage.countKey(i);
      long reported = usage.countAt(i);
      while (true) {
        Budget b = budget.get();
        long nowMs = clock.millis();
        int at = indexOf(b.limiters(), key);
        if (at < 0) {
          setLimits(Map.of(key, NO_LIMIT), false); // track its window from now on, so a limit learned later has it
          continue;
        }
        Limiter l = b.limiters()[at];
        long start = l.windowStart(nowMs);
        long ours = b.windows()[2 * at] == start ? b.windows()[2 * at + 1] : 0;
        if (reported <= ours) {
          break;
        }
        long[] next = b.windows().clone();
        next[2 * at] = start;
        next[2 * at + 1] = Math.max(ours, reported);
        if (budget.compareAndSet(b, new Budget(b.limiters(), next))) {
          break;
        }
      }
    }
  }

  /**
   * Adds limiters or changes limits, keeping every window's count. {@code replace}: a limit given here wins over a
   * known one (exchangeInfo); otherwise only limiters without a limit take it.
   */
  private void setLimits(Map<UsageKey, Long> wanted, boolean replace) {
    synchronized (lock) {
      while (true) {
        Budget b = budget.get();
        Limiter[] old = b.limiters();
        Limiter[] limiters = old.clone();
        long[] windows = b.windows();
        int added = 0;
        for (Map.Entry<UsageKey, Long> e : wanted.entrySet()) {
          int at = indexOf(limiters, e.getKey());
          if (at < 0) {
            limiters = java.util.Arrays.copyOf(limiters, limiters.length + 1);
            limiters[limiters.length - 1] = new Limiter(e.getKey(), e.getValue(), intervalMillis(e.getKey()));
            added++;
          } else if (e.getValue() != NO_LIMIT && (replace || limiters[at].limit() == NO_LIMIT)) {
            limiters[at] = new Limiter(e.getKey(), e.getValue(), limiters[at].intervalMillis());
          }
        }
        long[] nextWindows = added == 0 ? windows : java.util.Arrays.copyOf(windows, windows.length + 2 * added);
        for (int i = old.length; i < limiters.length; i++) {
          nextWindows[2 * i] = Long.MIN_VALUE; // no window yet: the first count starts one
        }
        if (budget.compareAndSet(b, new Budget(limiters, nextWindows))) {
          return;
        }
      }
    }
  }

  private static long limitOf(Budget b, UsageKey key) {
    int at = indexOf(b.limiters(), key);
    return at < 0 ? NO_LIMIT : b.limiters()[at].limit();
  }

  private static int indexOf(Limiter[] limiters, UsageKey key) {
    for (int i = 0; i < limiters.length; i++) {
      if (limiters[i].key().equals(key)) {
        return i;
      }
    }
    return -1;
  }

  /** A count reported by the server can be any long; adding to it must not wrap into room under the limit. */
  private static long saturatedAdd(long count, long cost) {
    long sum = count + cost;
    return ((count ^ sum) & (cost ^ sum)) < 0 ? (count < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : sum;
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
  public String toString() {
    Instant ban = bannedUntil;
    Instant backoff = backoffUntil;
    return "RateLimitGate[limits=" + limits().size() + (ban != null ? ", bannedUntil=" + ban : "")
        + (backoff != null ? ", backoffUntil=" + backoff : "") + "]";
  }

  /** Sets how a {@link RateLimitGate} waits and how long it may hold a request. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration maxWait = Duration.ofSeconds(10);
    private Duration defaultBackoff = Duration.ofSeconds(1);
    private Duration banFloor = WaitBounds.BAN_FLOOR;

    /** Starts from the defaults; {@link RateLimitGate#builder()} is the same. */
    public Builder() {}

    /**
     * The clock that ban and backoff instants are compared with; inject one in tests.
     *
     * @param clock the system UTC clock unless set
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /**
     * The longest a request may be held (default 10 s); a request that would wait longer is refused at once, as
     * {@code NotSent(HELD_BY_RATE_LIMIT_GATE)}, instead of blocking its caller.
     *
     * @param maxWait the bound on one hold
     * @return this builder
     */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait);
      return this;
    }

    /**
     * How long to hold after a 429 that named no retry instant (default 1 s).
     *
     * @param d the hold
     * @return this builder
     */
    public Builder defaultBackoff(Duration d) {
      this.defaultBackoff = Objects.requireNonNull(d);
      return this;
    }

    /**
     * The shortest a 418 ban is kept, whatever instant the 418 named (default {@link WaitBounds#BAN_FLOOR}, Binance's
     * shortest ban). Lower it only against a simulator whose bans are shorter; against Binance it risks a longer ban.
     *
     * @param floor zero or more
     * @return this builder
     * @throws IllegalArgumentException if it is negative
     */
    public Builder banFloor(Duration floor) {
      if (Objects.requireNonNull(floor).isNegative()) {
        throw new IllegalArgumentException("banFloor must not be negative");
      }
      this.banFloor = floor;
      return this;
    }

    /**
     * Makes the gate; give the same one to every client of one IP and account.
     *
     * @return the gate
     */
    public RateLimitGate build() {
      return new RateLimitGate(this);
    }
  }
}
