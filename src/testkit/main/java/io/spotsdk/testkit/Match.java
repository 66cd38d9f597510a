package io.spotsdk.testkit;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Selects requests for fault injection ({@link FaultPlan}). Operations are named canonically by their WebSocket API
 * method ({@code order.place}, {@code order.cancel}, ...); REST requests map to the same names
 * ({@code POST /api/v3/order} is {@code order.place}), so {@link #op} matches both transports. Immutable.
 */
public final class Match {
    private static final Set<String> ORDER_MUTATIONS =
            Set.of("order.place", "order.cancel", "order.cancelReplace", "openOrders.cancelAll", "orderList.place",
                    "orderList.place.oco", "orderList.place.oto", "orderList.place.otoco", "orderList.place.opo",
                    "orderList.place.opoco", "orderList.cancel", "sor.order.place", "order.amend.keepPriority");

    private final Transport transport; // null = any
    private final String restMethod;   // with restPath
    private final String restPath;
    private final Set<String> ops;     // null = any
    private final String clientOrderId; // null = any

    private Match(Transport transport, String restMethod, String restPath, Set<String> ops, String clientOrderId) {
        this.transport = transport;
        this.restMethod = restMethod;
        this.restPath = restPath;
        this.ops = ops;
        this.clientOrderId = clientOrderId;
    }

    /**
     * Any request on either transport.
     *
     * @return a match for every request
     */
    public static Match any() {
        return new Match(null, null, null, null, null);
    }

    /**
     * A REST request with this HTTP method and path, e.g. {@code rest("POST", "/api/v3/order")}.
     *
     * @param httpMethod the HTTP method, any case
     * @param path       the path without the query, e.g. {@code /api/v3/order/cancelReplace}
     * @return a match for those REST requests
     */
    public static Match rest(String httpMethod, String path) {
        return new Match(Transport.REST, httpMethod.toUpperCase(Locale.ROOT), Objects.requireNonNull(path), null, null);
    }

    /**
     * A WebSocket API request with this method, e.g. {@code ws("order.place")}.
     *
     * @param method the WebSocket API method name
     * @return a match for those WebSocket requests
     */
    public static Match ws(String method) {
        return new Match(Transport.WS, null, null, Set.of(method), null);
    }

    /**
     * This operation on either transport, e.g. {@code op("order.place")} for {@code POST /api/v3/order} and the
     * WebSocket method {@code order.place}.
     *
     * @param wsMethodName the operation's WebSocket API method name
     * @return a match for that operation on REST and WebSocket
     */
    public static Match op(String wsMethodName) {
        return new Match(null, null, null, Set.of(wsMethodName), null);
    }

    /**
     * Every request that places, cancels or amends orders: order.place, order.cancel, order.cancelReplace,
     * openOrders.cancelAll, every order-list placement and orderList.cancel, sor.order.place and
     * order.amend.keepPriority, on either transport.
     *
     * @return a match for the order mutations
     */
    public static Match anyOrderMutation() {
        return new Match(null, null, null, ORDER_MUTATIONS, null);
    }

    /**
     * Narrows this match to requests naming this client order id in {@code newClientOrderId},
     * {@code origClientOrderId} or {@code cancelOrigClientOrderId}.
     *
     * @param id the client order id
     * @return a narrower match; this one is unchanged
     */
    public Match withClientOrderId(String id) {
        return new Match(transport, restMethod, restPath, ops, Objects.requireNonNull(id));
    }

    boolean matches(RequestInfo r) {
        if (transport != null && transport != r.transport()) {
            return false;
        }
        if (restPath != null && !(r.endpoint().equals(restMethod + " " + restPath))) {
            return false;
        }
        if (ops != null && (r.op() == null || !ops.contains(r.op()))) {
            return false;
        }
        return clientOrderId == null || r.clientOrderIds().contains(clientOrderId);
    }

    /** A readable form for assertion messages, e.g. {@code Match[REST POST /api/v3/order]}. */
    @Override
    public String toString() {
        return "Match[" + (transport == null ? "any" : transport)
                + (restPath != null ? " " + restMethod + " " + restPath : "")
                + (ops != null ? " " + ops : "")
                + (clientOrderId != null ? " cid=" + clientOrderId : "") + "]";
    }

    /** What a matcher sees of a request. */
    record RequestInfo(Transport transport, String endpoint, String op, Set<String> clientOrderIds) {
    }
}
