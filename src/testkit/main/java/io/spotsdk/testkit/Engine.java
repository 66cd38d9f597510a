package io.spotsdk.testkit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The exchange: accounts, orders, rate limits, faults. Transport-agnostic; the REST and WS front ends turn wire
 * requests into {@link Req} and render {@link Res}. Everything runs under one lock (throughput is not a goal).
 */
final class Engine {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final Pattern CLIENT_ID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");
    private static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";
    private static final long MINUTE = 60_000L;
    private static final long TEN_SECONDS = 10_000L;
    private static final long DAY = 86_400_000L;

    static final String HTML_503 = "<html><head><title>503 Service Temporarily Unavailable</title></head>"
            + "<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>";
    static final String HTML_403 = "<html><head><title>403 Forbidden</title></head>"
            + "<body><center><h1>403 Forbidden</h1><p>Request blocked (simulated WAF).</p></center></body></html>";

    /** Canonical operations: weight and whether signed. */
    private static final Set<String> SIGNED_OPS = Set.of("order.place", "order.test", "order.status", "order.cancel",
            "order.cancelReplace", "openOrders.status", "openOrders.cancelAll", "account.status",
            "account.rateLimits.orders");
    static final Set<String> WS_OPS;

    static {
        Set<String> s = new LinkedHashSet<>(List.of("ping", "time", "exchangeInfo", "session.logon", "session.status",
                "session.logout"));
        s.addAll(SIGNED_OPS);
        s.addAll(OrderLists.OPS); // issue 10: order lists, SOR, amend
        s.addAll(MarketData.OPS); // issue 10: market data
        s.addAll(AccountQueries.OPS); // issue 10: account queries
        s.addAll(UserDataStream.METHODS);
        WS_OPS = Set.copyOf(s);
    }

    /** REST "METHOD /path" to canonical op. */
    static final Map<String, String> REST_OPS = OrderLists.withRestOps(joined(MarketData.REST_OPS, AccountQueries.REST_OPS, Map.ofEntries(
            Map.entry("GET /api/v3/ping", "ping"),
            Map.entry("GET /api/v3/time", "time"),
            Map.entry("GET /api/v3/exchangeInfo", "exchangeInfo"),
            Map.entry("POST /api/v3/order", "order.place"),
            Map.entry("POST /api/v3/order/test", "order.test"),
            Map.entry("GET /api/v3/order", "order.status"),
            Map.entry("DELETE /api/v3/order", "order.cancel"),
            Map.entry("POST /api/v3/order/cancelReplace", "order.cancelReplace"),
            Map.entry("GET /api/v3/openOrders", "openOrders.status"),
            Map.entry("DELETE /api/v3/openOrders", "openOrders.cancelAll"),
            Map.entry("GET /api/v3/account", "account.status"),
            Map.entry("GET /api/v3/rateLimit/order", "account.rateLimits.orders"))));

