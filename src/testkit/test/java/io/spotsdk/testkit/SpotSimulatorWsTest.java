package io.spotsdk.testkit;

import static io.spotsdk.testkit.SimTestClients.Ws.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket API behaviour and faults, over real loopback sockets with the JDK WebSocket client. */
class SpotSimulatorWsTest {
    static final String KEY = SpotSimulatorTest.KEY;
    static final String SECRET = SpotSimulatorTest.SECRET;

    ManualClock clock;
    SpotSimulator sim;
    final List<SimTestClients.Ws> open = new ArrayList<>();

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2030-01-01T00:00:00.500Z"));
        sim = SpotSimulator.start(SimConfig.defaults().withClock(clock));
        sim.addHmacAccount(KEY, SECRET);
    }

    @AfterEach
    void stop() {
        open.forEach(SimTestClients.Ws::close);
        sim.stop();
    }

    SimTestClients.Ws connect(URI uri) throws Exception {
        SimTestClients.Ws ws = SimTestClients.Ws.connect(uri).hmacKey(KEY, SECRET);
        ws.time = clock::millis;
        open.add(ws);
        return ws;
    }

    SimTestClients.Ws connect() throws Exception {
        return connect(sim.wsApiUri());
    }

    static String[] limit(String cid, String... extra) {
        List<String> kv = new ArrayList<>(List.of("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "20000", "newClientOrderId", cid));
        kv.addAll(List.of(extra));
        return kv.toArray(String[]::new);
    }

    static void assertError(JsonNode r, int status, int code) {
        assertEquals(status, r.get("status").asInt(), r.toString());
        assertEquals(code, r.at("/error/code").asInt(), r.toString());
    }

    @Test
    void wsSignedRoundTrip() throws Exception {
        SimTestClients.Ws ws = connect();
        assertEquals("ws://127.0.0.1:" + sim.wsApiUri().getPort() + "/ws-api/v3", sim.wsApiUri().toString());
        JsonNode placed = ws.call("p1", "order.place", ws.signedParams(limit("w-1")));
        assertEquals(200, placed.get("status").asInt(), placed.toString());
        assertEquals("NEW", placed.at("/result/status").asText());
        assertEquals("20000.00000000", placed.at("/result/price").asText());
        JsonNode rl = placed.get("rateLimits");
        assertEquals(3, rl.size());
        assertEquals("ORDERS", rl.get(0).get("rateLimitType").asText());
        assertEquals(1, rl.get(0).get("count").asInt());
        assertEquals("REQUEST_WEIGHT", rl.get(2).get("rateLimitType").asText());
        assertEquals(3, rl.get(2).get("count").asInt(), "2 for connecting + 1");

        JsonNode status = ws.call("p2", "order.status",
                ws.signedParams("symbol", "BTCUSDT", "origClientOrderId", "w-1"));
        assertEquals("NEW", status.at("/result/status").asText(), status.toString());
        assertEquals(1, status.get("rateLimits").size(), "only REQUEST_WEIGHT for a query");
        JsonNode cancel = ws.call("p3", "order.cancel", ws.signedParams("symbol", "BTCUSDT",
                "orderId", placed.at("/result/orderId").asText(), "returnRateLimits", "false"));
        assertEquals("CANCELED", cancel.at("/result/status").asText(), cancel.toString());
        assertFalse(cancel.has("rateLimits"));
        assertEquals(0, ws.call("p4", "openOrders.status", ws.signedParams()).get("result").size());
        assertEquals(1, ws.call("p5", "account.rateLimits.orders", ws.signedParams()).at("/result/0/count").asInt());
        JsonNode info = ws.call("p6", "exchangeInfo", plain("symbols", "[\"BTCUSDT\",\"ETHUSDT\"]"));
        assertEquals(2, info.at("/result/symbols").size());
        assertEquals("CONNECTIONS", info.at("/result/rateLimits/4/rateLimitType").asText());
        assertEquals("SPOT", ws.call("p7", "account.status", ws.signedParams()).at("/result/accountType").asText());
        assertEquals(1, sim.ledger().requests("order.place"));
        assertEquals(Ledger.OrderRecord.class, sim.ledger().order(KEY, "w-1").orElseThrow().getClass());
        assertEquals(Transport.WS, sim.ledger().order(KEY, "w-1").orElseThrow().placedVia());
    }

    @Test
    void returnRateLimitsFalseOnUrl() throws Exception {
        SimTestClients.Ws ws = connect(URI.create(sim.wsApiUri() + "?returnRateLimits=false"));
        JsonNode ping = ws.call("a", "ping", null);
        assertEquals(200, ping.get("status").asInt());
        assertTrue(ping.get("result").isEmpty());
        assertFalse(ping.has("rateLimits"));
        assertTrue(ws.call("b", "time", plain("returnRateLimits", "true")).has("rateLimits"));
    }

    @Test
    void wsAuthErrors() throws Exception {
        SimTestClients.Ws ws = connect();
        ObjectNode p = ws.signedParams("symbol", "BTCUSDT");
        p.put("signature", "0".repeat(64));
        assertError(ws.call("e1", "openOrders.status", p), 400, -1022);
        ObjectNode stale = ws.signedParams("symbol", "BTCUSDT", "timestamp", Long.toString(clock.millis() - 6000));
        assertError(ws.call("e2", "openOrders.status", stale), 400, -1021);
        ObjectNode other = ws.signedParams("symbol", "BTCUSDT", "apiKey", "nobody");
        assertError(ws.call("e3", "openOrders.status", other), 401, -2015);
        assertError(ws.call("e4", "openOrders.status", plain("timestamp", "1")), 400, -1102);
    }

    @Test
    void sessionLogonWithEd25519() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        sim.addEd25519Account("ed-key", kp.getPublic());
        SimTestClients.Ws ws = connect();
        ws.edKey("ed-key", kp.getPrivate());
        JsonNode logon = ws.call("l1", "session.logon", ws.signedParams());
        assertEquals(200, logon.get("status").asInt(), logon.toString());
        assertEquals("ed-key", logon.at("/result/apiKey").asText());
        assertEquals(clock.millis(), logon.at("/result/authorizedSince").asLong());

        JsonNode placed = ws.call("l2", "order.place",
                plain(limit("s-1", "timestamp", Long.toString(clock.millis()))));
        assertEquals(200, placed.get("status").asInt(), placed.toString());
        assertTrue(sim.ledger().order("ed-key", "s-1").isPresent());
        assertEquals("ed-key", ws.call("l3", "session.status", null).at("/result/apiKey").asText());

        JsonNode logout = ws.call("l4", "session.logout", null);
        assertTrue(logout.at("/result/apiKey").isNull());
        assertError(ws.call("l5", "order.place", plain(limit("s-2", "timestamp", Long.toString(clock.millis())))),
                400, -1102);

        SimTestClients.Ws hmac = connect();
        assertError(hmac.call("h1", "session.logon", hmac.signedParams()), 400, -1002);
    }

    @Test
    void wsFaultsOnce() throws Exception {
        SimTestClients.Ws ws = connect();
        Fault[] replying = {Fault.EXECUTE_THEN_500, Fault.EXECUTE_THEN_503_HTML, Fault.EXECUTE_THEN_1007,
            Fault.EXECUTE_THEN_1006, Fault.NO_EXECUTE_500, Fault.RATE_LIMIT_429, Fault.WAF_403_HTML};
        int[] statuses = {500, 503, 408, 500, 500, 429, 403};
        int[] codes = {-1000, -1008, -1007, -1006, -1000, -1015, -1002};
        for (int i = 0; i < replying.length; i++) {
            String cid = "wf-" + i;
            sim.faults().next(Match.ws("order.place").withClientOrderId(cid), replying[i]);
            JsonNode r = ws.call("f" + i, "order.place", ws.signedParams(limit(cid)));
            assertError(r, statuses[i], codes[i]);
            assertEquals(replying[i].executes(), sim.ledger().order(KEY, cid).isPresent(), replying[i].toString());
            if (replying[i] == Fault.RATE_LIMIT_429) {
                assertEquals(clock.millis() + 1000, r.at("/error/data/retryAfter").asLong());
            }
        }

        // no reply: the next frame on this connection is the reply to the following ping
        sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_NO_REPLY);
        ws.sendText(SimTestClients.JSON.createObjectNode().put("id", "silent").put("method", "order.place")
                .set("params", ws.signedParams(limit("wf-silent"))).toString());
        assertEquals("after", ws.call("after", "ping", null).get("id").asText());
        assertTrue(sim.ledger().order(KEY, "wf-silent").isPresent());

        // drop: the connection goes away without a reply; the order exists
        sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_DROP);
        ws.sendText(SimTestClients.JSON.createObjectNode().put("id", "drop").put("method", "order.place")
                .set("params", ws.signedParams(limit("wf-drop"))).toString());
        ws.closed.get(5, TimeUnit.SECONDS);
        assertTrue(ws.messages.isEmpty());
        SimTestClients.Ws again = connect();
        assertEquals("NEW", again.call("q", "order.status",
                again.signedParams("symbol", "BTCUSDT", "origClientOrderId", "wf-drop")).at("/result/status").asText());

        List<Ledger.FaultRecord> recorded = sim.ledger().faults();
        assertEquals(replying.length + 2, recorded.size());
        assertEquals("drop", recorded.get(recorded.size() - 1).requestId());
        assertTrue(recorded.get(recorded.size() - 1).executed());
        assertEquals(200, recorded.get(0).statusWithoutFault());
    }

    @Test
    void wsBanRepliesThenClosesAndCountsRequestsDuringBan() throws Exception {
        SimTestClients.Ws ws = connect();
        sim.faults().next(Match.ws("ping"), Fault.BAN_418);
        JsonNode r = ws.call("b1", "ping", null);
        assertError(r, 418, -1003);
        assertEquals(clock.millis() + 120_000, r.at("/error/data/retryAfter").asLong());
        ws.closed.get(5, TimeUnit.SECONDS);

        SimTestClients.Ws second = connect();
        assertError(second.call("b2", "time", null), 418, -1003);
        second.closed.get(5, TimeUnit.SECONDS);
        assertEquals(1, sim.ledger().requestsDuringBan());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(200, connect().call("b3", "ping", null).get("status").asInt());
    }

    @Test
    void cancelReplacePartialOverWs() throws Exception {
        SimTestClients.Ws ws = connect();
        ws.call("c1", "order.place", ws.signedParams(limit("wc-a")));
        sim.faults().next(Match.op("order.cancelReplace"), Fault.PARTIAL_409);
        JsonNode r = ws.call("c2", "order.cancelReplace", ws.signedParams(limit("wc-b",
                "cancelReplaceMode", "STOP_ON_FAILURE", "cancelOrigClientOrderId", "wc-a")));
        assertError(r, 409, -2021);
        assertEquals("SUCCESS", r.at("/error/data/cancelResult").asText());
        assertEquals("FAILURE", r.at("/error/data/newOrderResult").asText());
        assertEquals("CANCELED", r.at("/error/data/cancelResponse/status").asText());
        assertEquals(-2010, r.at("/error/data/newOrderResponse/code").asInt());
        assertEquals(3, r.get("rateLimits").size());
    }

    @Test
    void malformedFramesKeepTheConnectionOpen() throws Exception {
        SimTestClients.Ws ws = connect();
        ws.sendText("this is not json");
        JsonNode r = ws.next();
        assertTrue(r.get("id").isNull());
        assertError(r, 400, -1135);
        ws.sendText("[1,2]");
        assertError(ws.next(), 400, -1135);
        ws.sendText("{\"method\":\"ping\"}");
        r = ws.next();
        assertTrue(r.get("id").isNull());
        assertError(r, 400, -1102);
        ws.sendText("{\"id\":\"m1\"}");
        r = ws.next();
        assertEquals("m1", r.get("id").asText());
        assertError(r, 400, -1102);
        ws.sendText("{\"id\":7,\"method\":\"no.such.method\"}");
        r = ws.next();
        assertEquals(7, r.get("id").asInt());
        assertEquals(400, r.get("status").asInt());
        assertEquals(200, ws.call("alive", "ping", null).get("status").asInt());
        assertFalse(ws.closed.isDone());
    }

    @Test
    void serverShutdownEventReachesEveryConnection() throws Exception {
        SimTestClients.Ws a = connect();
        SimTestClients.Ws b = connect(URI.create(sim.wsApiUri() + "?returnRateLimits=false"));
        a.call("x", "ping", null); // both fully open
        b.call("y", "ping", null);
        sim.sendServerShutdown();
        for (SimTestClients.Ws ws : List.of(a, b)) {
            JsonNode ev = ws.next();
            assertEquals("serverShutdown", ev.at("/event/e").asText());
            assertEquals(clock.millis(), ev.at("/event/E").asLong());
        }
    }
}
