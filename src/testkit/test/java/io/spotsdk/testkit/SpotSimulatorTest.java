package io.spotsdk.testkit;

import static io.spotsdk.testkit.SimTestClients.json;
import static io.spotsdk.testkit.SimTestClients.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** REST behaviour, fault injection and rate limits, over real loopback sockets. */
class SpotSimulatorTest {
    static final String KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    ManualClock clock;
    SpotSimulator sim;
    SimTestClients.Rest rest;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2030-01-01T00:00:00.500Z"));
        sim = SpotSimulator.start(SimConfig.defaults().withClock(clock));
        sim.addHmacAccount(KEY, SECRET);
        rest = new SimTestClients.Rest(sim.restBaseUri(), KEY, SECRET, null, clock::millis);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    static Map<String, String> limit(String cid) {
        return params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01000", "price", "20000.00", "newClientOrderId", cid);
    }

    static JsonNode body(HttpResponse<String> r) {
        return json(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, int code) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, body(r).path("code").asInt(), r.body());
        assertTrue(r.headers().firstValue("X-MBX-USED-WEIGHT-1M").isPresent(), "weight header on errors");
    }

    @Test
    void signingMatchesFactSheetVectors() {
        String p1 = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";
        byte[] secret = SECRET.getBytes();
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", Engine.hmacHex(secret, p1));
        String p2 = "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertEquals("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", Engine.hmacHex(secret, p2));
        Map<String, String> ws = params("symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01000000", "price", "52000.00", "recvWindow", "100", "timestamp", "1645423376532",
                "apiKey", KEY, "signature", "ignored");
        assertEquals("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24",
                Engine.hmacHex(secret, Engine.wsPayload(ws)));
        ws.put("symbol", "１２３４５６");
        ws.put("side", "BUY");
        ws.put("quantity", "1.00000000");
        ws.put("price", "0.10000000");
        ws.put("recvWindow", "5000");
        assertEquals("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd",
                Engine.hmacHex(secret, Engine.wsPayload(ws)));
        assertEquals("a=1&b=2", RestFront.withoutSignature("a=1&signature=abc&b=2"));
    }

    @Test
    void restSignedRoundTrip() throws Exception {
        HttpResponse<String> info = rest.unsigned("GET", "/api/v3/exchangeInfo", params("symbol", "ETHUSDT"));
        assertEquals(200, info.statusCode());
        assertEquals("ETHUSDT", body(info).at("/symbols/0/symbol").asText());
        assertEquals(4, body(info).get("rateLimits").size());
        assertEquals("20", info.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        assertEquals(clock.millis(), body(rest.unsigned("GET", "/api/v3/time", Map.of())).get("serverTime").asLong());

        HttpResponse<String> placed = rest.signed("POST", "/api/v3/order", limit("rt-1"));
        assertEquals(200, placed.statusCode(), placed.body());
        JsonNode o = body(placed);
        assertEquals("NEW", o.get("status").asText());
        assertEquals("0.01000000", o.get("origQty").asText());
        assertTrue(o.get("fills").isArray());
        assertEquals("1", placed.headers().firstValue("X-MBX-ORDER-COUNT-10S").orElseThrow());
        assertEquals("1", placed.headers().firstValue("X-MBX-ORDER-COUNT-1D").orElseThrow());
        long orderId = o.get("orderId").asLong();

        JsonNode q = body(rest.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "rt-1")));
        assertEquals(orderId, q.get("orderId").asLong());
        assertEquals("NEW", q.get("status").asText());
        assertEquals(1, body(rest.signed("GET", "/api/v3/openOrders", params("symbol", "BTCUSDT"))).size());

        HttpResponse<String> canceled = rest.signed("DELETE", "/api/v3/order",
                params("symbol", "BTCUSDT", "orderId", Long.toString(orderId)));
        assertEquals(200, canceled.statusCode(), canceled.body());
        assertEquals("CANCELED", body(canceled).get("status").asText());
        assertEquals("rt-1", body(canceled).get("origClientOrderId").asText());
        assertEquals("CANCELED", body(rest.signed("GET", "/api/v3/order",
                params("symbol", "BTCUSDT", "orderId", Long.toString(orderId)))).get("status").asText());

        HttpResponse<String> market = rest.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "SELL",
                "type", "MARKET", "quantity", "0.001", "newClientOrderId", "rt-2"));
        assertEquals("FILLED", body(market).get("status").asText(), market.body());
        assertEquals(1, body(market).get("fills").size());
        assertEquals("0.00100000", body(market).get("executedQty").asText());

        assertEquals("{}", rest.signed("POST", "/api/v3/order/test", limit("t-1")).body());
        assertEquals("SPOT", body(rest.signed("GET", "/api/v3/account", Map.of())).get("accountType").asText());
        JsonNode counts = body(rest.signed("GET", "/api/v3/rateLimit/order", Map.of()));
        assertEquals(2, counts.get(0).get("count").asInt());
        // exchangeInfo 20, time 1, order 1, query 4, openOrders 6, cancel 1, query 4, order 1, test 1,
        // account 20, rateLimit/order 40, ping 1
        assertEquals("100", rest.unsigned("GET", "/api/v3/ping", Map.of())
                .headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());

        Ledger l = sim.ledger();
        assertEquals(List.of("CANCELED", "FILLED"), l.orders(KEY).stream().map(Ledger.OrderRecord::status).toList());
        assertTrue(l.order(KEY, "rt-2").orElseThrow().executed());
        assertEquals(2, l.orderAttempts(KEY).size());
        assertEquals(2, l.requests("POST /api/v3/order"));
        assertEquals(404, rest.unsigned("GET", "/api/v3/nope", Map.of()).statusCode());
    }

    @Test
    void ed25519RestSignature() throws Exception {
        KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        sim.addEd25519Account("ed-key", kp.getPublic());
        SimTestClients.Rest ed = new SimTestClients.Rest(sim.restBaseUri(), "ed-key", null, kp.getPrivate(), clock::millis);
        HttpResponse<String> r = ed.signed("POST", "/api/v3/order", limit("ed-1"));
        assertEquals(200, r.statusCode(), r.body());
        String q = SimTestClients.Rest.query(params("symbol", "BTCUSDT", "timestamp", Long.toString(clock.millis())));
        String otherSig = ed.sign(q + "&x=1");
        assertError(ed.raw("GET", "/api/v3/openOrders", q + "&signature=" + otherSig, "ed-key"), 400, -1022);
        assertTrue(sim.ledger().order("ed-key", "ed-1").isPresent());
    }

    @Test
    void authAndValidationErrors() throws Exception {
        String q = SimTestClients.Rest.query(params("symbol", "BTCUSDT", "timestamp", Long.toString(clock.millis())));
        assertError(rest.raw("GET", "/api/v3/openOrders", q + "&signature=" + "0".repeat(64), KEY), 400, -1022);
        assertError(rest.raw("GET", "/api/v3/openOrders", q + "&signature=" + rest.sign(q), "nobody"), 401, -2015);
        assertError(rest.raw("GET", "/api/v3/openOrders", q + "&signature=" + rest.sign(q), null), 401, -2014);
        // expired and future timestamps (recvWindow default 5000; 1000 ms ahead is too far)
        assertError(rest.signed("GET", "/api/v3/openOrders", params("timestamp", Long.toString(clock.millis() - 5001))),
                400, -1021);
        assertEquals(200, rest.signed("GET", "/api/v3/openOrders",
                params("timestamp", Long.toString(clock.millis() - 5000))).statusCode());
        assertError(rest.signed("GET", "/api/v3/openOrders", params("timestamp", Long.toString(clock.millis() + 1000))),
                400, -1021);
        assertEquals(200, rest.signed("GET", "/api/v3/openOrders",
                params("recvWindow", "60000", "timestamp", Long.toString(clock.millis() - 59000))).statusCode());
        assertError(rest.signed("GET", "/api/v3/openOrders", params("recvWindow", "60001")), 400, -1102);
        assertError(rest.raw("GET", "/api/v3/openOrders", "symbol=BTCUSDT&signature=00", KEY), 400, -1102);
        assertError(rest.signed("POST", "/api/v3/order", params("symbol", "XYZ", "side", "BUY", "type", "MARKET",
                "quantity", "1")), 400, -1121);
        assertError(rest.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "quantity", "1")), 400, -1102);
        assertError(rest.signed("POST", "/api/v3/order", params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "20000.005")), 400, -1013);
        assertError(rest.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", "none")),
                400, -2013);
        assertError(rest.signed("DELETE", "/api/v3/order", params("symbol", "BTCUSDT", "orderId", "42")), 400, -2011);
        assertTrue(sim.ledger().orders(KEY).isEmpty());
    }

    @Test
    void duplicateClientOrderIdIsRejectedButRecorded() throws Exception {
        assertEquals(200, rest.signed("POST", "/api/v3/order", limit("dup-1")).statusCode());
        HttpResponse<String> again = rest.signed("POST", "/api/v3/order", limit("dup-1"));
        assertError(again, 400, -2010);
        assertEquals("Duplicate order sent.", body(again).get("msg").asText());
        assertEquals(200, rest.signed("DELETE", "/api/v3/order",
                params("symbol", "BTCUSDT", "origClientOrderId", "dup-1")).statusCode());
        assertEquals(200, rest.signed("POST", "/api/v3/order", limit("dup-1")).statusCode(), "reusable once closed");

        Ledger l = sim.ledger();
        assertEquals(1, l.duplicateClientOrderIdAttempts());
        assertEquals(3, l.orderAttempts(KEY).size());
        assertEquals(-2010, l.orderAttempts(KEY).get(1).errorCode());
        assertEquals(List.of("CANCELED", "NEW"), l.ordersWithClientOrderId(KEY, "dup-1").stream()
                .map(Ledger.OrderRecord::status).toList());
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "PARTIAL_409")
    void eachRestFaultOnce(Fault fault) throws Exception {
        String cid = "f-" + fault.ordinal();
        sim.faults().next(Match.rest("POST", "/api/v3/order").withClientOrderId(cid), fault);
        rest.timeout = Duration.ofMillis(fault == Fault.EXECUTE_THEN_NO_REPLY ? 400 : 5000);
        HttpResponse<String> r = null;
        Exception failure = null;
        try {
            r = rest.signed("POST", "/api/v3/order", limit(cid));
        } catch (IOException e) {
            failure = e;
        }
        rest.timeout = Duration.ofSeconds(5);
        switch (fault) {
            case EXECUTE_THEN_500:
                assertEquals(500, r.statusCode());
                assertEquals("", r.body());
                break;
            case EXECUTE_THEN_503_HTML:
                assertEquals(503, r.statusCode());
                assertTrue(r.body().startsWith("<html>"));
                assertEquals("text/html", r.headers().firstValue("Content-Type").orElseThrow());
                break;
            case EXECUTE_THEN_1007:
                assertEquals(408, r.statusCode());
                assertEquals(-1007, body(r).get("code").asInt());
                break;
            case EXECUTE_THEN_1006:
            case NO_EXECUTE_500:
                assertError(r, 500, fault == Fault.NO_EXECUTE_500 ? -1000 : -1006);
                break;
            case EXECUTE_THEN_DROP:
            case EXECUTE_THEN_FIN:
            case EXECUTE_THEN_RST:
                assertNotNull(failure, "connection should drop");
                break;
            case EXECUTE_THEN_NO_REPLY:
                assertTrue(failure instanceof HttpTimeoutException, String.valueOf(failure));
                break;
            case RATE_LIMIT_429:
                assertError(r, 429, -1015);
                assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
                break;
            case BAN_418:
                assertError(r, 418, -1003);
                assertEquals("120", r.headers().firstValue("Retry-After").orElseThrow());
                assertError(rest.unsigned("GET", "/api/v3/ping", Map.of()), 418, -1003);
                assertEquals(1, sim.ledger().requestsDuringBan());
                clock.advance(Duration.ofMinutes(2));
                break;
            case WAF_403_HTML:
                assertEquals(403, r.statusCode());
                assertTrue(r.body().contains("403 Forbidden"));
                break;
            default:
                throw new AssertionError(fault);
        }
        List<Ledger.FaultRecord> recorded = sim.ledger().faults();
        assertEquals(1, recorded.size());
        assertEquals(fault, recorded.get(0).fault());
        assertEquals(cid, recorded.get(0).clientOrderId());
        assertEquals(fault.executes(), recorded.get(0).executed());
        assertEquals(fault.executes(), sim.ledger().order(KEY, cid).isPresent());
        // the reconciliation a client should do: query instead of resending
        HttpResponse<String> q = rest.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "origClientOrderId", cid));
        assertEquals(fault.executes() ? 200 : 400, q.statusCode(), q.body());
    }

    @Test
    void weight429ThenBan418AndRequestsDuringBanAreCounted() throws Exception {
        sim.limits(SimLimits.defaults().withWeightPerMinute(3));
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> ok = rest.unsigned("GET", "/api/v3/ping", Map.of());
            assertEquals(200, ok.statusCode());
            assertEquals(Integer.toString(i), ok.headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        }
        HttpResponse<String> limited = rest.unsigned("GET", "/api/v3/ping", Map.of());
        assertError(limited, 429, -1003);
        assertEquals("60", limited.headers().firstValue("Retry-After").orElseThrow()); // until the minute rolls
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> banned = rest.unsigned("GET", "/api/v3/time", Map.of()); // ignored Retry-After
        assertError(banned, 418, -1003);
        assertTrue(body(banned).get("msg").asText().startsWith("Way too much request weight used; IP banned until "));
        assertEquals("120", banned.headers().firstValue("Retry-After").orElseThrow());
        assertError(rest.unsigned("GET", "/api/v3/ping", Map.of()), 418, -1003);
        assertError(rest.signed("POST", "/api/v3/order", limit("during-ban")), 418, -1003);
        assertEquals(2, sim.ledger().requestsDuringBan());
        assertTrue(sim.ledger().order(KEY, "during-ban").isEmpty());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(200, rest.unsigned("GET", "/api/v3/ping", Map.of()).statusCode());
    }

    @Test
    void orderCountLimitGives429With1015() throws Exception {
        sim.limits(SimLimits.defaults().withOrdersPer10s(2));
        assertEquals(200, rest.signed("POST", "/api/v3/order", limit("oc-1")).statusCode());
        assertEquals(200, rest.signed("POST", "/api/v3/order", limit("oc-2")).statusCode());
        HttpResponse<String> r = rest.signed("POST", "/api/v3/order", limit("oc-3"));
        assertError(r, 429, -1015);
        assertEquals("10", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("2", r.headers().firstValue("X-MBX-ORDER-COUNT-10S").orElseThrow());
        assertTrue(sim.ledger().order(KEY, "oc-3").isEmpty());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(200, rest.signed("POST", "/api/v3/order", limit("oc-3")).statusCode());
    }

    static Map<String, String> replace(String mode, String cancelCid, String newCid) {
        Map<String, String> p = limit(newCid);
        p.put("cancelReplaceMode", mode);
        p.put("cancelOrigClientOrderId", cancelCid);
        return p;
    }

    @Test
    void cancelReplaceShapes() throws Exception {
        String path = "/api/v3/order/cancelReplace";
        rest.signed("POST", "/api/v3/order", limit("cr-a"));

        HttpResponse<String> ok = rest.signed("POST", path, replace("STOP_ON_FAILURE", "cr-a", "cr-b"));
        assertEquals(200, ok.statusCode(), ok.body());
        JsonNode d = body(ok);
        assertEquals("SUCCESS", d.get("cancelResult").asText());
        assertEquals("SUCCESS", d.get("newOrderResult").asText());
        assertEquals("CANCELED", d.at("/cancelResponse/status").asText());
        assertEquals("cr-b", d.at("/newOrderResponse/clientOrderId").asText());
        assertTrue(ok.headers().firstValue("X-MBX-ORDER-COUNT-10S").isPresent());

        HttpResponse<String> stop = rest.signed("POST", path, replace("STOP_ON_FAILURE", "missing", "cr-x"));
        assertError(stop, 400, -2022);
        d = body(stop).get("data");
        assertEquals("FAILURE", d.get("cancelResult").asText());
        assertEquals("NOT_ATTEMPTED", d.get("newOrderResult").asText());
        assertEquals(-2011, d.at("/cancelResponse/code").asInt());
        assertTrue(d.get("newOrderResponse").isNull());

        HttpResponse<String> allow = rest.signed("POST", path, replace("ALLOW_FAILURE", "missing", "cr-c"));
        assertError(allow, 409, -2021);
        d = body(allow).get("data");
        assertEquals("FAILURE", d.get("cancelResult").asText());
        assertEquals("SUCCESS", d.get("newOrderResult").asText());
        assertTrue(d.at("/newOrderResponse/orderId").isIntegralNumber());

        HttpResponse<String> both = rest.signed("POST", path, replace("ALLOW_FAILURE", "missing", "cr-c")); // dup
        assertError(both, 400, -2022);
        d = body(both).get("data");
        assertEquals(-2011, d.at("/cancelResponse/code").asInt());
        assertEquals(-2010, d.at("/newOrderResponse/code").asInt());

        sim.faults().next(Match.op("order.cancelReplace"), Fault.PARTIAL_409);
        HttpResponse<String> partial = rest.signed("POST", path, replace("STOP_ON_FAILURE", "cr-b", "cr-d"));
        assertError(partial, 409, -2021);
        d = body(partial).get("data");
        assertEquals("SUCCESS", d.get("cancelResult").asText());
        assertEquals("FAILURE", d.get("newOrderResult").asText());
        assertEquals(-2010, d.at("/newOrderResponse/code").asInt());
        assertEquals("CANCELED", sim.ledger().order(KEY, "cr-b").orElseThrow().status());
        assertTrue(sim.ledger().order(KEY, "cr-d").isEmpty());
        assertTrue(sim.ledger().faults().get(0).executed());

        assertError(rest.signed("POST", path, params("symbol", "BTCUSDT")), 400, -1102);
        assertEquals(List.of("CANCELED", "CANCELED", "NEW"),
                sim.ledger().orders(KEY).stream().map(Ledger.OrderRecord::status).toList());
    }

    @Test
    void faultPlanMatchingAndSeededRandomness() {
        Match.RequestInfo place = new Match.RequestInfo(Transport.REST, "POST /api/v3/order", "order.place", Set.of("a"));
        Match.RequestInfo wsPlace = new Match.RequestInfo(Transport.WS, "order.place", "order.place", Set.of("b"));
        Match.RequestInfo ping = new Match.RequestInfo(Transport.WS, "ping", "ping", Set.of());

        FaultPlan plan = new FaultPlan().next(Match.ws("order.place"), Fault.EXECUTE_THEN_500, 2);
        assertEquals(null, plan.decide(place));
        assertEquals(Fault.EXECUTE_THEN_500, plan.decide(wsPlace));
        assertEquals(Fault.EXECUTE_THEN_500, plan.decide(wsPlace));
        assertEquals(null, plan.decide(wsPlace));
        plan.next(Match.anyOrderMutation().withClientOrderId("a"), Fault.PARTIAL_409); // not applicable to place
        assertEquals(null, plan.decide(place));
        assertEquals(1, plan.pendingScripted());

        List<Fault> faults = List.of(Fault.EXECUTE_THEN_DROP, Fault.NO_EXECUTE_500, Fault.PARTIAL_409);
        List<Fault> first = new ArrayList<>();
        List<Fault> second = new ArrayList<>();
        FaultPlan a = new FaultPlan().random(42, 0.35, Match.anyOrderMutation(), faults);
        FaultPlan b = new FaultPlan().random(42, 0.35, Match.anyOrderMutation(), faults);
        for (int i = 0; i < 400; i++) {
            assertEquals(null, a.decide(ping));
            first.add(a.decide(place));
            second.add(b.decide(place));
        }
        assertEquals(first, second);
        long hits = first.stream().filter(f -> f != null).count();
        assertTrue(hits > 100 && hits < 180, "about 35% of 400: " + hits);
        assertFalse(first.contains(Fault.PARTIAL_409));
    }
}
