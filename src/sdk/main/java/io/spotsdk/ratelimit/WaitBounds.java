package io.spotsdk.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * The bounds every retry and ban instant is kept within, wherever it came from (a {@code Retry-After} header, a WS
 * {@code retryAfter}, a ban instant in a msg). Servers, proxies and fuzzers can send any number; these bounds turn
 * every one of them into an instant the SDK can compute with and act on.
 */
public final class WaitBounds {
  /**
   * The furthest ahead a retry or ban instant may lie: 7 days. Binance documents bans of 2 minutes to 3 days and
   * 429 waits far shorter, so a real instant is never cut, with more than twice the longest ban as margin should
   * Binance lengthen them; anything beyond is garbage (a 20-digit ban instant lies billions of years ahead and
   * overflows {@link Instant}). Clamping rather than ignoring keeps the caution: an absurdly far instant still means
   * "wait", so the gate holds for the whole horizon instead of sending into a ban.
   */
  public static final Duration HORIZON = Duration.ofDays(7);

  /**
   * The shortest a 418 ban is kept by the gate (its default; see {@link RateLimitGate.Builder#banFloor}): 2 minutes,
   * Binance's shortest ban. A 418 says a ban is in force;
   * an end sooner than this (Retry-After 0, an instant already past by our clock, a skewed server clock) or no end
   * at all cannot be trusted, and a request sent into a ban is what makes Binance lengthen the next one. Waiting up
   * to 2 minutes too long is the cheaper mistake.
   */
  public static final Duration BAN_FLOOR = Duration.ofMinutes(2);

  private WaitBounds() {}

  /**
   * {@code at} kept within [now, now + {@link #HORIZON}]: a past instant is now, a too-distant one the horizon.
   *
   * @param now the current time
   * @param at the instant as reported
   * @return the instant within bounds
   */
  public static Instant clamp(Instant now, Instant at) {
    if (at.isBefore(now)) {
      return now;
    }
    Instant horizon = now.plus(HORIZON);
    return at.isAfter(horizon) ? horizon : at;
  }

  /**
   * The end of a ban learned at {@code now}: never sooner than the floor, never beyond the horizon.
   *
   * @param now the current time
   * @param reported the end the server named, or null when it named none
   * @param banFloor the shortest ban to assume
   * @return the instant until which nothing may be sent
   */
  public static Instant banEnd(Instant now, Instant reported, Duration banFloor) {
    Instant floor = now.plus(banFloor);
    if (reported == null || reported.isBefore(floor)) {
      return floor;
    }
    return clamp(now, reported);
  }
}
