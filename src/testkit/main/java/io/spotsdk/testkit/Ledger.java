package io.spotsdk.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The simulator's ground truth, to compare with what a client believes: every order, every new-order attempt,
 * every injected fault and every request. Get it from {@link SpotSimulator#ledger()}.
 *
 * <p>The {@code assert*} methods throw {@link AssertionError} with a message that shows what happened, so they work
 * in any test framework:
 *
 * <pre>{@code
 * Ledger.OrderRecord order = sim.ledger().assertOneOrder(clientOrderId); // placed exactly once
 * sim.ledger().assertNoDuplicateOrders();                                // nothing was sent twice
 * sim.ledger().assertNoRequestsDuringBan();                              // a 418 was honoured
 * }</pre>
 *
 * <p>Methods without an API key cover every account. Endpoint keys, as in {@link #requests(String)}: REST
 * {@code "POST /api/v3/order"}, WebSocket {@code "order.place"}. All methods return snapshots and are thread-safe.
 */
public final class Ledger {

    /**
     * One order as the exchange knows it. Prices and quantities are the exchange's decimal text.
     *
     * @param apiKey        the API key of the account that owns it
     * @param orderId       the exchange's order id
     * @param clientOrderId the client order id it was placed with
     * @param symbol        e.g. {@code BTCUSDT}
     * @param side          {@code BUY} or {@code SELL}
     * @param type          e.g. {@code LIMIT}, {@code MARKET}
     * @param price         the limit price, {@code 0} for market orders
     * @param origQty       the ordered quantity
     * @param executedQty   the traded quantity
     * @param status        e.g. {@code NEW}, {@code FILLED}, {@code CANCELED}, {@code EXPIRED}
     * @param time          when it was placed, epoch milliseconds on the simulator clock
     * @param updateTime    when it last changed, epoch milliseconds on the simulator clock
     * @param placedVia     the transport that placed it
     * @param requestSeq    the sequence number of the request that placed it (1 = the simulator's first request)
     */
    public record OrderRecord(String apiKey, long orderId, String clientOrderId, String symbol, String side,
                              String type, String price, String origQty, String executedQty, String status,
                              long time, long updateTime, Transport placedVia, long requestSeq) {
        /**
         * Whether the order is still working.
         *
         * @return true when the status is NEW or PARTIALLY_FILLED
         */
        public boolean open() {
            return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
        }

        /**
         * Whether some quantity traded.
         *
         * @return true when {@code executedQty > 0}
         */
        public boolean executed() {
            return Double.parseDouble(executedQty) > 0;
        }
    }

    /**
     * One new-order request that got past authentication (order.place, or the new-order half of cancelReplace),
     * accepted or not. Every attempt reached the exchange: a client that resends a placement shows up here twice.
     *
     * @param apiKey        the API key of the account
     * @param requestSeq    the sequence number of the request
     * @param transport     the transport it arrived on
     * @param clientOrderId the client order id it carried (or the one the exchange generated)
     * @param orderId       the order it created, or null when rejected
     * @param errorCode     the Binance error code of the rejection, or null when accepted
     * @param errorMsg      the message of the rejection, or null when accepted
     */
    public record OrderAttempt(String apiKey, long requestSeq, Transport transport, String clientOrderId,
                               Long orderId, Integer errorCode, String errorMsg) {
        /**
         * Whether the attempt created an order.
         *
         * @return true when {@code orderId} is set
         */
        public boolean accepted() {
            return orderId != null;
        }

        @Override
        public String toString() {
            return "#" + requestSeq + " " + transport + " " + (accepted() ? "accepted, orderId " + orderId
                    : "rejected " + errorCode + " " + errorMsg);
        }
    }

    /**
     * One injected fault.
     *
     * @param requestSeq         the sequence number of the request it hit
     * @param transport          the transport the request arrived on
     * @param endpoint           the endpoint key, e.g. {@code "POST /api/v3/order"} or {@code "order.place"}
     * @param requestId          the WebSocket request id as text, or null on REST
     * @param clientOrderId      the first client order id the request named, or null
     * @param fault              the fault
     * @param executed           whether the request changed exchange state (an order was created or canceled)
     *                           before the fault was applied
     * @param statusWithoutFault the status the request would have been answered with, -1 when it was not processed
     */
    public record FaultRecord(long requestSeq, Transport transport, String endpoint, String requestId,
                              String clientOrderId, Fault fault, boolean executed, int statusWithoutFault) {
    }

    private final Engine engine;
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<String> duringBan = new ArrayList<>();
    private final List<OrderAttempt> attempts = new ArrayList<>();
    private final List<FaultRecord> faults = new ArrayList<>();

    Ledger(Engine engine) {
        this.engine = engine;
    }

    /**
     * Every order of every account, ordered by account, then orderId.
     *
     * @return the orders
     */
    public List<OrderRecord> orders() {
        return engine.orderSnapshot();
    }

    /**
     * Every order ever created for this API key's account, by orderId.
     *
     * @param apiKey the account's API key
     * @return the orders, empty for an unknown key
     */
    public List<OrderRecord> orders(String apiKey) {
        return engine.orderSnapshot(apiKey);
    }

    /**
     * The latest order of this account created with this client order id.
     *
     * @param apiKey        the account's API key
     * @param clientOrderId the client order id
     * @return the order, or empty when none was created
     */
    public Optional<OrderRecord> order(String apiKey, String clientOrderId) {
        List<OrderRecord> all = ordersWithClientOrderId(apiKey, clientOrderId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * All orders of every account created with this client order id (more than one means it was placed twice).
     *
     * @param clientOrderId the client order id
     * @return the orders, by account and orderId
     */
    public List<OrderRecord> ordersWithClientOrderId(String clientOrderId) {
        return orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).toList();
    }

    /**
     * All orders of this account created with this client order id (Binance accepts an id again once the order
     * with it is closed).
     *
     * @param apiKey        the account's API key
     * @param clientOrderId the client order id
     * @return the orders, by orderId
     */
    public List<OrderRecord> ordersWithClientOrderId(String apiKey, String clientOrderId) {
        return orders(apiKey).stream().filter(o -> o.clientOrderId().equals(clientOrderId)).toList();
    }

    /**
     * Every new-order attempt of every account, accepted or not, in arrival order.
     *
     * @return the attempts
     */
    public synchronized List<OrderAttempt> orderAttempts() {
        return List.copyOf(attempts);
    }

    /**
     * Every new-order attempt for this API key, accepted or not, in arrival order.
     *
     * @param apiKey the account's API key
     * @return the attempts
     */
    public synchronized List<OrderAttempt> orderAttempts(String apiKey) {
        return attempts.stream().filter(a -> a.apiKey().equals(apiKey)).toList();
    }

    /**
     * Client order ids that reached the exchange in more than one new-order request of one account, accepted or
     * not: the trace of a placement that was sent again instead of being settled by query.
     *
     * @return each such client order id with its attempts in arrival order; empty when nothing was sent twice
     */
    public synchronized Map<String, List<OrderAttempt>> duplicateClientOrderIds() {
        Map<String, List<OrderAttempt>> byAccountAndId = attempts.stream().collect(Collectors.groupingBy(
                a -> a.apiKey() + "\u0000" + a.clientOrderId(), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<OrderAttempt>> dups = new LinkedHashMap<>();
        byAccountAndId.values().stream().filter(l -> l.size() > 1)
                .forEach(l -> dups.merge(l.get(0).clientOrderId(), l, (x, y) -> {
                    List<OrderAttempt> both = new ArrayList<>(x);
                    both.addAll(y);
                    return both;
                }));
        return dups;
    }

    /**
     * Requests received on this endpoint.
     *
     * @param endpoint the endpoint key, {@code "POST /api/v3/order"} or {@code "order.place"}
     * @return how many arrived, whatever their answer
     */
    public long requests(String endpoint) {
        AtomicLong n = requestCounts.get(endpoint);
        return n == null ? 0 : n.get();
    }

    /**
     * Requests received per endpoint key.
     *
     * @return endpoint key to count, sorted by key
     */
    public Map<String, Long> requestCounts() {
        Map<String, Long> m = new TreeMap<>();
        requestCounts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /**
     * All requests received, including malformed WebSocket frames.
     *
     * @return the count
     */
    public long totalRequests() {
        return total.get();
    }

    /**
     * Requests that arrived while their IP was banned (each was answered 418 again). A client that honours a 418
     * sends none.
     *
     * @return the count
     */
    public synchronized long requestsDuringBan() {
        return duringBan.size();
    }

    /**
     * New orders rejected with {@code -2010 "Duplicate order sent."} because an open order had the same client
     * order id.
     *
     * @return the count
     */
    public long duplicateClientOrderIdAttempts() {
        return duplicates.get();
    }

    /**
     * Every injected fault, in order.
     *
     * @return the faults
     */
    public synchronized List<FaultRecord> faults() {
        return List.copyOf(faults);
    }

    /**
     * Asserts that exactly one order, in any account, was created with this client order id.
     *
     * @param clientOrderId the client order id
     * @return that order
     * @throws AssertionError when there is none or more than one; the message lists the attempts with this id
     */
    public OrderRecord assertOneOrder(String clientOrderId) {
        List<OrderRecord> found = ordersWithClientOrderId(clientOrderId);
        if (found.size() != 1) {
            List<OrderAttempt> tries = orderAttempts().stream()
                    .filter(a -> a.clientOrderId().equals(clientOrderId)).toList();
            throw new AssertionError("expected exactly one order with clientOrderId " + clientOrderId + ", found "
                    + found.size() + (found.isEmpty() ? "" : " " + found) + "; new-order attempts with this id: "
                    + (tries.isEmpty() ? "none" : tries));
        }
        return found.get(0);
    }

    /**
     * Asserts that no client order id reached the exchange in more than one new-order request
     * ({@link #duplicateClientOrderIds()}).
     *
     * @throws AssertionError when one did; the message lists each such id with its attempts
     */
    public void assertNoDuplicateOrders() {
        Map<String, List<OrderAttempt>> dups = duplicateClientOrderIds();
        if (!dups.isEmpty()) {
            StringBuilder m = new StringBuilder(dups.size() + " client order id(s) sent in more than one new-order"
                    + " request (a placement resent instead of settled by query):");
            dups.forEach((id, tries) -> m.append("\n  ").append(id).append(": ").append(tries));
            throw new AssertionError(m.toString());
        }
    }

    /**
     * Asserts that no request arrived while its IP was banned ({@link #requestsDuringBan()}).
     *
     * @throws AssertionError when some did; the message lists their endpoints in arrival order
     */
    public synchronized void assertNoRequestsDuringBan() {
        if (!duringBan.isEmpty()) {
            throw new AssertionError(duringBan.size() + " request(s) sent during an IP ban (after a 418, a client"
                    + " sends nothing until the ban ends): " + duringBan);
        }
    }

    void countRequest(String endpoint) {
        total.incrementAndGet();
        requestCounts.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
    }

    synchronized void recordDuringBan(String endpoint) {
        duringBan.add(endpoint);
    }

    void countDuplicate() {
        duplicates.incrementAndGet();
    }

    synchronized void recordAttempt(OrderAttempt a) {
        attempts.add(a);
    }

    synchronized void recordFault(FaultRecord f) {
        faults.add(f);
    }
}
