package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Order lists (OCO, OTO, OTOCO; OPO and OPOCO as OTO and OTOCO sized by the working leg), SOR as a plain order and
 * amend keep priority (in {@link Amend}), behind one hook in {@link Engine}'s dispatch. Runs under the engine's
 * lock. The leg logic: when a leg of an OCO pair fills the other expires; when the working leg of an OTO fills its
 * pending legs go on the book; canceling any leg cancels the list. With no market, a leg fills when it is
 * marketable against the symbol's reference price, or when a test fills it ({@link SpotSimulator#fillOrder}).
 */
final class OrderLists {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    static final Set<String> PLACING = Set.of("orderList.place", "orderList.place.oco", "orderList.place.oto",
            "orderList.place.otoco", "orderList.place.opo", "orderList.place.opoco", "sor.order.place");
    static final Set<String> OPS;

    static {
        Set<String> s = new java.util.LinkedHashSet<>(PLACING);
        s.addAll(List.of("orderList.cancel", "orderList.status", "sor.order.test", "order.amend.keepPriority"));
        OPS = Set.copyOf(s);
    }

    /** The REST routes of these operations, added to the engine's. */
    static Map<String, String> withRestOps(Map<String, String> base) {
        Map<String, String> m = new HashMap<>(base);
        m.put("POST /api/v3/order/oco", "orderList.place");
        m.put("POST /api/v3/orderList/oco", "orderList.place.oco");
        m.put("POST /api/v3/orderList/oto", "orderList.place.oto");
        m.put("POST /api/v3/orderList/otoco", "orderList.place.otoco");
        m.put("POST /api/v3/orderList/opo", "orderList.place.opo");
        m.put("POST /api/v3/orderList/opoco", "orderList.place.opoco");
        m.put("DELETE /api/v3/orderList", "orderList.cancel");
        m.put("GET /api/v3/orderList", "orderList.status");
        m.put("POST /api/v3/sor/order", "sor.order.place");
        m.put("POST /api/v3/sor/order/test", "sor.order.test");
        m.put("PUT /api/v3/order/amend/keepPriority", "order.amend.keepPriority");
        return Map.copyOf(m);
    }

    /** One list and its legs, in the order of the placement answer. */
    static final class ListState {
        long id;
        String listClientOrderId;
        String contingencyType;
        String symbol;
        long transactionTime;
        final List<Engine.Order> legs = new ArrayList<>();
        /** Legs of the OCO pair (the whole list for OCO; the pending legs for OTOCO). */
        final List<Engine.Order> pair = new ArrayList<>();
        Engine.Order working; // OTO/OTOCO only

        boolean done() {
            return legs.stream().noneMatch(o -> o.open() || o.status.equals("PENDING_NEW"));
        }
    }

    private final Engine engine;
    private final Map<Engine.Account, Map<Long, ListState>> lists = new IdentityHashMap<>();
    private final Map<Engine.Order, ListState> byLeg = new IdentityHashMap<>();
    final Amend amend;
    private long nextListId = 1;

    OrderLists(Engine engine) {
        this.engine = engine;
        this.amend = new Amend(engine, this);
    }

