package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The simulator's user data stream: userDataStream.subscribe (needs session.logon), .subscribe.signature (signed),
 * .unsubscribe and session.subscriptions, and the events of every order change. Runs under the engine's lock.
 *
 * <p>Events are found by comparing each watched account's orders before and after a request, whatever the
 * request was, so every way an order changes (REST or WS, place, cancel, cancelReplace, cancelAll, and whatever is
 * added later) is reported without a hook of its own. They are pushed before the request's reply is written, so a
 * fault that executes and then drops or withholds the reply still emits them (a dropped connection may lose them
 * with it, as it would on Binance).
 */
final class UserDataStream {
    static final Set<String> METHODS = Set.of("userDataStream.subscribe", "userDataStream.subscribe.signature",
            "userDataStream.unsubscribe", "session.subscriptions");
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;

    /** One subscription: on which connection, for which account. */
    private record Subscription(Engine.WsSession session, int id, String apiKey) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final OrderLists lists;
    private long executionIds;

    UserDataStream(OrderLists lists) {
        this.lists = lists;
    }

    /** Answers one of {@link #METHODS}; {@code auth} authenticates a signed request (an Account or an error Res). */
    Engine.Res handle(Engine.Req r, long now, java.util.function.Supplier<Object> auth) {
        Engine.WsSession s = r.session;
        switch (r.op) {
            case "userDataStream.subscribe": {
                if (s.apiKey == null) {
                    return Engine.Res.err(401, -2015, "Invalid API-key, IP, or permissions for action."
                            + " (userDataStream.subscribe needs session.logon)");
                }
                return subscribe(s, s.apiKey);
            }
            case "userDataStream.subscribe.signature": {
                Object a = auth.get();
                if (a instanceof Engine.Res res) {
                    return res;
                }
                return subscribe(s, ((Engine.Account) a).apiKey);
            }
            case "userDataStream.unsubscribe": {
                String id = r.params.get("subscriptionId");
                List<Subscription> ending = new ArrayList<>();
                for (Subscription sub : subscriptions) {
                    if (sub.session == s && (id == null || String.valueOf(sub.id).equals(id))) {
                        ending.add(sub);
                    }
                }
                subscriptions.removeAll(ending);
                for (Subscription sub : ending) {
                    push(sub, event("eventStreamTerminated", now));
                }
                return Engine.Res.ok(NF.objectNode());
            }
            default: { // session.subscriptions
                ArrayNode a = NF.arrayNode();
                for (Subscription sub : subscriptions) {
                    if (sub.session == s) {
                        a.addObject().put("subscriptionId", sub.id);
                    }
                }
                return Engine.Res.ok(a);
            }
        }
    }

    private Engine.Res subscribe(Engine.WsSession s, String apiKey) {
        for (Subscription sub : subscriptions) {
            if (sub.session == s && sub.apiKey.equals(apiKey)) {
                return Engine.Res.err(400, -1210, "Already subscribed to this account's user data stream on this connection.");
            }
        }
        Subscription sub = new Subscription(s, s.nextSubscriptionId++, apiKey);
        subscriptions.add(sub);
        return Engine.Res.ok(NF.objectNode().put("subscriptionId", sub.id));
    }

    /** session.logout ends the subscription made with the session's key (not the signed ones). */
    void loggedOut(Engine.WsSession s, String apiKey, long now) {
        List<Subscription> ending = new ArrayList<>();
        for (Subscription sub : subscriptions) {
            if (sub.session == s && sub.apiKey.equals(apiKey)) {
                ending.add(sub);
            }
        }
        subscriptions.removeAll(ending);
        for (Subscription sub : ending) {
            push(sub, event("eventStreamTerminated", now));
        }
    }

    /** Whether the connection has a subscription (session.status's userDataStream). */
    boolean active(Engine.WsSession s) {
        return subscriptions.stream().anyMatch(sub -> sub.session == s);
    }

    /** The connection closed: its subscriptions end with it. */
    void closed(Engine.WsSession s) {
        subscriptions.removeIf(sub -> sub.session == s);
    }

    /** What a watched account's orders and lists looked like before a request. */
    record Watched(Map<Long, String> orderStates, Map<Long, String> clientOrderIds, Map<Long, String> listStates) {}

    /** What each watched account's orders and lists look like now, by API key. */
    Map<String, Watched> before(Map<String, Engine.Account> accounts) {
        if (subscriptions.isEmpty()) {
            return Map.of();
        }
        Map<String, Watched> out = new HashMap<>();
        for (Subscription sub : subscriptions) {
            Engine.Account a = accounts.get(sub.apiKey);
            if (a != null && !out.containsKey(a.apiKey)) {
                Map<Long, String> orders = new HashMap<>();
                Map<Long, String> cids = new HashMap<>();
                for (Engine.Order o : a.orders.values()) {
                    orders.put(o.orderId, state(o));
                    cids.put(o.orderId, o.clientOrderId);
                }
                Map<Long, String> listStates = new HashMap<>();
                for (OrderLists.ListState l : listsOf(a).values()) {
                    listStates.put(l.id, state(l));
                }
                out.put(a.apiKey, new Watched(orders, cids, listStates));
            }
        }
        return out;
    }

    private static String state(Engine.Order o) {
        return o.status + "/" + o.executedQty.toPlainString() + "/" + o.origQty.toPlainString() + "/" + o.clientOrderId;
    }

