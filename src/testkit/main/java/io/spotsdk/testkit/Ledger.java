package io.spotsdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's ground truth, for comparing against what a client believes. All methods return snapshots
 * and are thread-safe.
 *
 * <p>Endpoint keys used by {@link #requests(String)}: REST {@code "POST /api/v3/order"}, WS {@code "order.place"}.
 */
public final class Ledger {

    /** One order as the exchange knows it (the clientOrderId is the one it was placed with). */
    public record OrderRecord(String apiKey, long orderId, String clientOrderId, String symbol, String side,
                              String type, String price, String origQty, String executedQty, String status,
                              long time, long updateTime, Transport placedVia, long requestSeq) {
        /** The order is NEW or PARTIALLY_FILLED. */
        public boolean open() {
            return "NEW".equals(status) || "PARTIALLY_FILLED".equals(status);
        }

        /** Some quantity traded. */
        public boolean executed() {
            return Double.parseDouble(executedQty) > 0;
        }
    }

    /**
     * One new-order attempt that got past authentication (order.place or the new-order leg of cancelReplace).
     * {@code orderId} is null and {@code errorCode} set when rejected.
     */
    public record OrderAttempt(String apiKey, long requestSeq, Transport transport, String clientOrderId,
                               Long orderId, Integer errorCode, String errorMsg) {
        public boolean accepted() {
            return orderId != null;
        }
    }

    /**
     * One injected fault. {@code executed}: the request changed exchange state (an order was created or canceled)
     * before the fault was applied. {@code statusWithoutFault}: what the status would have been (-1 when the
     * request was not processed). {@code requestId}: the WS request id (as text) or null on REST.
     */
    public record FaultRecord(long requestSeq, Transport transport, String endpoint, String requestId,
                              String clientOrderId, Fault fault, boolean executed, int statusWithoutFault) {
    }

    private final Engine engine;
    private final Map<String, AtomicLong> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong duringBan = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<OrderAttempt> attempts = new ArrayList<>();
    private final List<FaultRecord> faults = new ArrayList<>();

    Ledger(Engine engine) {
        this.engine = engine;
    }

    /** Every order ever created for this API key's account, by orderId. */
    public List<OrderRecord> orders(String apiKey) {
        return engine.orderSnapshot(apiKey);
    }

    /** The latest order created with this clientOrderId, if any. */
    public Optional<OrderRecord> order(String apiKey, String clientOrderId) {
        List<OrderRecord> all = ordersWithClientOrderId(apiKey, clientOrderId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** All orders created with this clientOrderId (ids may be reused once an order is closed). */
    public List<OrderRecord> ordersWithClientOrderId(String apiKey, String clientOrderId) {
        return orders(apiKey).stream().filter(o -> o.clientOrderId().equals(clientOrderId)).toList();
    }

    /** Every new-order attempt for this API key, accepted or not, in arrival order. */
    public synchronized List<OrderAttempt> orderAttempts(String apiKey) {
        return attempts.stream().filter(a -> a.apiKey().equals(apiKey)).toList();
    }

    /** Requests received on this endpoint key ({@code "POST /api/v3/order"} or {@code "order.place"}). */
    public long requests(String endpoint) {
        AtomicLong n = requestCounts.get(endpoint);
        return n == null ? 0 : n.get();
    }

    /** Requests received per endpoint key. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> m = new TreeMap<>();
        requestCounts.forEach((k, v) -> m.put(k, v.get()));
        return m;
    }

    /** All requests received (including malformed WS frames). */
    public long totalRequests() {
        return total.get();
    }

    /** Requests that arrived while their IP was banned (each answered 418). */
    public long requestsDuringBan() {
        return duringBan.get();
    }

    /** New orders rejected with -2010 "Duplicate order sent." because an open order had the same clientOrderId. */
    public long duplicateClientOrderIdAttempts() {
        return duplicates.get();
    }

    /** Every injected fault, in order. */
    public synchronized List<FaultRecord> faults() {
        return List.copyOf(faults);
    }

    void countRequest(String endpoint) {
        total.incrementAndGet();
        requestCounts.computeIfAbsent(endpoint, k -> new AtomicLong()).incrementAndGet();
    }

    void countDuringBan() {
        duringBan.incrementAndGet();
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
