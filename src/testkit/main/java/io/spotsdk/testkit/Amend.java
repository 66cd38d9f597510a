package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amend keep priority: an open order's quantity goes down (never up), its orderId and place in the queue stay,
 * it takes a new client order id, and each amendment is recorded. Runs under the engine's lock.
 */
final class Amend {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    /** One recorded amendment of an order. */
    record Amendment(long executionId, long time, String origClientOrderId, String newClientOrderId,
                     BigDecimal origQty, BigDecimal newQty) {}

    private final Engine engine;
    private final OrderLists lists;
    private final Map<Engine.Order, List<Amendment>> amendments = new IdentityHashMap<>();
    private long nextExecutionId = 1;

    Amend(Engine engine, OrderLists lists) {
        this.engine = engine;
        this.lists = lists;
    }

    Engine.Res amend(Engine.Account acc, Map<String, String> p, long now) {
        Object sym = engine.symbolOf(p);
        if (sym instanceof Engine.Res res) {
            return res;
        }
        String id = Engine.emptyToNull(p.get("orderId"));
        String cid = Engine.emptyToNull(p.get("origClientOrderId"));
        if (id == null && cid == null) {
            return Engine.Res.err(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        String q = Engine.emptyToNull(p.get("newQty"));
        if (q == null) {
            return Engine.mandatory("newQty");
        }
        BigDecimal newQty;
        try {
            newQty = Engine.bd(q);
        } catch (NumberFormatException e) {
            return Engine.Res.err(400, -1100, "Illegal characters found in parameter 'newQty'.");
        }
        Engine.Order o = engine.find(acc, (Engine.SymbolSpec) sym, id, cid);
        if (o == null) {
            return Engine.Res.err(400, -2013, "Order does not exist.");
        }
        if (!(o.open() || o.status.equals("PENDING_NEW"))) {
            return Engine.Res.err(400, -2038, "Order amend rejected: the order is not open.");
        }
        BigDecimal remaining = o.origQty.subtract(o.executedQty);
        if (newQty.signum() <= 0 || newQty.compareTo(o.origQty) >= 0 || newQty.compareTo(o.executedQty) <= 0
                || remaining.signum() <= 0) {
            return Engine.Res.err(400, -2038, "Order amend keep priority rejected: the new quantity must be below the"
                    + " order's and above what it executed.");
        }
        String newCid = p.get("newClientOrderId") != null ? p.get("newClientOrderId") : Engine.generatedClientId();
        Amendment a = new Amendment(nextExecutionId++, now, o.clientOrderId, newCid, o.origQty, newQty);
        amendments.computeIfAbsent(o, k -> new ArrayList<>()).add(a);
        o.origQty = newQty;
        o.clientOrderId = newCid;
        o.updateTime = now;
        ObjectNode out = NF.objectNode();
        out.put("transactTime", now);
        out.put("executionId", a.executionId());
        ObjectNode j = out.putObject("amendedOrder");
        j.put("symbol", o.sym.symbol());
        j.put("orderId", o.orderId);
        j.put("orderListId", o.orderListId);
        j.put("origClientOrderId", a.origClientOrderId());
        j.put("clientOrderId", newCid);
        j.put("price", Engine.fmt(o.price));
        j.put("qty", Engine.fmt(o.origQty));
        j.put("executedQty", Engine.fmt(o.executedQty));
        j.put("preventedQty", Engine.fmt(BigDecimal.ZERO));
        j.put("quoteOrderQty", Engine.fmt(o.origQuoteQty));
        j.put("cumulativeQuoteQty", Engine.fmt(o.cumQuote));
        j.put("status", o.status);
        j.put("timeInForce", o.tif);
        j.put("type", o.type);
        j.put("side", o.side);
        j.put("workingTime", o.time);
        j.put("selfTradePreventionMode", "NONE");
        OrderLists.ListState l = lists.listOf(o);
        if (l != null) {
            out.set("listStatus", lists.listJson(l, false, null));
        }
        Engine.Res res = Engine.Res.ok(out);
        res.executed = true;
        return res;
    }

    /** The amendments of an order, oldest first (empty when never amended). */
    List<Amendment> of(Engine.Order o) {
        return List.copyOf(amendments.getOrDefault(o, List.of()));
    }
}
