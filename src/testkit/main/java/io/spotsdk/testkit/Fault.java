package io.spotsdk.testkit;

/**
 * A fault the simulator can inject into one request (see {@link FaultPlan}). The {@code EXECUTE_THEN_*} faults and
 * {@link #PARTIAL_409} process the request normally, so the order really is placed or canceled, and then answer
 * badly or not at all; the others refuse the request before it is processed.
 *
 * <p>Each constant says what a correct client concludes. Binance's rule: a 5XX, {@code -1006}, {@code -1007} or a
 * missing reply means the execution status is UNKNOWN; a client must settle it by query and never resend it. In
 * spot-sdk terms: {@code Outcome.Unknown}, which {@code Reconciler} settles as {@code Verdict.EXECUTED} for the
 * {@code EXECUTE_THEN_*} faults and as {@code Verdict.NOT_EXECUTED} for {@link #NO_EXECUTE_500}. The
 * {@link Ledger} records each injected fault ({@link Ledger#faults()}).
 */
public enum Fault {
    /**
     * Executes, then answers HTTP 500 with an empty body (WebSocket: status 500, error {@code -1000}).
     * The client concludes UNKNOWN ({@code Outcome.Unknown}, cause {@code SERVER_ERROR}); a query finds the order.
     */
    EXECUTE_THEN_500(true),
    /**
     * Executes, then answers 503 with an HTML body, as a load balancer does (WebSocket: status 503, error
     * {@code -1008}). The client concludes UNKNOWN ({@code Outcome.Unknown}, cause {@code SERVER_ERROR}); a query
     * finds the order.
     */
    EXECUTE_THEN_503_HTML(true),
    /**
     * Executes, then answers status 408 with {@code -1007} "Timeout waiting for response from backend server"
     * (REST and WebSocket). A 4XX is otherwise definite, but this code says the execution status is unknown: the
     * client concludes UNKNOWN ({@code Outcome.Unknown}, cause {@code UNKNOWN_ERROR_CODE}); a query finds the order.
     */
    EXECUTE_THEN_1007(true),
    /**
     * Executes, then answers status 500 with {@code -1006} "An unexpected response was received from the message
     * bus" (REST and WebSocket). The client concludes UNKNOWN ({@code Outcome.Unknown}); a query finds the order.
     */
    EXECUTE_THEN_1006(true),
    /**
     * Executes, then closes the TCP connection (REST) or the WebSocket connection (with a close frame) without a
     * reply. The request was written, so the client concludes UNKNOWN ({@code Outcome.Unknown}, cause
     * {@code CONNECTION_LOST}); a query finds the order.
     */
    EXECUTE_THEN_DROP(true),
    /**
     * Executes, then ends the TCP connection with a FIN and no WebSocket close frame: an abrupt loss that a client
     * may only notice by its own deadline. REST: like {@link #EXECUTE_THEN_DROP}. The client concludes UNKNOWN
     * ({@code Outcome.Unknown}, cause {@code CONNECTION_LOST} or {@code NO_REPLY}); a query finds the order.
     */
    EXECUTE_THEN_FIN(true),
    /**
     * Executes, then resets the TCP connection (RST, {@code SO_LINGER} 0) without a close frame. REST: like
     * {@link #EXECUTE_THEN_DROP}. The client concludes UNKNOWN ({@code Outcome.Unknown}, cause
     * {@code CONNECTION_LOST} or {@code NO_REPLY}); a query finds the order.
     */
    EXECUTE_THEN_RST(true),
    /**
     * Executes, then withholds the reply. REST: the exchange is held (no server thread blocked) and the connection
     * is closed after {@link SimConfig#noReplyHold()} or when the simulator stops, so the client's read timeout
     * ends the call. WebSocket: no reply, the connection stays open, so the client's request deadline ends it.
     * The client concludes UNKNOWN ({@code Outcome.Unknown}, cause {@code TIMEOUT} on REST, {@code NO_REPLY} on
     * the WebSocket API); a query finds the order.
     */
    EXECUTE_THEN_NO_REPLY(true),
    /**
     * Does not execute; answers 500 with {@code {"code":-1000,...}}. A client cannot tell this from
     * {@link #EXECUTE_THEN_500}, so it too concludes UNKNOWN ({@code Outcome.Unknown}, cause {@code SERVER_ERROR});
     * here the query does not find the order, and once the request's {@code recvWindow} has passed the reconciler
     * settles it as NOT executed.
     */
    NO_EXECUTE_500(false),
    /**
     * Does not execute; answers 429 with {@code -1015} (order placement) or {@code -1003} (anything else) and a
     * {@code Retry-After} header in seconds (WebSocket: {@code error.data.retryAfter}, epoch milliseconds) of
     * {@link SimConfig#injectedRetryAfter()}. The client concludes RATE LIMITED, not executed
     * ({@code Outcome.RateLimited}), and sends nothing more until the retry time.
     */
    RATE_LIMIT_429(false),
    /**
     * Does not execute; starts an IP ban of {@link SimConfig#banDuration()} and answers 418 with {@code -1003}, a
     * {@code Retry-After} header in seconds (WebSocket: {@code error.data.retryAfter}, epoch milliseconds, and the
     * connection is closed). The client concludes BANNED, not executed ({@code Outcome.IpBanned}), and sends nothing
     * until the ban ends: every request that arrives during the ban is answered 418 again and counted by
     * {@link Ledger#requestsDuringBan()}.
     */
    BAN_418(false),
    /**
     * Does not execute; answers 403 with an HTML body, as Binance's web application firewall does (WebSocket:
     * status 403, error {@code -1002}). The client concludes BLOCKED, not executed ({@code Outcome.WafBlocked}), and
     * does not retry: the same request would be blocked again.
     */
    WAF_403_HTML(false),
    /**
     * For {@code order.cancelReplace} only (REST {@code POST /api/v3/order/cancelReplace}): the cancel succeeds and
     * the new order is rejected ({@code -2010}), answered 409 with {@code -2021} and both halves in {@code data}.
     * The client concludes PARTIALLY EXECUTED ({@code Outcome.PartiallyExecuted}): the cancel half executed, the
     * new-order half did not. A plan never applies this fault to another operation.
     */
    PARTIAL_409(true);

    private final boolean executes;

    Fault(boolean executes) {
        this.executes = executes;
    }

    /**
     * Whether the simulator processes the request before applying the fault: then an order may really have been
     * placed or canceled although the answer says otherwise or nothing.
     *
     * @return true for the {@code EXECUTE_THEN_*} faults and {@link #PARTIAL_409}
     */
    public boolean executes() {
        return executes;
    }

    /**
     * Whether the connection ends without a reply.
     *
     * @return true for {@link #EXECUTE_THEN_DROP}, {@link #EXECUTE_THEN_FIN} and {@link #EXECUTE_THEN_RST}
     */
    public boolean dropsConnection() {
        return this == EXECUTE_THEN_DROP || this == EXECUTE_THEN_FIN || this == EXECUTE_THEN_RST;
    }

    /** Whether this fault can be applied to the given canonical operation (WS method name). */
    boolean appliesTo(String op) {
        return this != PARTIAL_409 || "order.cancelReplace".equals(op);
    }
}
