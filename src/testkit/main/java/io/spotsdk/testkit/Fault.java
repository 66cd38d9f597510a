package io.spotsdk.testkit;

/**
 * A fault the simulator can inject into one request. "EXECUTE_THEN_*" faults process the request
 * normally (the order really is placed / canceled) and then lie about it; the others never execute.
 */
public enum Fault {
    /** Execute, then answer HTTP 500 with an empty body (WS: status 500, error -1000). */
    EXECUTE_THEN_500(true),
    /** Execute, then answer 503 with an HTML body (WS: status 503, error -1008). */
    EXECUTE_THEN_503_HTML(true),
    /** Execute, then answer -1007 TIMEOUT with status 408 (REST and WS). */
    EXECUTE_THEN_1007(true),
    /** Execute, then answer -1006 UNEXPECTED_RESP with status 500 (REST and WS). */
    EXECUTE_THEN_1006(true),
    /** Execute, then close the TCP / WebSocket connection without replying. */
    EXECUTE_THEN_DROP(true),
    /**
     * Execute, then end the TCP connection with a FIN and no WebSocket close frame: the abrupt loss the JDK
     * client does not report through onClose/onError. REST: like {@link #EXECUTE_THEN_DROP}.
     */
    EXECUTE_THEN_FIN(true),
    /** Execute, then reset the TCP connection (RST: SO_LINGER 0), no close frame. REST: like {@link #EXECUTE_THEN_DROP}. */
    EXECUTE_THEN_RST(true),
    /**
     * Execute, never answer. REST: the exchange is held (no server thread blocked) and the connection is
     * closed after {@link SimConfig#noReplyHold()} or on stop. WS: no reply, the connection stays open.
     */
    EXECUTE_THEN_NO_REPLY(true),
    /** Do not execute; answer 500 with {@code {"code":-1000,...}}. */
    NO_EXECUTE_500(false),
    /** Do not execute; answer 429 (-1015 for order placement, else -1003) with Retry-After / retryAfter. */
    RATE_LIMIT_429(false),
    /** Do not execute; start an IP ban of {@link SimConfig#banDuration()} and answer 418. */
    BAN_418(false),
    /** Do not execute; answer 403 with an HTML body (WS: status 403, error -1002). */
    WAF_403_HTML(false),
    /** cancelReplace only: the cancel succeeds, the new order is rejected (-2010); answer 409 -2021 with data. */
    PARTIAL_409(true);

    private final boolean executes;

    Fault(boolean executes) {
        this.executes = executes;
    }

    /** Whether the request is (attempted to be) executed before the fault is applied. */
    public boolean executes() {
        return executes;
    }

    /** Whether the connection ends without a reply (in one of three ways). */
    public boolean dropsConnection() {
        return this == EXECUTE_THEN_DROP || this == EXECUTE_THEN_FIN || this == EXECUTE_THEN_RST;
    }

    /** Whether this fault can be applied to the given canonical operation (WS method name). */
    boolean appliesTo(String op) {
        return this != PARTIAL_409 || "order.cancelReplace".equals(op);
    }
}