    private static String state(OrderLists.ListState l) {
        StringBuilder b = new StringBuilder(l.done() ? "done" : "executing");
        for (Engine.Order o : l.legs) {
            b.append('/').append(o.status);
        }
        return b.toString();
    }

    /** The account's lists (found through their legs), by list id, oldest first. */
    private Map<Long, OrderLists.ListState> listsOf(Engine.Account a) {
        Map<Long, OrderLists.ListState> out = new java.util.TreeMap<>();
        for (Engine.Order o : a.orders.values()) {
            if (o.orderListId >= 0) {
                OrderLists.ListState l = lists.listOf(o);
                if (l != null) {
                    out.putIfAbsent(l.id, l);
                }
            }
        }
        return out;
    }

    /**
     * Pushes an executionReport for every order that appeared or changed (REPLACED for an amend), a listStatus for
     * every list that appeared or changed, and an account position after them.
     */
    void after(Map<String, Watched> before, Map<String, Engine.Account> accounts, long now) {
        for (Map.Entry<String, Watched> e : before.entrySet()) {
            Engine.Account a = accounts.get(e.getKey());
            Map<Long, String> was = e.getValue().orderStates();
            Map<Long, String> listsWere = e.getValue().listStates();
            List<ObjectNode> events = new ArrayList<>();
            for (Engine.Order o : a.orders.values()) {
                String w = was.get(o.orderId);
                if (w == null) {
                    events.add(report(o, "NEW", o.executedQty.signum() > 0 ? "NEW" : o.status, now));
                    if (o.executedQty.signum() > 0) {
                        events.add(report(o, "TRADE", o.status, now));
                    }
                } else if (!w.equals(state(o))) {
                    String previousCid = e.getValue().clientOrderIds().get(o.orderId);
                    boolean amended = previousCid != null && !previousCid.equals(o.clientOrderId);
                    String x = amended ? "REPLACED" : switch (o.status) {
                        case "CANCELED" -> "CANCELED";
                        case "EXPIRED", "EXPIRED_IN_MATCH" -> "EXPIRED";
                        case "REJECTED" -> "REJECTED";
                        default -> "TRADE";
                    };
                    ObjectNode r = report(o, x, o.status, now);
                    if (amended) {
                        r.put("C", previousCid);
                    }
                    events.add(r);
                }
            }
            for (OrderLists.ListState l : listsOf(a).values()) {
                String w = listsWere.get(l.id);
                if (w == null || !w.equals(state(l))) {
                    events.add(listStatus(l, w == null ? "EXEC_STARTED" : l.done() ? "ALL_DONE" : "UPDATED", now));
                }
            }
            if (events.isEmpty()) {
                continue;
            }
            ObjectNode position = event("outboundAccountPosition", now);
            position.put("u", now);
            position.putArray("B").addObject().put("a", "USDT").put("f", "1000000.00000000").put("l", "0.00000000");
            events.add(position);
            for (Subscription sub : subscriptions) {
                if (sub.apiKey.equals(a.apiKey)) {
                    for (ObjectNode ev : events) {
                        push(sub, ev);
                    }
                }
            }
        }
    }

    private static ObjectNode listStatus(OrderLists.ListState l, String statusType, long now) {
        ObjectNode j = event("listStatus", now);
        j.put("s", l.symbol).put("g", l.id).put("c", l.contingencyType).put("l", statusType)
                .put("L", l.done() ? "ALL_DONE" : "EXECUTING").put("r", "NONE").put("C", l.listClientOrderId)
                .put("T", now);
        ArrayNode orders = j.putArray("O");
        for (Engine.Order o : l.legs) {
            orders.addObject().put("s", l.symbol).put("i", o.orderId).put("c", o.clientOrderId);
        }
        return j;
    }

    private ObjectNode report(Engine.Order o, String executionType, String status, long now) {
        ObjectNode j = event("executionReport", now);
        j.put("s", o.sym.symbol()).put("c", o.clientOrderId).put("S", o.side).put("o", o.type)
                .put("f", o.tif == null ? "GTC" : o.tif).put("q", Engine.fmt(o.origQty))
                .put("p", Engine.fmt(o.price == null ? BigDecimal.ZERO : o.price)).put("P", "0.00000000")
                .put("F", "0.00000000").put("g", o.orderListId).put("C", "").put("x", executionType).put("X", status)
                .put("r", "NONE").put("i", o.orderId).put("l", Engine.fmt(o.executedQty))
                .put("z", Engine.fmt(o.executedQty)).put("L", Engine.fmt(o.price == null ? BigDecimal.ZERO : o.price))
                .put("n", "0").putNull("N").put("T", now).put("t", -1).put("I", ++executionIds)
                .put("w", "NEW".equals(status)).put("m", false).put("M", false).put("O", o.time)
                .put("Z", Engine.fmt(o.cumQuote)).put("Y", "0.00000000").put("Q", "0.00000000").put("V", "NONE");
        return j;
    }

    private static ObjectNode event(String type, long now) {
        ObjectNode j = NF.objectNode();
        j.put("e", type).put("E", now);
        return j;
    }

    private static void push(Subscription sub, ObjectNode event) {
        Consumer<String> out = sub.session.push;
        if (out == null) {
            return;
        }
        ObjectNode frame = NF.objectNode();
        frame.put("subscriptionId", sub.id);
        frame.set("event", event);
        try {
            out.accept(Engine.JSON.writeValueAsString(frame));
        } catch (Exception e) {
            // the connection is gone: its subscription ends with it
        }
    }
}
