package io.spotsdk.testkit;

/**
 * The rate limits the simulator enforces and publishes in exchangeInfo, in the {@code X-MBX-USED-WEIGHT-*} and
 * {@code X-MBX-ORDER-COUNT-*} headers and in WebSocket {@code rateLimits}. Windows are calendar-aligned on the
 * simulator clock. Going over a limit is answered 429; sending again before the window ends is answered 418
 * with an IP ban ({@link SimConfig#banDuration()}).
 *
 * @param weightPerMinute  REQUEST_WEIGHT per IP per 1 MINUTE
 * @param ordersPer10s     ORDERS (unfilled order count) per account per 10 SECOND
 * @param ordersPerDay     ORDERS per account per 1 DAY (UTC)
 * @param rawRequestsPer5m RAW_REQUESTS per 5 MINUTE (published only, not enforced)
 */
public record SimLimits(int weightPerMinute, int ordersPer10s, int ordersPerDay, int rawRequestsPer5m) {

    /**
     * Binance's published limits: 6000 weight per minute, 50 orders per 10 seconds, 160000 orders per day and
     * 61000 raw requests per 5 minutes.
     *
     * @return the default limits
     */
    public static SimLimits defaults() {
        return new SimLimits(6000, 50, 160000, 61000);
    }

    /**
     * These limits with another request-weight limit.
     *
     * @param v REQUEST_WEIGHT per IP per minute
     * @return new limits
     */
    public SimLimits withWeightPerMinute(int v) {
        return new SimLimits(v, ordersPer10s, ordersPerDay, rawRequestsPer5m);
    }

    /**
     * These limits with another 10-second order limit.
     *
     * @param v ORDERS per account per 10 seconds
     * @return new limits
     */
    public SimLimits withOrdersPer10s(int v) {
        return new SimLimits(weightPerMinute, v, ordersPerDay, rawRequestsPer5m);
    }

    /**
     * These limits with another daily order limit.
     *
     * @param v ORDERS per account per UTC day
     * @return new limits
     */
    public SimLimits withOrdersPerDay(int v) {
        return new SimLimits(weightPerMinute, ordersPer10s, v, rawRequestsPer5m);
    }
}
