package io.spotsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Simulator settings.
 *
 * @param clock                 server clock (timestamps, recvWindow, rate-limit windows, bans)
 * @param limits                enforced rate limits
 * @param banDuration           length of an IP ban (after ignoring a 429, or injected with {@link Fault#BAN_418})
 * @param noReplyHold           how long a REST exchange hit by {@link Fault#EXECUTE_THEN_NO_REPLY} is held before the
 *                              connection is closed
 * @param injectedRetryAfter    Retry-After reported by an injected {@link Fault#RATE_LIMIT_429}
 */
public record SimConfig(Clock clock, SimLimits limits, Duration banDuration, Duration noReplyHold,
                        Duration injectedRetryAfter) {

    public SimConfig {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(banDuration);
        Objects.requireNonNull(noReplyHold);
        Objects.requireNonNull(injectedRetryAfter);
    }

    public static SimConfig defaults() {
        return new SimConfig(Clock.systemUTC(), SimLimits.defaults(), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    public SimConfig withClock(Clock c) {
        return new SimConfig(c, limits, banDuration, noReplyHold, injectedRetryAfter);
    }

    public SimConfig withLimits(SimLimits l) {
        return new SimConfig(clock, l, banDuration, noReplyHold, injectedRetryAfter);
    }

    public SimConfig withBanDuration(Duration d) {
        return new SimConfig(clock, limits, d, noReplyHold, injectedRetryAfter);
    }

    public SimConfig withNoReplyHold(Duration d) {
        return new SimConfig(clock, limits, banDuration, d, injectedRetryAfter);
    }

    public SimConfig withInjectedRetryAfter(Duration d) {
        return new SimConfig(clock, limits, banDuration, noReplyHold, d);
    }
}