    @SafeVarargs
    private static Map<String, String> joined(Map<String, String>... maps) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> m : maps) {
            all.putAll(m);
        }
        return Map.copyOf(all);
    }

    // ------------------------------------------------------------------------------------------ state
    final Object lock = new Object();
    final FaultPlan faults = new FaultPlan();
    final Ledger ledger = new Ledger(this);
    final OrderLists lists = new OrderLists(this);
    private final SimConfig config;
    private volatile Clock clock;
    private volatile SimLimits limits;
    private final Map<String, Account> accounts = new HashMap<>();
    private final UserDataStream userData = new UserDataStream(lists);
    private final Map<String, IpState> ips = new HashMap<>();
    final Map<String, SymbolSpec> symbols = new LinkedHashMap<>();
    long nextOrderId = 10_000;
    private long nextTradeId = 1;
    private long requestSeq;

    Engine(SimConfig config) {
        this.config = config;
        this.clock = config.clock();
        this.limits = config.limits();
        symbols.put("BTCUSDT", new SymbolSpec("BTCUSDT", "BTC", "USDT", bd("0.01"), bd("0.01"), bd("1000000"),
                bd("0.00001"), bd("0.00001"), bd("9000"), bd("5"), bd("50000")));
        symbols.put("ETHUSDT", new SymbolSpec("ETHUSDT", "ETH", "USDT", bd("0.01"), bd("0.01"), bd("1000000"),
                bd("0.0001"), bd("0.0001"), bd("9000"), bd("5"), bd("3000")));
    }

    Clock clock() {
        return clock;
    }

    void setClock(Clock c) {
        this.clock = c;
    }

    SimLimits limits() {
        return limits;
    }

    void setLimits(SimLimits l) {
        this.limits = l;
    }

    long now() {
        return clock.millis();
    }

    void addAccount(String apiKey, byte[] hmacSecret, PublicKey ed25519) {
        synchronized (lock) {
            if (accounts.containsKey(apiKey)) {
                throw new IllegalArgumentException("duplicate apiKey");
            }
            accounts.put(apiKey, new Account(apiKey, accounts.size() + 1L, hmacSecret, ed25519));
        }
    }

    List<Ledger.OrderRecord> orderSnapshot() {
        synchronized (lock) {
            return accounts.values().stream().sorted(Comparator.comparingLong(a -> a.uid))
                    .flatMap(a -> a.orders.values().stream().map(Order::record)).toList();
        }
    }

    List<Ledger.OrderRecord> orderSnapshot(String apiKey) {
        synchronized (lock) {
            Account a = accounts.get(apiKey);
            if (a == null) {
                return List.of();
            }
            return a.orders.values().stream().map(Order::record).toList();
        }
    }

    // ------------------------------------------------------------------------------------------ request / result

    /** A request as the front end saw it. */
    static final class Req {
        Transport transport;
        String endpoint;        // "POST /api/v3/order" or "order.place"
        String op;              // canonical op, null when unknown
        Map<String, String> params = Map.of();
        String ip;
        String restApiKey;      // REST header
        String restPayload;     // REST signature payload (query + body, signature removed, as on the wire)
        WsSession session;      // WS only
        String wsId;            // WS id as text, for the ledger
    }

    /** Per-connection WebSocket state (touched only under the engine lock, except the immutable fields). */
    static final class WsSession {
        final long connectedSince;
        final boolean returnRateLimitsDefault;
        String apiKey;
        Long authorizedSince;
        int nextSubscriptionId;                  // user data stream subscriptions, numbered per connection
        java.util.function.Consumer<String> push; // sends an event frame on this connection (set by WsFront)

        WsSession(long connectedSince, boolean returnRateLimitsDefault) {
            this.connectedSince = connectedSince;
            this.returnRateLimitsDefault = returnRateLimitsDefault;
        }
    }

    record Usage(String type, String interval, int intervalNum, int limit, long count) {
    }

    /** What to answer. Exactly one of result / error is set unless rawBody is set or the fault suppresses a reply. */
    static final class Res {
        int status = 200;
        JsonNode result;
        ObjectNode error;
        String rawBody;            // non-JSON (HTML or empty) REST body; WS uses error instead
        String rawContentType;
        boolean htmlFromEdge;      // answered by "infrastructure": no usage headers
        Fault fault;               // injected fault, if any
        Long retryAfterMs;         // epoch ms (429/418)
        long retryAfterSeconds;
        List<Usage> usage = List.of();
        boolean closeWs;           // WS: close after replying (ban)
        boolean executed;          // state changed
        Account orderAccount;      // order-count usage applies

        static Res ok(JsonNode result) {
            Res r = new Res();
            r.result = result;
            return r;
        }

        static Res err(int status, int code, String msg) {
            Res r = new Res();
            r.status = status;
            r.error = NF.objectNode().put("code", code).put("msg", msg);
            return r;
        }

        boolean success() {
            return status == 200 && result != null;
        }
    }

    /** A WebSocket connection closed. */
    void connectionClosed(WsSession s) {
        synchronized (lock) {
            userData.closed(s);
        }
    }

    /** Counts a request that never got as far as an operation (malformed WS frame). */
    void countMalformed(String endpoint) {
        ledger.countRequest(endpoint);
    }

    /** Extra weight for opening a WS connection. */
    void chargeConnection(String ip) {
        synchronized (lock) {
            IpState s = ips.computeIfAbsent(ip, k -> new IpState());
            long now = now();
            s.roll(now);
            s.weight += 2;
        }
    }

    Res process(Req r) {
        synchronized (lock) {
            long now = now();
            long seq = ++requestSeq;
            ledger.countRequest(r.endpoint);
            IpState ip = ips.computeIfAbsent(r.ip, k -> new IpState());
            ip.roll(now);
            Map<String, UserDataStream.Watched> watched = userData.before(accounts);
            Res res = processLocked(r, now, seq, ip);
            userData.after(watched, accounts, now);
            List<Usage> u = new ArrayList<>();
            if (res.orderAccount != null) {
                Account a = res.orderAccount;
                a.roll(now);
                u.add(new Usage("ORDERS", "SECOND", 10, limits.ordersPer10s(), a.count10s));
                u.add(new Usage("ORDERS", "DAY", 1, limits.ordersPerDay(), a.countDay));
            }
            u.add(new Usage("REQUEST_WEIGHT", "MINUTE", 1, limits.weightPerMinute(), ip.weight));
            res.usage = u;
            if (res.retryAfterMs != null) {
                res.retryAfterSeconds = Math.max(1, (res.retryAfterMs - now + 999) / 1000);
                if (r.transport == Transport.WS && res.error != null) {
                    res.error.putObject("data").put("serverTime", now).put("retryAfter", res.retryAfterMs);
                }
            }
            if (res.status == 418 && r.transport == Transport.WS) {
                res.closeWs = true;
            }
            return res;
        }
    }

    /** A trade on the simulated book: fills an open order of any account (issue 10: the list logic follows). */
    boolean fillOrder(String symbol, long orderId) {
        synchronized (lock) {
            for (Account acc : accounts.values()) {
                Order o = acc.orders.get(orderId);
                if (o != null && o.sym.symbol().equals(symbol) && o.open()) {
                    lists.fill(o, now());
                    return true;
                }
            }
            return false;
        }
    }

    private Res processLocked(Req r, long now, long seq, IpState ip) {
        if (now < ip.banUntil) {
            ledger.recordDuringBan(r.endpoint);
            return banned(ip.banUntil);
        }
        if (r.op == null) {
            if (r.transport == Transport.REST) {
                Res res = new Res();
                res.status = 404;
                res.rawBody = "";
                return res;
            }
            return Res.err(400, -1020, "This operation is not supported.");
        }
        ip.weight += weight(r.op, r.params);
        if (ip.weight > limits.weightPerMinute()) {
            if (now < ip.waitUntil) {
                ip.banUntil = now + config.banDuration().toMillis();
                ip.waitUntil = 0;
                return banned(ip.banUntil);
            }
            ip.waitUntil = (now / MINUTE + 1) * MINUTE;
            Res res = Res.err(429, -1003, "Too much request weight used; current limit is " + limits.weightPerMinute()
                    + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.");
            res.retryAfterMs = ip.waitUntil;
            return res;
        }
        Match.RequestInfo info = new Match.RequestInfo(r.transport, r.endpoint, r.op, clientOrderIds(r.params));
        Fault fault = faults.decide(info);
        if (fault != null && !fault.executes()) {
            recordFault(r, seq, info, fault, false, -1);
            return preExecutionFault(fault, r, now, ip);
        }
        Res res;
        try {
            res = handle(r, now, seq, fault == Fault.PARTIAL_409);
        } catch (RuntimeException e) {
            res = Res.err(500, -1000, "An unknown error occurred while processing the request.");
        }
        if (fault != null) {
            recordFault(r, seq, info, fault, res.executed, res.status);
            res = postExecutionFault(fault, res);
        }
        return res;
    }

    private static Set<String> clientOrderIds(Map<String, String> p) {
        Set<String> s = new LinkedHashSet<>();
        for (String k : List.of("newClientOrderId", "origClientOrderId", "cancelOrigClientOrderId", "listClientOrderId")) {
            String v = p.get(k);
            if (v != null && !v.isEmpty()) {
                s.add(v);
            }
        }
        return s;
    }

    private void recordFault(Req r, long seq, Match.RequestInfo info, Fault f, boolean executed, int status) {
        String cid = info.clientOrderIds().isEmpty() ? null : info.clientOrderIds().iterator().next();
        ledger.recordFault(new Ledger.FaultRecord(seq, r.transport, r.endpoint, r.wsId, cid, f, executed, status));
    }

    private Res banned(long until) {
        Res res = Res.err(418, -1003, "Way too much request weight used; IP banned until " + until
                + ". Please use WebSocket Streams for live updates to avoid bans.");
        res.retryAfterMs = until;
        return res;
    }

    private Res preExecutionFault(Fault f, Req r, long now, IpState ip) {
        switch (f) {
            case NO_EXECUTE_500:
                return Res.err(500, -1000, "An unknown error occurred while processing the request.");
            case RATE_LIMIT_429: {
                Res res = isOrderPlacing(r.op)
                        ? Res.err(429, -1015, "Too many new orders; current limit is " + limits.ordersPer10s()
                        + " orders per 10 SECOND.")
                        : Res.err(429, -1003, "Too much request weight used; current limit is "
                        + limits.weightPerMinute() + " request weight per 1 MINUTE. Please use WebSocket Streams for"
                        + " live updates to avoid polling the API.");
                res.retryAfterMs = now + config.injectedRetryAfter().toMillis();
                return res;
            }
            case BAN_418:
                ip.banUntil = now + config.banDuration().toMillis();
                return banned(ip.banUntil);
            case WAF_403_HTML: {
                Res res = Res.err(403, -1002, "You are not authorized to execute this request.");
                res.rawBody = HTML_403;
                res.rawContentType = "text/html";
                res.htmlFromEdge = true;
                return res;
            }
            default:
                throw new IllegalStateException(f.toString());
        }
    }

    private Res postExecutionFault(Fault f, Res original) {
        Res res;
        switch (f) {
            case EXECUTE_THEN_500:
                res = Res.err(500, -1000, "An unknown error occurred while processing the request.");
                res.rawBody = "";
                break;
            case EXECUTE_THEN_503_HTML:
                res = Res.err(503, -1008,
                        "Server is currently overloaded with other requests. Please try again in a few minutes.");
                res.rawBody = HTML_503;
                res.rawContentType = "text/html";
                res.htmlFromEdge = true;
                break;
            case EXECUTE_THEN_1007:
                res = Res.err(408, -1007, "Timeout waiting for response from backend server. Send status unknown;"
                        + " execution status unknown.");
                break;
            case EXECUTE_THEN_1006:
                res = Res.err(500, -1006,
                        "An unexpected response was received from the message bus. Execution status unknown.");
                break;
            case EXECUTE_THEN_DROP:
            case EXECUTE_THEN_FIN:
            case EXECUTE_THEN_RST:
            case EXECUTE_THEN_NO_REPLY:
                res = new Res();
                break;
            case PARTIAL_409:
                res = original; // already shaped by handle()
                break;
            default:
                throw new IllegalStateException(f.toString());
        }
        res.fault = f;
        res.executed = original.executed;
        res.orderAccount = original.orderAccount;
        return res;
    }

    private static boolean isOrderPlacing(String op) {
        return "order.place".equals(op) || "order.cancelReplace".equals(op) || OrderLists.PLACING.contains(op);
    }

    static int weight(String op, Map<String, String> p) {
        switch (op) {
            case "exchangeInfo":
            case "account.status":
                return 20;
            case "order.test":
                return "true".equalsIgnoreCase(p.get("computeCommissionRates")) ? 20 : 1;
            case "order.status":
            case "orderList.status":
            case "order.amend.keepPriority":
                return 4;
            case "sor.order.test":
                return "true".equalsIgnoreCase(p.get("computeCommissionRates")) ? 20 : 1;
            case "openOrders.status":
                return p.get("symbol") == null ? 80 : 6;
            case "account.rateLimits.orders":
                return 40;
            case "session.logon":
            case "session.status":
            case "session.logout":
                return 2;
            default: {
                Integer w = MarketData.weight(op, p);
                w = w != null ? w : AccountQueries.weight(op, p);
                return w != null ? w : UserDataStream.METHODS.contains(op) ? 2 : 1;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ dispatch

    private Res handle(Req r, long now, long seq, boolean forceNewOrderFailure) {
        Map<String, String> p = r.params;
        switch (r.op) {
            case "ping":
                return Res.ok(NF.objectNode());
            case "time":
                return Res.ok(NF.objectNode().put("serverTime", now));
            case "exchangeInfo":
                return exchangeInfo(r, now);
            case "session.status":
                return Res.ok(sessionJson(r.session, now));
            case "session.logout":
                if (r.session.apiKey != null) {
                    userData.loggedOut(r.session, r.session.apiKey, now);
                }
                r.session.apiKey = null;
                r.session.authorizedSince = null;
                return Res.ok(sessionJson(r.session, now));
            default: {
                if (UserDataStream.METHODS.contains(r.op)) {
                    return userData.handle(r, now, () -> authenticate(r, now, true));
                }
                Res market = MarketData.handle(symbols, r.op, p);
                if (market != null) {
                    return market;
                }
                break;
            }
        }
        Object auth = authenticate(r, now, "session.logon".equals(r.op));
        if (auth instanceof Res) {
            return (Res) auth;
        }
        Account acc = (Account) auth;
        switch (r.op) {
            case "session.logon":
                if (acc.ed25519 == null) {
                    return Res.err(400, -1002, "You are not authorized to execute this request."
                            + " (session.logon needs an Ed25519 key)");
                }
                r.session.apiKey = acc.apiKey;
                r.session.authorizedSince = now;
                return Res.ok(sessionJson(r.session, now));
            case "order.place":
                return placeOrder(r, acc, now, seq);
            case "order.test":
                return testOrder(p);
            case "order.status":
                return queryOrder(acc, p);
            case "order.cancel":
                return cancelOrder(acc, p, now);
            case "order.cancelReplace":
                return cancelReplace(r, acc, now, seq, forceNewOrderFailure);
            case "openOrders.status":
                return openOrders(acc, p);
            case "openOrders.cancelAll":
                return cancelAll(acc, p, now);
            case "account.status":
                return Res.ok(accountJson(acc, now));
            case "account.rateLimits.orders": {
                acc.roll(now);
                ArrayNode a = NF.arrayNode();
                a.add(orderLimitJson("SECOND", 10, limits.ordersPer10s(), acc.count10s));
                a.add(orderLimitJson("DAY", 1, limits.ordersPerDay(), acc.countDay));
                return Res.ok(a);
            }
            default: {
                Res listed = lists.handle(r, acc, now, seq);
                Res query = listed != null ? listed : AccountQueries.handle(symbols, lists, acc, r.op, p);
                return query != null ? query : Res.err(400, -1020, "This operation is not supported.");
            }
        }
    }

    private ObjectNode sessionJson(WsSession s, long now) {
        ObjectNode o = NF.objectNode();
        o.put("apiKey", s.apiKey);
        if (s.authorizedSince == null) {
            o.putNull("authorizedSince");
        } else {
            o.put("authorizedSince", s.authorizedSince);
        }
        o.put("connectedSince", s.connectedSince);
        o.put("returnRateLimits", s.returnRateLimitsDefault);
        o.put("serverTime", now);
        o.put("userDataStream", s.nextSubscriptionId > 0 && userData.active(s));
        return o;
    }

    // ------------------------------------------------------------------------------------------ auth

    /** Returns the Account, or a Res with the error. */
    private Object authenticate(Req r, long now, boolean requireExplicit) {
        Map<String, String> p = r.params;
        String apiKey;
        String payload;
        boolean explicit;
        if (r.transport == Transport.REST) {
            apiKey = r.restApiKey;
            if (apiKey == null || apiKey.isBlank()) {
                return Res.err(401, -2014, "API-key format invalid.");
            }
            payload = r.restPayload;
            explicit = true;
        } else {
            apiKey = p.get("apiKey");
            explicit = apiKey != null;
            if (!explicit) {
                if (requireExplicit || r.session.apiKey == null) {
                    return mandatory("apiKey");
                }
                apiKey = r.session.apiKey;
            }
            payload = wsPayload(p);
        }
        Account acc = accounts.get(apiKey);
        if (acc == null) {
            return Res.err(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String ts = p.get("timestamp");
        if (ts == null || ts.isEmpty()) {
            return mandatory("timestamp");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return mandatory("timestamp");
        }
        if (timestamp > 100_000_000_000_000L) { // microseconds
            timestamp /= 1000;
        }
        BigDecimal recvWindow = bd("5000");
        String rw = p.get("recvWindow");
        if (rw != null) {
            if (!DECIMAL.matcher(rw).matches()) {
                return mandatory("recvWindow");
            }
            recvWindow = bd(rw);
            if (recvWindow.compareTo(bd("60000")) > 0) {
                return Res.err(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than 60000.");
            }
        }
        if (explicit) {
            String sig = p.get("signature");
            if (sig == null || sig.isEmpty()) {
                return mandatory("signature");
            }
            if (!acc.verify(payload, sig)) {
                return Res.err(400, -1022, "Signature for this request is not valid.");
            }
        }
        if (timestamp >= now + 1000) {
            return Res.err(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        if (BigDecimal.valueOf(now - timestamp).compareTo(recvWindow) > 0) {
            return Res.err(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return acc;
    }

    /** WS signature payload: all params but signature, sorted by name, k=v joined by '&', not percent-encoded. */
    static String wsPayload(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
            if (e.getKey().equals("signature")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    static String hmacHex(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] h = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : h) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static Res mandatory(String name) {
        return Res.err(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    // ------------------------------------------------------------------------------------------ orders

    record NewOrder(SymbolSpec sym, String side, String type, String tif, BigDecimal price, BigDecimal qty,
                            BigDecimal quoteQty, String clientOrderId, String respType) {
    }

    /** Validates new-order params; returns NewOrder or Res (error). clientOrderId is generated when absent. */
    Object parseNewOrder(Map<String, String> p) {
        for (String m : List.of("symbol", "side", "type")) {
            if (isEmpty(p.get(m))) {
                return mandatory(m);
            }
        }
        SymbolSpec sym = symbols.get(p.get("symbol"));
        if (sym == null) {
            return Res.err(400, -1121, "Invalid symbol.");
        }
        String side = p.get("side");
        if (!side.equals("BUY") && !side.equals("SELL")) {
            return Res.err(400, -1117, "Invalid side.");
        }
        String type = p.get("type");
        switch (type) {
            case "LIMIT":
            case "LIMIT_MAKER":
            case "MARKET":
                break;
            case "STOP_LOSS":
            case "STOP_LOSS_LIMIT":
            case "TAKE_PROFIT":
            case "TAKE_PROFIT_LIMIT":
                return Res.err(400, -1014, "Unsupported order combination.");
            default:
                return Res.err(400, -1116, "Invalid orderType.");
        }
        Map<String, BigDecimal> dec = new HashMap<>();
        for (String d : List.of("price", "quantity", "quoteOrderQty")) {
            String v = p.get(d);
            if (v != null) {
                if (!DECIMAL.matcher(v).matches()) {
                    return Res.err(400, -1100, "Illegal characters found in parameter '" + d + "'; legal range is '"
                            + DECIMAL_RANGE + "'.");
                }
                dec.put(d, bd(v));
            }
        }
        String tif = p.get("timeInForce");
        BigDecimal price = dec.get("price");
        BigDecimal qty = dec.get("quantity");
        BigDecimal quoteQty = dec.get("quoteOrderQty");
        if (type.equals("LIMIT")) {
            if (isEmpty(tif)) {
                return mandatory("timeInForce");
            }
            if (qty == null) {
                return mandatory("quantity");
            }
            if (price == null) {
                return mandatory("price");
            }
        } else if (type.equals("LIMIT_MAKER")) {
            if (tif != null) {
                return Res.err(400, -1106, "Parameter 'timeInForce' sent when not required.");
            }
            if (qty == null) {
                return mandatory("quantity");
            }
            if (price == null) {
                return mandatory("price");
            }
        } else {
            if (price != null) {
                return Res.err(400, -1106, "Parameter 'price' sent when not required.");
            }
            if (tif != null) {
                return Res.err(400, -1106, "Parameter 'timeInForce' sent when not required.");
            }
            if ((qty == null) == (quoteQty == null)) {
                return qty == null
                        ? Res.err(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!")
                        : Res.err(400, -1128, "Combination of optional parameters invalid.");
            }
        }
        if (tif != null && !Set.of("GTC", "IOC", "FOK").contains(tif)) {
            return Res.err(400, -1115, "Invalid timeInForce.");
        }
        String cid = p.get("newClientOrderId");
        if (cid != null && !CLIENT_ID.matcher(cid).matches()) {
            return Res.err(400, -1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '"
                    + CLIENT_ID.pattern() + "'.");
        }
        String respType = p.getOrDefault("newOrderRespType", "FULL");
        if (!Set.of("ACK", "RESULT", "FULL").contains(respType)) {
            return Res.err(400, -1130, "Data sent for parameter 'newOrderRespType' is not valid.");
        }
        // filters (-1013, API level)
        if (price != null) {
            if (price.compareTo(sym.minPrice) < 0 || price.compareTo(sym.maxPrice) > 0
                    || price.remainder(sym.tickSize).signum() != 0) {
                return Res.err(400, -1013, "Filter failure: PRICE_FILTER");
            }
        }
        if (qty != null) {
            if (qty.compareTo(sym.minQty) < 0 || qty.compareTo(sym.maxQty) > 0
                    || qty.remainder(sym.stepSize).signum() != 0) {
                return Res.err(400, -1013, "Filter failure: LOT_SIZE");
            }
        }
        if (type.equals("MARKET") && quoteQty != null) {
            qty = quoteQty.divide(sym.refPrice, sym.stepSize.scale(), RoundingMode.DOWN);
            if (qty.compareTo(sym.minQty) < 0) {
                return Res.err(400, -1013, "Filter failure: LOT_SIZE");
            }
        }
        BigDecimal notional = (price != null ? price : sym.refPrice).multiply(qty);
        if (notional.compareTo(sym.minNotional) < 0) {
            return Res.err(400, -1013, "Filter failure: NOTIONAL");
        }
        if (cid == null) {
            cid = generatedClientId();
        }
        return new NewOrder(sym, side, type, tif, price, qty, quoteQty, cid, respType);
    }

    static String generatedClientId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(22);
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 0; i < 22; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** Order-count check; returns null when under the limits. */
    Res orderLimit(Account acc, long now) {
        acc.roll(now);
        if (acc.count10s + 1 > limits.ordersPer10s()) {
            Res r = Res.err(429, -1015, "Too many new orders; current limit is " + limits.ordersPer10s()
                    + " orders per 10 SECOND.");
            r.retryAfterMs = (now / TEN_SECONDS + 1) * TEN_SECONDS;
            return r;
        }
        if (acc.countDay + 1 > limits.ordersPerDay()) {
            Res r = Res.err(429, -1015, "Too many new orders; current limit is " + limits.ordersPerDay()
                    + " orders per 1 DAY.");
            r.retryAfterMs = (now / DAY + 1) * DAY;
            return r;
        }
        return null;
    }

    Res placeOrder(Req r, Account acc, long now, long seq) {
        Res limited = orderLimit(acc, now);
        if (limited != null) {
            limited.orderAccount = acc;
            return limited;
        }
        Object parsed = parseNewOrder(r.params);
        Res res;
        if (parsed instanceof Res) {
            res = (Res) parsed;
            ledger.recordAttempt(new Ledger.OrderAttempt(acc.apiKey, seq, r.transport,
                    r.params.get("newClientOrderId"), null, res.error.get("code").asInt(),
                    res.error.get("msg").asText()));
        } else {
            Object placed = execute(acc, (NewOrder) parsed, r.transport, now, seq, false);
            if (placed instanceof Order) {
                Order o = (Order) placed;
                res = Res.ok(placeResponse(o, ((NewOrder) parsed).respType));
                res.executed = true;
            } else {
                res = Res.err(400, ((ObjectNode) placed).get("code").asInt(), ((ObjectNode) placed).get("msg").asText());
            }
        }
        res.orderAccount = acc;
        return res;
    }

    /** Matching-engine step: returns the Order, or an error object {code,msg}. Records the attempt. */
    Object execute(Account acc, NewOrder n, Transport via, long now, long seq, boolean forceFailure) {
        ObjectNode error = null;
        if (forceFailure) {
            error = NF.objectNode().put("code", -2010).put("msg", "Order would immediately match and take.");
        } else if (acc.orders.values().stream().anyMatch(o -> o.open() && o.clientOrderId.equals(n.clientOrderId))) {
            ledger.countDuplicate();
            error = NF.objectNode().put("code", -2010).put("msg", "Duplicate order sent.");
        }
        if (error != null) {
            ledger.recordAttempt(new Ledger.OrderAttempt(acc.apiKey, seq, via, n.clientOrderId, null,
                    error.get("code").asInt(), error.get("msg").asText()));
            return error;
        }
        Order o = new Order();
        o.acc = acc;
        o.sym = n.sym;
        o.orderId = nextOrderId++;
        o.clientOrderId = n.clientOrderId;
        o.side = n.side;
        o.type = n.type;
        o.tif = n.type.equals("MARKET") || n.type.equals("LIMIT_MAKER") ? "GTC" : n.tif;
        o.price = n.price == null ? BigDecimal.ZERO : n.price;
        o.origQty = n.qty;
        o.origQuoteQty = n.quoteQty == null ? BigDecimal.ZERO : n.quoteQty;
        o.time = now;
        o.updateTime = now;
        o.via = via;
        o.seq = seq;
        if (n.type.equals("MARKET")) {
            o.status = "FILLED";
            o.executedQty = n.qty;
            o.cumQuote = n.qty.multiply(n.sym.refPrice);
            ObjectNode fill = NF.objectNode();
            fill.put("price", fmt(n.sym.refPrice));
            fill.put("qty", fmt(n.qty));
            fill.put("commission", fmt(BigDecimal.ZERO));
            fill.put("commissionAsset", n.side.equals("BUY") ? n.sym.base : n.sym.quote);
            fill.put("tradeId", nextTradeId++);
            o.fills.add(fill);
        } else {
            // no matching engine: LIMIT rests; IOC/FOK find no liquidity and expire
            o.status = "IOC".equals(o.tif) || "FOK".equals(o.tif) ? "EXPIRED" : "NEW";
            o.executedQty = BigDecimal.ZERO;
            o.cumQuote = BigDecimal.ZERO;
        }
        acc.orders.put(o.orderId, o);
        acc.roll(now);
        acc.count10s++;
        acc.countDay++;
        ledger.recordAttempt(new Ledger.OrderAttempt(acc.apiKey, seq, via, o.clientOrderId, o.orderId, null, null));
        return o;
    }

    Res testOrder(Map<String, String> p) {
        Object parsed = parseNewOrder(p);
        if (parsed instanceof Res) {
            return (Res) parsed;
        }
        ObjectNode o = NF.objectNode();
        if ("true".equalsIgnoreCase(p.get("computeCommissionRates"))) {
            ObjectNode std = o.putObject("standardCommissionForOrder");
            std.put("maker", "0.00100000").put("taker", "0.00100000");
            ObjectNode tax = o.putObject("taxCommissionForOrder");
            tax.put("maker", "0.00000000").put("taker", "0.00000000");
            ObjectNode disc = o.putObject("discount");
            disc.put("enabledForAccount", false).put("enabledForSymbol", false).put("discountAsset", "BNB")
                    .put("discount", "0.25000000");
        }
        return Res.ok(o);
    }

    /** Finds an order by orderId / origClientOrderId (names given), or returns null. */
    Order find(Account acc, SymbolSpec sym, String orderId, String clientOrderId) {
        if (orderId != null) {
            Order o;
            try {
                o = acc.orders.get(Long.parseLong(orderId));
            } catch (NumberFormatException e) {
                return null;
            }
            if (o == null || o.sym != sym || (clientOrderId != null && !clientOrderId.equals(o.clientOrderId))) {
                return null;
            }
            return o;
        }
        Order found = null;
        for (Order o : acc.orders.values()) {
            if (o.sym == sym && o.clientOrderId.equals(clientOrderId)) {
                found = o; // latest wins
            }
        }
        return found;
    }

    Object symbolOf(Map<String, String> p) {
        String s = p.get("symbol");
        if (isEmpty(s)) {
            return mandatory("symbol");
        }
        SymbolSpec sym = symbols.get(s);
        return sym == null ? Res.err(400, -1121, "Invalid symbol.") : sym;
    }

    private Res queryOrder(Account acc, Map<String, String> p) {
        Object sym = symbolOf(p);
        if (sym instanceof Res) {
            return (Res) sym;
        }
        String id = emptyToNull(p.get("orderId"));
        String cid = emptyToNull(p.get("origClientOrderId"));
        if (id == null && cid == null) {
            return Res.err(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        Order o = find(acc, (SymbolSpec) sym, id, cid);
        return o == null ? Res.err(400, -2013, "Order does not exist.") : Res.ok(o.queryJson());
    }

    /** Cancels; returns the cancel response JSON or an error object {code,msg}. */
    ObjectNode doCancel(Account acc, SymbolSpec sym, String id, String cid, String newCid, String restrictions,
                                long now) {
        Order o = find(acc, sym, id, cid);
        if (o == null || !o.open()) {
            return NF.objectNode().put("code", -2011).put("msg", "Unknown order sent.");
        }
        if (restrictions != null) {
            boolean ok = restrictions.equals("ONLY_NEW") ? o.status.equals("NEW")
                    : o.status.equals("PARTIALLY_FILLED");
            if (!ok) {
                return NF.objectNode().put("code", -2011).put("msg", "Order was not canceled due to cancel restrictions.");
            }
        }
        o.status = "CANCELED";
        o.updateTime = now;
        lists.onCanceled(o, now); // a leg canceled cancels its list
        ObjectNode j = NF.objectNode();
        j.put("symbol", sym.symbol);
        j.put("origClientOrderId", o.clientOrderId);
        j.put("orderId", o.orderId);
        j.put("orderListId", o.orderListId);
        j.put("clientOrderId", newCid == null ? generatedClientId() : newCid);
        j.put("transactTime", now);
        o.commonFields(j);
        return j;
    }

    private Res cancelOrder(Account acc, Map<String, String> p, long now) {
        Object sym = symbolOf(p);
        if (sym instanceof Res) {
            return (Res) sym;
        }
        String id = emptyToNull(p.get("orderId"));
        String cid = emptyToNull(p.get("origClientOrderId"));
        if (id == null && cid == null) {
            return Res.err(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        String restr = p.get("cancelRestrictions");
        if (restr != null && !restr.equals("ONLY_NEW") && !restr.equals("ONLY_PARTIALLY_FILLED")) {
            return Res.err(400, -1145, "Invalid cancelRestrictions");
        }
        ObjectNode out = doCancel(acc, (SymbolSpec) sym, id, cid, emptyToNull(p.get("newClientOrderId")), restr, now);
        if (out.has("code")) {
            return Res.err(400, out.get("code").asInt(), out.get("msg").asText());
        }
        Res res = Res.ok(out);
        res.executed = true;
        return res;
    }

    private Res cancelReplace(Req r, Account acc, long now, long seq, boolean forceNewOrderFailure) {
        Map<String, String> p = r.params;
        String mode = p.get("cancelReplaceMode");
        if (isEmpty(mode)) {
            return mandatory("cancelReplaceMode");
        }
        if (!mode.equals("STOP_ON_FAILURE") && !mode.equals("ALLOW_FAILURE")) {
            return Res.err(400, -1130, "Data sent for parameter 'cancelReplaceMode' is not valid.");
        }
        String cancelId = emptyToNull(p.get("cancelOrderId"));
        String cancelCid = emptyToNull(p.get("cancelOrigClientOrderId"));
        if (cancelId == null && cancelCid == null) {
            return Res.err(400, -1102,
                    "Param 'cancelOrigClientOrderId' or 'cancelOrderId' must be sent, but both were empty/null!");
        }
        String restr = p.get("cancelRestrictions");
        if (restr != null && !restr.equals("ONLY_NEW") && !restr.equals("ONLY_PARTIALLY_FILLED")) {
            return Res.err(400, -1145, "Invalid cancelRestrictions");
        }
        Object parsed = parseNewOrder(p);
        ObjectNode newOrderError = null;
        if (parsed instanceof Res) {
            Res pr = (Res) parsed;
            if (pr.error.get("code").asInt() != -1013) {
                return pr; // malformed request: nothing attempted, plain error
            }
            newOrderError = pr.error; // filter failure: the new-order leg fails
        }
        Res limited = orderLimit(acc, now);
        if (limited != null) {
            limited.orderAccount = acc;
            return limited;
        }
        SymbolSpec sym = symbols.get(p.get("symbol"));
        ObjectNode cancel = doCancel(acc, sym, cancelId, cancelCid, emptyToNull(p.get("cancelNewClientOrderId")),
                restr, now);
        boolean cancelOk = !cancel.has("code");
        boolean executed = cancelOk;
        ObjectNode data = NF.objectNode();
        data.put("cancelResult", cancelOk ? "SUCCESS" : "FAILURE");
        JsonNode newResp = null;
        String newResult;
        if (!cancelOk && mode.equals("STOP_ON_FAILURE")) {
            newResult = "NOT_ATTEMPTED";
            acc.roll(now);
            acc.count10s++; // counted even when not attempted
            acc.countDay++;
        } else if (newOrderError != null) {
            newResult = "FAILURE";
            newResp = newOrderError;
            acc.count10s++;
            acc.countDay++;
            ledger.recordAttempt(new Ledger.OrderAttempt(acc.apiKey, seq, r.transport,
                    p.get("newClientOrderId"), null, newOrderError.get("code").asInt(),
                    newOrderError.get("msg").asText()));
        } else {
            NewOrder n = (NewOrder) parsed;
            Object placed = execute(acc, n, r.transport, now, seq, forceNewOrderFailure);
            if (placed instanceof Order) {
                newResult = "SUCCESS";
                newResp = placeResponse((Order) placed, n.respType);
                executed = true;
            } else {
                newResult = "FAILURE";
                newResp = (ObjectNode) placed;
                acc.count10s++;
                acc.countDay++;
            }
        }
        data.put("newOrderResult", newResult);
        data.set("cancelResponse", cancel);
        data.set("newOrderResponse", newResp == null ? NF.nullNode() : newResp);
        Res res;
        if (cancelOk && newResult.equals("SUCCESS")) {
            res = Res.ok(data);
        } else if (cancelOk || newResult.equals("SUCCESS")) {
            res = Res.err(409, -2021, "Order cancel-replace partially failed.");
            res.error.set("data", data);
        } else {
            res = Res.err(400, -2022, "Order cancel-replace failed.");
            res.error.set("data", data);
        }
        res.executed = executed;
        res.orderAccount = acc;
        return res;
    }

    private Res openOrders(Account acc, Map<String, String> p) {
        SymbolSpec sym = null;
        if (p.get("symbol") != null) {
            sym = symbols.get(p.get("symbol"));
            if (sym == null) {
                return Res.err(400, -1121, "Invalid symbol.");
            }
        }
        ArrayNode a = NF.arrayNode();
        for (Order o : acc.orders.values()) {
            if (o.open() && (sym == null || o.sym == sym)) {
                a.add(o.queryJson());
            }
        }
        return Res.ok(a);
    }

    private Res cancelAll(Account acc, Map<String, String> p, long now) {
        Object sym = symbolOf(p);
        if (sym instanceof Res) {
            return (Res) sym;
        }
        List<Order> open = acc.orders.values().stream().filter(o -> o.open() && o.sym == sym)
                .sorted(Comparator.comparingLong(o -> o.orderId)).toList();
        if (open.isEmpty()) {
            return Res.err(400, -2011, "Unknown order sent.");
        }
        ArrayNode a = NF.arrayNode();
        for (Order o : open) {
            a.add(doCancel(acc, (SymbolSpec) sym, Long.toString(o.orderId), null, null, null, now));
        }
        Res res = Res.ok(a);
        res.executed = true;
        return res;
    }

    ObjectNode placeResponse(Order o, String respType) {
        ObjectNode j = NF.objectNode();
        j.put("symbol", o.sym.symbol);
        j.put("orderId", o.orderId);
        j.put("orderListId", o.orderListId);
        j.put("clientOrderId", o.clientOrderId);
        j.put("transactTime", o.time);
        if (respType.equals("ACK")) {
            return j;
        }
        o.commonFields(j);
        j.put("workingTime", o.time);
        if (respType.equals("FULL")) {
            ArrayNode f = j.putArray("fills");
            o.fills.forEach(f::add);
        }
        return j;
    }

    private ObjectNode orderLimitJson(String interval, int num, int limit, long count) {
        return NF.objectNode().put("rateLimitType", "ORDERS").put("interval", interval).put("intervalNum", num)
                .put("limit", limit).put("count", count);
    }

    private ObjectNode accountJson(Account acc, long now) {
        ObjectNode o = NF.objectNode();
        o.put("makerCommission", 10).put("takerCommission", 10).put("buyerCommission", 0).put("sellerCommission", 0);
        o.putObject("commissionRates").put("maker", "0.00100000").put("taker", "0.00100000")
                .put("buyer", "0.00000000").put("seller", "0.00000000");
        o.put("canTrade", true).put("canWithdraw", true).put("canDeposit", true).put("brokered", false)
                .put("requireSelfTradePrevention", false).put("preventSor", false).put("updateTime", now)
                .put("accountType", "SPOT");
        ArrayNode b = o.putArray("balances");
        b.addObject().put("asset", "BTC").put("free", "10.00000000").put("locked", "0.00000000");
        b.addObject().put("asset", "ETH").put("free", "100.00000000").put("locked", "0.00000000");
        b.addObject().put("asset", "USDT").put("free", "1000000.00000000").put("locked", "0.00000000");
        o.putArray("permissions").add("SPOT");
        o.put("uid", acc.uid);
        return o;
    }

    // ------------------------------------------------------------------------------------------ exchangeInfo

    private Res exchangeInfo(Req r, long now) {
        Map<String, String> p = r.params;
        List<SymbolSpec> selected = new ArrayList<>();
        if (p.get("symbol") != null) {
            SymbolSpec s = symbols.get(p.get("symbol"));
            if (s == null) {
                return Res.err(400, -1121, "Invalid symbol.");
            }
            selected.add(s);
        } else if (p.get("symbols") != null) {
            try {
                for (JsonNode n : JSON.readTree(p.get("symbols"))) {
                    SymbolSpec s = symbols.get(n.asText());
                    if (s == null) {
                        return Res.err(400, -1121, "Invalid symbol.");
                    }
                    selected.add(s);
                }
            } catch (Exception e) {
                return Res.err(400, -1100, "Illegal characters found in parameter 'symbols'; legal range is"
                        + " '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
            }
        } else {
            selected.addAll(symbols.values());
        }
        ObjectNode o = NF.objectNode();
        o.put("timezone", "UTC");
        o.put("serverTime", now);
        ArrayNode rl = o.putArray("rateLimits");
        rl.add(limitJson("REQUEST_WEIGHT", "MINUTE", 1, limits.weightPerMinute()));
        rl.add(limitJson("ORDERS", "SECOND", 10, limits.ordersPer10s()));
        rl.add(limitJson("ORDERS", "DAY", 1, limits.ordersPerDay()));
        rl.add(limitJson("RAW_REQUESTS", "MINUTE", 5, limits.rawRequestsPer5m()));
        if (r.transport == Transport.WS) {
            rl.add(limitJson("CONNECTIONS", "MINUTE", 5, 300));
        }
        o.putArray("exchangeFilters");
        ArrayNode syms = o.putArray("symbols");
        for (SymbolSpec s : selected) {
            syms.add(s.json());
        }
        return Res.ok(o);
    }

    private static ObjectNode limitJson(String type, String interval, int num, int limit) {
        return NF.objectNode().put("rateLimitType", type).put("interval", interval).put("intervalNum", num)
                .put("limit", limit);
    }

    // ------------------------------------------------------------------------------------------ model

    record SymbolSpec(String symbol, String base, String quote, BigDecimal tickSize, BigDecimal minPrice,
                      BigDecimal maxPrice, BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty,
                      BigDecimal minNotional, BigDecimal refPrice) {
        ObjectNode json() {
            ObjectNode o = NF.objectNode();
            o.put("symbol", symbol).put("status", "TRADING").put("baseAsset", base).put("baseAssetPrecision", 8)
                    .put("quoteAsset", quote).put("quotePrecision", 8).put("quoteAssetPrecision", 8)
                    .put("baseCommissionPrecision", 8).put("quoteCommissionPrecision", 8);
            o.putArray("orderTypes").add("LIMIT").add("LIMIT_MAKER").add("MARKET");
            o.put("icebergAllowed", false).put("ocoAllowed", false).put("otoAllowed", false).put("opoAllowed", false)
                    .put("quoteOrderQtyMarketAllowed", true).put("allowTrailingStop", false)
                    .put("cancelReplaceAllowed", true).put("amendAllowed", false).put("pegInstructionsAllowed", false)
                    .put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false);
            ArrayNode f = o.putArray("filters");
            f.addObject().put("filterType", "PRICE_FILTER").put("minPrice", fmt(minPrice)).put("maxPrice", fmt(maxPrice))
                    .put("tickSize", fmt(tickSize));
            f.addObject().put("filterType", "LOT_SIZE").put("minQty", fmt(minQty)).put("maxQty", fmt(maxQty))
                    .put("stepSize", fmt(stepSize));
            f.addObject().put("filterType", "NOTIONAL").put("minNotional", fmt(minNotional))
                    .put("applyMinToMarket", true).put("maxNotional", "9000000.00000000")
                    .put("applyMaxToMarket", false).put("avgPriceMins", 5);
            o.putArray("permissions");
            o.putArray("permissionSets").addArray().add("SPOT");
            o.put("defaultSelfTradePreventionMode", "NONE");
            o.putArray("allowedSelfTradePreventionModes").add("NONE").add("EXPIRE_TAKER").add("EXPIRE_MAKER")
                    .add("EXPIRE_BOTH");
            return o;
        }
    }

    static final class Account {
        final String apiKey;
        final long uid;
        final byte[] secret;
        final PublicKey ed25519;
        final Map<Long, Order> orders = new LinkedHashMap<>();
        long window10s = -1;
        long count10s;
        long windowDay = -1;
        long countDay;

        Account(String apiKey, long uid, byte[] secret, PublicKey ed25519) {
            this.apiKey = apiKey;
            this.uid = uid;
            this.secret = secret;
            this.ed25519 = ed25519;
        }

        void roll(long now) {
            if (now / TEN_SECONDS != window10s) {
                window10s = now / TEN_SECONDS;
                count10s = 0;
            }
            if (now / DAY != windowDay) {
                windowDay = now / DAY;
                countDay = 0;
            }
        }

        boolean verify(String payload, String signature) {
            if (secret != null) {
                return hmacHex(secret, payload).equalsIgnoreCase(signature);
            }
            try {
                byte[] sig = Base64.getDecoder().decode(signature);
                Signature v = Signature.getInstance("Ed25519");
                v.initVerify(ed25519);
                v.update(payload.getBytes(StandardCharsets.UTF_8));
                return v.verify(sig);
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                return false;
            }
        }
    }

    static final class IpState {
        long window = -1;
        long weight;
        long waitUntil;
        long banUntil;

        void roll(long now) {
            if (now / MINUTE != window) {
                window = now / MINUTE;
                weight = 0;
            }
        }
    }

    static final class Order {
        Account acc;
        SymbolSpec sym;
        long orderId;
        String clientOrderId;
        String side;
        String type;
        String tif;
        BigDecimal price;
        BigDecimal origQty;
        BigDecimal executedQty;
        BigDecimal cumQuote;
        BigDecimal origQuoteQty;
        String status;
        long time;
        long updateTime;
        Transport via;
        long seq;
        long orderListId = -1;
        BigDecimal stopPrice = BigDecimal.ZERO;
        final List<ObjectNode> fills = new ArrayList<>();

        boolean open() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        void commonFields(ObjectNode j) {
            j.put("price", fmt(price));
            j.put("origQty", fmt(origQty));
            j.put("executedQty", fmt(executedQty));
            j.put("origQuoteOrderQty", fmt(origQuoteQty));
            j.put("cummulativeQuoteQty", fmt(cumQuote));
            j.put("status", status);
            j.put("timeInForce", tif);
            j.put("type", type);
            j.put("side", side);
            j.put("selfTradePreventionMode", "NONE");
        }

        ObjectNode queryJson() {
            ObjectNode j = NF.objectNode();
            j.put("symbol", sym.symbol);
            j.put("orderId", orderId);
            j.put("orderListId", orderListId);
            j.put("clientOrderId", clientOrderId);
            j.put("price", fmt(price));
            j.put("origQty", fmt(origQty));
            j.put("executedQty", fmt(executedQty));
            j.put("cummulativeQuoteQty", fmt(cumQuote));
            j.put("status", status);
            j.put("timeInForce", tif);
            j.put("type", type);
            j.put("side", side);
            j.put("stopPrice", fmt(stopPrice));
            j.put("icebergQty", fmt(BigDecimal.ZERO));
            j.put("time", time);
            j.put("updateTime", updateTime);
            j.put("isWorking", true);
            j.put("workingTime", time);
            j.put("origQuoteOrderQty", fmt(origQuoteQty));
            j.put("selfTradePreventionMode", "NONE");
            return j;
        }

        Ledger.OrderRecord record() {
            return new Ledger.OrderRecord(acc.apiKey, orderId, clientOrderId, sym.symbol, side, type, fmt(price),
                    fmt(origQty), fmt(executedQty), status, time, updateTime, via, seq);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    static String fmt(BigDecimal d) {
        return d.setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
