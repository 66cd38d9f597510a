package io.spotsdk.testkit;

/**
 * Enforced limits (also published in exchangeInfo). Windows are calendar-aligned on the simulator clock.
 *
 * @param weightPerMinute  REQUEST_WEIGHT per IP per 1 MINUTE
 * @param ordersPer10s     ORDERS (unfilled order count) per account per 10 SECOND
 * @param ordersPerDay     ORDERS per account per 1 DAY (UTC)
 * @param rawRequestsPer5m RAW_REQUESTS per 5 MINUTE (published only, not enforced)
 */
public record SimLimits(int weightPerMinute, int ordersPer10s, int ordersPerDay, int rawRequestsPer5m) {

    public static SimLimits defaults() {
        return new SimLimits(6000, 50, 160000, 61000);
    }

    public SimLimits withWeightPerMinute(int v) {
        return new SimLimits(v, ordersPer10s, ordersPerDay, rawRequestsPer5m);
    }

    public SimLimits withOrdersPer10s(int v) {
        return new SimLimits(weightPerMinute, v, ordersPerDay, rawRequestsPer5m);
    }

    public SimLimits withOrdersPerDay(int v) {
        return new SimLimits(weightPerMinute, ordersPer10s, v, rawRequestsPer5m);
    }
}