    /** Handles this class's operations; null for any other. */
    Engine.Res handle(Engine.Req r, Engine.Account acc, long now, long seq) {
        Map<String, String> p = r.params;
        switch (r.op) {
            case "orderList.place":
                return place(r, acc, now, seq, ocoDeprecatedLegs(p), "OCO", false);
            case "orderList.place.oco":
                return place(r, acc, now, seq, ocoLegs(p), "OCO", false);
            case "orderList.place.oto":
            case "orderList.place.opo":
                return place(r, acc, now, seq, otoLegs(p, r.op.endsWith("opo")), "OTO", true);
            case "orderList.place.otoco":
            case "orderList.place.opoco":
                return place(r, acc, now, seq, otocoLegs(p, r.op.endsWith("opoco")), "OTO", true);
            case "orderList.cancel":
                return cancel(acc, p, now);
            case "orderList.status":
                return status(acc, p);
            case "sor.order.place":
                return sor(r, acc, now, seq);
            case "sor.order.test":
                return engine.testOrder(p);
            case "order.amend.keepPriority":
                return amend.amend(acc, p, now);
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------------------------------ placement

    /** A leg as asked: its params in the single-order vocabulary, and whether it waits for the working leg. */
    private record LegSpec(Map<String, String> params, boolean pending, boolean inPair) {}

    private static Map<String, String> leg(Map<String, String> p, String prefix, String type, String side, String qty) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("symbol", p.get("symbol"));
        m.put("side", side);
        m.put("type", type);
        put(m, "quantity", qty);
        put(m, "price", p.get(prefix + "Price"));
        put(m, "stopPrice", p.get(prefix + "StopPrice"));
        put(m, "timeInForce", p.get(prefix + "TimeInForce"));
        put(m, "newClientOrderId", p.get(prefix + "ClientOrderId"));
        return m;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static Object ocoDeprecatedLegs(Map<String, String> p) {
        Map<String, String> stop = new LinkedHashMap<>();
        stop.put("symbol", p.get("symbol"));
        stop.put("side", p.get("side"));
        stop.put("type", p.get("stopLimitPrice") != null ? "STOP_LOSS_LIMIT" : "STOP_LOSS");
        put(stop, "quantity", p.get("quantity"));
        put(stop, "price", p.get("stopLimitPrice"));
        put(stop, "stopPrice", p.get("stopPrice"));
        put(stop, "timeInForce", p.get("stopLimitTimeInForce"));
        put(stop, "newClientOrderId", p.get("stopClientOrderId"));
        Map<String, String> limit = new LinkedHashMap<>();
        limit.put("symbol", p.get("symbol"));
        limit.put("side", p.get("side"));
        limit.put("type", "LIMIT_MAKER");
        put(limit, "quantity", p.get("quantity"));
        put(limit, "price", p.get("price"));
        put(limit, "newClientOrderId", p.get("limitClientOrderId"));
        return List.of(new LegSpec(stop, false, true), new LegSpec(limit, false, true));
    }

    private static Object ocoLegs(Map<String, String> p) {
        return List.of(new LegSpec(leg(p, "above", p.get("aboveType"), p.get("side"), p.get("quantity")), false, true),
                new LegSpec(leg(p, "below", p.get("belowType"), p.get("side"), p.get("quantity")), false, true));
    }

    private static LegSpec working(Map<String, String> p) {
        Map<String, String> w = leg(p, "working", p.get("workingType"), p.get("workingSide"), p.get("workingQuantity"));
        return new LegSpec(w, false, false);
    }

    private static Object otoLegs(Map<String, String> p, boolean sizedByWorking) {
        String qty = sizedByWorking ? p.get("workingQuantity") : p.get("pendingQuantity");
        return List.of(working(p), new LegSpec(leg(p, "pending", p.get("pendingType"), p.get("pendingSide"), qty), true, false));
    }

    private static Object otocoLegs(Map<String, String> p, boolean sizedByWorking) {
        String qty = sizedByWorking ? p.get("workingQuantity") : p.get("pendingQuantity");
        List<LegSpec> legs = new ArrayList<>();
        legs.add(working(p));
        legs.add(new LegSpec(leg(p, "pendingAbove", p.get("pendingAboveType"), p.get("pendingSide"), qty), true, true));
        if (p.get("pendingBelowType") != null) {
            legs.add(new LegSpec(leg(p, "pendingBelow", p.get("pendingBelowType"), p.get("pendingSide"), qty), true, true));
        }
        return legs;
    }

    @SuppressWarnings("unchecked")
    private Engine.Res place(Engine.Req r, Engine.Account acc, long now, long seq, Object legSpecs, String contingency,
                             boolean hasWorking) {
        Map<String, String> p = r.params;
        Object sym = engine.symbolOf(p);
        if (sym instanceof Engine.Res res) {
            return res;
        }
        List<LegSpec> specs = (List<LegSpec>) legSpecs;
        for (LegSpec s : specs) {
            for (String m : List.of("side", "type", "quantity")) {
                if (s.params().get(m) == null) {
                    return Engine.mandatory(m);
                }
            }
        }
        Engine.Res limited = engine.orderLimit(acc, now);
        if (limited != null) {
            limited.orderAccount = acc;
            return limited;
        }
        String listCid = p.get("listClientOrderId") != null ? p.get("listClientOrderId") : Engine.generatedClientId();
        boolean duplicate = lists.getOrDefault(acc, Map.of()).values().stream()
                .anyMatch(l -> l.listClientOrderId.equals(listCid) && !l.done());
        for (LegSpec s : specs) {
            String cid = s.params().get("newClientOrderId");
            duplicate |= cid != null && acc.orders.values().stream().anyMatch(o -> o.open() && o.clientOrderId.equals(cid));
        }
        if (duplicate) {
            engine.ledger.countDuplicate();
            Engine.Res res = Engine.Res.err(400, -2010, "Duplicate order sent.");
            res.orderAccount = acc;
            return res;
        }
        ListState l = new ListState();
        l.id = nextListId++;
        l.listClientOrderId = listCid;
        l.contingencyType = contingency;
        l.symbol = ((Engine.SymbolSpec) sym).symbol();
        l.transactionTime = now;
        for (LegSpec s : specs) {
            Engine.Order o = newLeg(acc, (Engine.SymbolSpec) sym, s.params(), r.transport, now, seq);
            o.orderListId = l.id;
            o.status = s.pending() ? "PENDING_NEW" : "NEW";
            l.legs.add(o);
            if (s.inPair()) {
                l.pair.add(o);
            }
            if (hasWorking && !s.pending()) {
                l.working = o;
            }
            byLeg.put(o, l);
            acc.orders.put(o.orderId, o);
            engine.ledger.recordAttempt(new Ledger.OrderAttempt(acc.apiKey, seq, r.transport, o.clientOrderId, o.orderId,
                    null, null));
        }
        acc.roll(now);
        acc.count10s += specs.size();
        acc.countDay += specs.size();
        lists.computeIfAbsent(acc, k -> new LinkedHashMap<>()).put(l.id, l);
        // a marketable leg fills at once: the leg logic runs as for any fill
        for (Engine.Order o : List.copyOf(l.legs)) {
            if (o.status.equals("NEW") && marketable(o)) {
                fill(o, now);
            }
        }
        Engine.Res res = Engine.Res.ok(listJson(l, true, p.getOrDefault("newOrderRespType", "FULL")));
        res.executed = true;
        res.orderAccount = acc;
        return res;
    }

    private Engine.Order newLeg(Engine.Account acc, Engine.SymbolSpec sym, Map<String, String> p, Transport via, long now,
                                long seq) {
        Engine.Order o = new Engine.Order();
        o.acc = acc;
        o.sym = sym;
        o.orderId = engine.nextOrderId++;
        o.clientOrderId = p.get("newClientOrderId") != null ? p.get("newClientOrderId") : Engine.generatedClientId();
        o.side = p.get("side");
        o.type = p.get("type");
        o.tif = p.getOrDefault("timeInForce", "GTC");
        o.price = p.get("price") == null ? BigDecimal.ZERO : Engine.bd(p.get("price"));
        o.stopPrice = p.get("stopPrice") == null ? BigDecimal.ZERO : Engine.bd(p.get("stopPrice"));
        o.origQty = Engine.bd(p.get("quantity"));
        o.origQuoteQty = BigDecimal.ZERO;
        o.executedQty = BigDecimal.ZERO;
        o.cumQuote = BigDecimal.ZERO;
        o.time = now;
        o.updateTime = now;
        o.via = via;
        o.seq = seq;
        return o;
    }

    /** Whether a leg trades at once against the reference price (the simulator has no book). */
    private static boolean marketable(Engine.Order o) {
        BigDecimal ref = o.sym.refPrice();
        boolean buy = o.side.equals("BUY");
        switch (o.type) {
            case "MARKET":
                return true;
            case "LIMIT":
                return buy ? o.price.compareTo(ref) >= 0 : o.price.compareTo(ref) <= 0;
            case "STOP_LOSS":
            case "STOP_LOSS_LIMIT":
                return o.stopPrice.signum() > 0 && (buy ? ref.compareTo(o.stopPrice) >= 0 : ref.compareTo(o.stopPrice) <= 0);
            case "TAKE_PROFIT":
            case "TAKE_PROFIT_LIMIT":
                return o.stopPrice.signum() > 0 && (buy ? ref.compareTo(o.stopPrice) <= 0 : ref.compareTo(o.stopPrice) >= 0);
            default:
                return false; // LIMIT_MAKER never takes
        }
    }

    // ------------------------------------------------------------------------------------------ leg logic

    /** Fills an order completely at its price (the reference price when it has none), then runs the list logic. */
    void fill(Engine.Order o, long now) {
        BigDecimal price = o.price.signum() > 0 ? o.price : o.sym.refPrice();
        o.status = "FILLED";
        o.executedQty = o.origQty;
        o.cumQuote = o.origQty.multiply(price);
        o.updateTime = now;
        ListState l = byLeg.get(o);
        if (l == null) {
            return;
        }
        if (l.pair.contains(o)) {
            for (Engine.Order other : l.pair) {
                if (other != o && (other.open() || other.status.equals("PENDING_NEW"))) {
                    other.status = "EXPIRED";
                    other.updateTime = now;
                }
            }
        }
        if (o == l.working) {
            for (Engine.Order pending : l.legs) {
                if (pending.status.equals("PENDING_NEW")) {
                    pending.status = "NEW";
                    pending.updateTime = now;
                }
            }
            for (Engine.Order pending : List.copyOf(l.legs)) {
                if (pending != o && pending.status.equals("NEW") && marketable(pending)) {
                    fill(pending, now);
                    break; // one leg of a pair fills; the other has expired
                }
            }
        }
    }

    /** A leg was canceled (by order.cancel, cancelAll or the list cancel): the rest of its list is canceled too. */
    void onCanceled(Engine.Order o, long now) {
        ListState l = byLeg.get(o);
        if (l == null) {
            return;
        }
        for (Engine.Order other : l.legs) {
            if (other != o && (other.open() || other.status.equals("PENDING_NEW"))) {
                other.status = "CANCELED";
                other.updateTime = now;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ cancel, status

    private ListState findList(Engine.Account acc, String id, String cid) {
        Map<Long, ListState> mine = lists.getOrDefault(acc, Map.of());
        if (id != null) {
            try {
                ListState l = mine.get(Long.parseLong(id));
                return l != null && (cid == null || cid.equals(l.listClientOrderId)) ? l : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ListState found = null;
        for (ListState l : mine.values()) {
            if (l.listClientOrderId.equals(cid)) {
                found = l; // latest wins
            }
        }
        return found;
    }

    private Engine.Res cancel(Engine.Account acc, Map<String, String> p, long now) {
        Object sym = engine.symbolOf(p);
        if (sym instanceof Engine.Res res) {
            return res;
        }
        String id = Engine.emptyToNull(p.get("orderListId"));
        String cid = Engine.emptyToNull(p.get("listClientOrderId"));
        if (id == null && cid == null) {
            return Engine.Res.err(400, -1102, "Param 'listClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
        }
        ListState l = findList(acc, id, cid);
        if (l == null || l.done() || !l.symbol.equals(((Engine.SymbolSpec) sym).symbol())) {
            return Engine.Res.err(400, -2011, "Unknown order list sent.");
        }
        String newCid = p.get("newClientOrderId") != null ? p.get("newClientOrderId") : Engine.generatedClientId();
        ArrayNode reports = NF.arrayNode();
        for (Engine.Order o : l.legs) {
            String orig = o.clientOrderId;
            if (o.open() || o.status.equals("PENDING_NEW")) {
                o.status = "CANCELED";
                o.updateTime = now;
            }
            ObjectNode j = NF.objectNode();
            j.put("symbol", l.symbol);
            j.put("origClientOrderId", orig);
            j.put("orderId", o.orderId);
            j.put("orderListId", l.id);
            j.put("clientOrderId", newCid);
            j.put("transactTime", now);
            o.commonFields(j);
            reports.add(j);
        }
        ObjectNode out = listJson(l, false, null);
        out.put("transactionTime", now);
        out.set("orderReports", reports);
        Engine.Res res = Engine.Res.ok(out);
        res.executed = true;
        return res;
    }

    private Engine.Res status(Engine.Account acc, Map<String, String> p) {
        String id = Engine.emptyToNull(p.get("orderListId"));
        String cid = Engine.emptyToNull(p.get("origClientOrderId"));
        if (id == null && cid == null) {
            return Engine.Res.err(400, -1102, "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!");
        }
        ListState l = findList(acc, id, cid);
        return l == null ? Engine.Res.err(400, -2013, "Order list does not exist.") : Engine.Res.ok(listJson(l, false, null));
    }

    /** The list as Binance answers it: placement answers carry orderReports (not with ACK), queries do not. */
    ObjectNode listJson(ListState l, boolean reports, String respType) {
        ObjectNode j = NF.objectNode();
        j.put("orderListId", l.id);
        j.put("contingencyType", l.contingencyType);
        boolean done = l.done();
        j.put("listStatusType", done ? "ALL_DONE" : "EXEC_STARTED");
        j.put("listOrderStatus", done ? "ALL_DONE" : "EXECUTING");
        j.put("listClientOrderId", l.listClientOrderId);
        j.put("transactionTime", l.transactionTime);
        j.put("symbol", l.symbol);
        ArrayNode orders = j.putArray("orders");
        for (Engine.Order o : l.legs) {
            orders.addObject().put("symbol", l.symbol).put("orderId", o.orderId).put("clientOrderId", o.clientOrderId);
        }
        if (reports) {
            ArrayNode a = j.putArray("orderReports");
            for (Engine.Order o : l.legs) {
                ObjectNode r = engine.placeResponse(o, "ACK".equals(respType) ? "ACK" : "RESULT");
                if (o.stopPrice.signum() > 0) {
                    r.put("stopPrice", Engine.fmt(o.stopPrice));
                }
                a.add(r);
            }
        }
        return j;
    }

    /** The account's lists as queries answer them, oldest first; only the ones still executing when openOnly. */
    List<ObjectNode> queried(Engine.Account acc, boolean openOnly) {
        List<ObjectNode> out = new ArrayList<>();
        for (ListState l : lists.getOrDefault(acc, Map.of()).values()) {
            if (!openOnly || !l.done()) {
                out.add(listJson(l, false, null));
            }
        }
        return out;
    }

    ListState listOf(Engine.Order o) {
        return byLeg.get(o);
    }

    // ------------------------------------------------------------------------------------------ SOR

    /** SOR as a plain order: the same checks and execution, answered with SOR's fields (allocations for fills). */
    private Engine.Res sor(Engine.Req r, Engine.Account acc, long now, long seq) {
        Map<String, String> p = r.params;
        if (p.get("quoteOrderQty") != null) {
            return Engine.Res.err(400, -1106, "Parameter 'quoteOrderQty' sent when not required.");
        }
        Engine.Res placed = engine.placeOrder(r, acc, now, seq);
        if (placed.result == null || !placed.result.isObject()) {
            return placed;
        }
        ObjectNode o = ((ObjectNode) placed.result).deepCopy(); // the fills are the stored order's own
        placed.result = o;
        o.put("workingFloor", "SOR");
        o.put("usedSor", true);
        if (o.has("fills")) {
            long alloc = 0;
            for (com.fasterxml.jackson.databind.JsonNode f : o.get("fills")) {
                ((ObjectNode) f).put("matchType", "ONE_PARTY_TRADE_REPORT").put("tradeId", -1).put("allocId", alloc++);
            }
        }
        if (r.transport == Transport.WS) {
            ArrayNode a = NF.arrayNode();
            a.add(o);
            placed.result = a;
        }
        return placed;
    }
}
