package io.spotsdk.testkit;

import static io.spotsdk.testkit.Engine.fmt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The account queries of the spec, answered from the engine's own orders: allOrders from the orders placed,
 * myTrades from their fills, order.amendments from the amendments recorded, allOrderLists and openOrderLists.status
 * from the order lists placed (OrderLists answers orderList.status itself). The simulator has no self-trade
 * prevention and allocates nothing by SOR, so those two queries answer empty lists. Called under the engine lock.
 */
final class AccountQueries {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    /** REST "METHOD /path" to the canonical op (the WebSocket method name). */
    static final Map<String, String> REST_OPS = Map.ofEntries(
            Map.entry("GET /api/v3/allOrders", "allOrders"),
            Map.entry("GET /api/v3/allOrderList", "allOrderLists"),
            Map.entry("GET /api/v3/openOrderList", "openOrderLists.status"),
            Map.entry("GET /api/v3/myTrades", "myTrades"),
            Map.entry("GET /api/v3/myPreventedMatches", "myPreventedMatches"),
            Map.entry("GET /api/v3/myAllocations", "myAllocations"),
            Map.entry("GET /api/v3/account/commission", "account.commission"),
            Map.entry("GET /api/v3/order/amendments", "order.amendments"),
            Map.entry("GET /api/v3/myFilters", "myFilters"));
    static final List<String> OPS = List.copyOf(new java.util.TreeSet<>(REST_OPS.values()));

    private AccountQueries() {}

    /** The weight of an account query, as the spec says; null when op is not one. */
    static Integer weight(String op, Map<String, String> p) {
        switch (op) {
            case "allOrders":
            case "allOrderLists":
            case "myAllocations":
            case "account.commission":
                return 20;
            case "openOrderLists.status":
                return 6;
            case "order.amendments":
                return 4;
            case "myTrades":
                return p.get("orderId") == null ? 20 : 5;
            case "myPreventedMatches":
                return p.get("orderId") == null ? 2 : 20;
            case "myFilters":
                return 40;
            default:
                return null;
        }
    }

    /** The answer to an account query of an authenticated account, or null when op is not one. */
    static Engine.Res handle(Map<String, Engine.SymbolSpec> known, OrderLists orderLists, Engine.Account acc, String op,
            Map<String, String> p) {
        if (!OPS.contains(op)) {
            return null;
        }
        switch (op) {
            case "allOrderLists":
                return Engine.Res.ok(lists(orderLists.queried(acc, false), p));
            case "openOrderLists.status":
                return Engine.Res.ok(lists(orderLists.queried(acc, true), null));
            case "myPreventedMatches":
            case "myAllocations": {
                Engine.Res bad = symbol(known, p);
                return bad != null ? bad : Engine.Res.ok(NF.arrayNode());
            }
            default:
                break;
        }
        Engine.Res bad = symbol(known, p);
        if (bad != null) {
            return bad;
        }
        String symbol = p.get("symbol");
        switch (op) {
            case "allOrders": {
                long fromId = number(p.get("orderId"), Long.MIN_VALUE);
                long start = number(p.get("startTime"), Long.MIN_VALUE);
                long end = number(p.get("endTime"), Long.MAX_VALUE);
                List<Engine.Order> picked = orders(acc, symbol).stream()
                        .filter(o -> o.orderId >= fromId && o.time >= start && o.time <= end).toList();
                ArrayNode a = NF.arrayNode();
                window(picked, p.get("orderId") != null || p.get("startTime") != null, limit(p)).forEach(o -> a.add(o.queryJson()));
                return Engine.Res.ok(a);
            }
            case "myTrades": {
                long orderId = number(p.get("orderId"), Long.MIN_VALUE);
                long fromId = number(p.get("fromId"), Long.MIN_VALUE);
                long start = number(p.get("startTime"), Long.MIN_VALUE);
                long end = number(p.get("endTime"), Long.MAX_VALUE);
                List<ObjectNode> trades = new ArrayList<>();
                for (Engine.Order o : orders(acc, symbol)) {
                    if (p.get("orderId") != null && o.orderId != orderId) {
                        continue;
                    }
                    for (ObjectNode f : o.fills) {
                        ObjectNode t = trade(o, f);
                        if (t.get("id").asLong() >= fromId && o.updateTime >= start && o.updateTime <= end) {
                            trades.add(t);
                        }
                    }
                }
                trades.sort(Comparator.comparingLong(t -> t.get("id").asLong()));
                ArrayNode a = NF.arrayNode();
                window(trades, p.get("fromId") != null || p.get("startTime") != null, limit(p)).forEach(a::add);
                return Engine.Res.ok(a);
            }
            case "order.amendments": {
                if (empty(p.get("orderId"))) {
                    return Engine.Res.err(400, -1102, "Mandatory parameter 'orderId' was not sent, was empty/null, or malformed.");
                }
                long id = number(p.get("orderId"), -1);
                Engine.Order order = orders(acc, symbol).stream().filter(o -> o.orderId == id).findFirst().orElse(null);
                if (order == null) {
                    return Engine.Res.err(400, -2013, "Order does not exist.");
                }
                long fromExecutionId = number(p.get("fromExecutionId"), Long.MIN_VALUE);
                ArrayNode a = NF.arrayNode();
                orderLists.amend.of(order).stream().filter(x -> x.executionId() >= fromExecutionId).limit(limit(p))
                        .forEach(x -> a.addObject().put("symbol", symbol).put("orderId", order.orderId)
                                .put("executionId", x.executionId()).put("origClientOrderId", x.origClientOrderId())
                                .put("newClientOrderId", x.newClientOrderId()).put("origQty", fmt(x.origQty()))
                                .put("newQty", fmt(x.newQty())).put("time", x.time()));
                return Engine.Res.ok(a);
            }
            case "account.commission": {
                ObjectNode o = NF.objectNode().put("symbol", symbol);
                rates(o.putObject("standardCommission"), "0.00100000");
                rates(o.putObject("specialCommission"), "0.00000000");
                rates(o.putObject("taxCommission"), "0.00000000");
                o.putObject("discount").put("enabledForAccount", false).put("enabledForSymbol", false)
                        .put("discountAsset", "BNB").put("discount", "0.75000000");
                return Engine.Res.ok(o);
            }
            case "myFilters": {
                ObjectNode o = NF.objectNode();
                o.putArray("exchangeFilters");
                o.putArray("symbolFilters").addObject().put("filterType", "MAX_NUM_ORDERS").put("maxNumOrders", 200);
                o.putArray("assetFilters");
                return Engine.Res.ok(o);
            }
            default:
                return null;
        }
    }

