package io.spotsdk.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Simulator settings, for {@link SpotSimulator#start(SimConfig)} or {@link SpotSimulatorExtension#withConfig}.
 * Start from {@link #defaults()} and change what a test needs, e.g.
 * {@code SimConfig.defaults().withBanDuration(Duration.ofSeconds(1))}.
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

    /**
     * Settings with every value given.
     *
     * @param clock              server clock
     * @param limits             enforced rate limits
     * @param banDuration        length of an IP ban
     * @param noReplyHold        how long a REST no-reply exchange is held
     * @param injectedRetryAfter Retry-After of an injected 429
     * @throws NullPointerException when a value is null
     */
    public SimConfig {
        Objects.requireNonNull(clock);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(banDuration);
        Objects.requireNonNull(noReplyHold);
        Objects.requireNonNull(injectedRetryAfter);
    }

    /**
     * The system UTC clock, {@link SimLimits#defaults()}, bans of 2 minutes (as Binance's shortest), no-reply
     * exchanges held for 30 seconds and an injected Retry-After of 1 second.
     *
     * @return the default settings
     */
    public static SimConfig defaults() {
        return new SimConfig(Clock.systemUTC(), SimLimits.defaults(), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofSeconds(1));
    }

    /**
     * These settings with another clock.
     *
     * @param c the server clock, e.g. one a test moves by hand
     * @return new settings
     */
    public SimConfig withClock(Clock c) {
        return new SimConfig(c, limits, banDuration, noReplyHold, injectedRetryAfter);
    }

    /**
     * These settings with other rate limits.
     *
     * @param l the enforced limits
     * @return new settings
     */
    public SimConfig withLimits(SimLimits l) {
        return new SimConfig(clock, l, banDuration, noReplyHold, injectedRetryAfter);
    }

    /**
     * These settings with another ban length, e.g. a short one so a test need not wait two minutes.
     *
     * @param d the length of an IP ban
     * @return new settings
     */
    public SimConfig withBanDuration(Duration d) {
        return new SimConfig(clock, limits, d, noReplyHold, injectedRetryAfter);
    }

    /**
     * These settings with another hold for {@link Fault#EXECUTE_THEN_NO_REPLY} on REST.
     *
     * @param d how long the exchange is held before the connection is closed
     * @return new settings
     */
    public SimConfig withNoReplyHold(Duration d) {
        return new SimConfig(clock, limits, banDuration, d, injectedRetryAfter);
    }

    /**
     * These settings with another Retry-After for {@link Fault#RATE_LIMIT_429}.
     *
     * @param d the wait the injected 429 asks for (REST rounds it up to whole seconds)
     * @return new settings
     */
    public SimConfig withInjectedRetryAfter(Duration d) {
        return new SimConfig(clock, limits, banDuration, noReplyHold, d);
    }
}
