package io.spotsdk.testkit;

import static io.spotsdk.testkit.SimTestClients.json;
import static io.spotsdk.testkit.SimTestClients.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market data over raw HTTP: fixed values, the spec's weights in the usage header, Binance's errors. */
class MarketDataTest {
    ManualClock clock;
    SpotSimulator sim;
    SimTestClients.Rest rest;

    @BeforeEach
    void start() {
        clock = new ManualClock(Instant.parse("2030-01-01T00:00:00.500Z"));
        sim = SpotSimulator.start(SimConfig.defaults().withClock(clock));
        rest = new SimTestClients.Rest(sim.restBaseUri(), null, null, null, clock::millis);
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    HttpResponse<String> get(String path, Map<String, String> p) throws Exception {
        return rest.unsigned("GET", path, p);
    }

    @Test
    void theDataIsFixedWhateverTheClock() throws Exception {
        String depth = get("/api/v3/depth", params("symbol", "BTCUSDT", "limit", "2")).body();
        String klines = get("/api/v3/klines", params("symbol", "ETHUSDT", "interval", "5m", "limit", "2")).body();
        clock.advance(java.time.Duration.ofDays(3));
        assertEquals(depth, get("/api/v3/depth", params("symbol", "BTCUSDT", "limit", "2")).body());
        assertEquals(klines, get("/api/v3/klines", params("symbol", "ETHUSDT", "interval", "5m", "limit", "2")).body());
        JsonNode trade = json(get("/api/v3/trades", params("symbol", "BTCUSDT", "limit", "1")).body()).get(0);
        assertEquals(1000, trade.get("id").asInt());
        assertEquals(MarketData.EPOCH + 999_000L, trade.get("time").asLong());
        JsonNode book = json(depth);
        assertEquals(PINNED_BEST_BID, book.get("bids").get(0).get(0).asText());
    }

    /** Pinned so that a change to the generator shows: tests elsewhere may rely on the exact tape. */
    static final String PINNED_BEST_BID = "50001.79000000";

    @Test
    void usageCountsTheSpecsWeights() throws Exception {
        assertEquals("250", get("/api/v3/depth", params("symbol", "BTCUSDT", "limit", "5000"))
                .headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        assertEquals("254", get("/api/v3/ticker/price", params()).headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow());
        assertEquals("454", get("/api/v3/ticker", params("symbols", "[" + "\"BTCUSDT\",".repeat(60) + "\"ETHUSDT\"]"))
                .headers().firstValue("X-MBX-USED-WEIGHT-1M").orElseThrow(), "4 per symbol, capped at 200");
    }

    @Test
    void refusalsAreBinances() throws Exception {
        HttpResponse<String> r = get("/api/v3/depth", params("symbol", "NOPE"));
        assertEquals(400, r.statusCode());
        assertEquals(-1121, json(r.body()).get("code").asInt());
        r = get("/api/v3/ticker/tradingDay", params());
        assertEquals(400, r.statusCode());
        assertEquals(-1102, json(r.body()).get("code").asInt());
        r = get("/api/v3/klines", params("symbol", "BTCUSDT", "interval", "7m"));
        assertEquals(-1120, json(r.body()).get("code").asInt());
    }
}