    /** allOrderLists: from fromId on, else within startTime..endTime, else the most recent; at most limit. */
    private static ArrayNode lists(List<ObjectNode> all, Map<String, String> p) {
        List<ObjectNode> picked = all;
        boolean fromStart = false;
        if (p != null) {
            long fromId = number(p.get("fromId"), Long.MIN_VALUE);
            long start = number(p.get("startTime"), Long.MIN_VALUE);
            long end = number(p.get("endTime"), Long.MAX_VALUE);
            picked = all.stream().filter(l -> l.get("orderListId").asLong() >= fromId
                    && l.get("transactionTime").asLong() >= start && l.get("transactionTime").asLong() <= end).toList();
            fromStart = p.get("fromId") != null || p.get("startTime") != null;
        }
        ArrayNode a = NF.arrayNode();
        window(picked, fromStart, p == null ? Integer.MAX_VALUE : limit(p)).forEach(a::add);
        return a;
    }

    /** One fill of an order as a trade of the account: the simulator fills at once, as taker. */
    private static ObjectNode trade(Engine.Order o, ObjectNode fill) {
        BigDecimal price = new BigDecimal(fill.get("price").asText());
        BigDecimal qty = new BigDecimal(fill.get("qty").asText());
        return NF.objectNode().put("symbol", o.sym.symbol()).put("id", fill.get("tradeId").asLong())
                .put("orderId", o.orderId).put("orderListId", -1).put("price", fmt(price)).put("qty", fmt(qty))
                .put("quoteQty", fmt(price.multiply(qty))).put("commission", fill.get("commission").asText())
                .put("commissionAsset", fill.get("commissionAsset").asText()).put("time", o.updateTime)
                .put("isBuyer", o.side.equals("BUY")).put("isMaker", false).put("isBestMatch", true);
    }

    private static void rates(ObjectNode o, String rate) {
        o.put("maker", rate).put("taker", rate).put("buyer", "0.00000000").put("seller", "0.00000000");
    }

    private static List<Engine.Order> orders(Engine.Account acc, String symbol) {
        return acc.orders.values().stream().filter(o -> o.sym.symbol().equals(symbol))
                .sorted(Comparator.comparingLong(o -> o.orderId)).toList();
    }

    /** From a starting point: the first `limit`; otherwise the most recent `limit`. */
    private static <T> List<T> window(List<T> all, boolean fromStart, int limit) {
        return fromStart ? all.subList(0, Math.min(limit, all.size()))
                : all.subList(Math.max(0, all.size() - limit), all.size());
    }

    private static Engine.Res symbol(Map<String, Engine.SymbolSpec> known, Map<String, String> p) {
        String s = p.get("symbol");
        if (empty(s)) {
            return Engine.Res.err(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        return known.containsKey(s) ? null : Engine.Res.err(400, -1121, "Invalid symbol.");
    }

    private static int limit(Map<String, String> p) {
        return (int) Math.max(1, Math.min(number(p.get("limit"), 500), 1000));
    }

    private static long number(String v, long otherwise) {
        if (empty(v)) {
            return otherwise;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
