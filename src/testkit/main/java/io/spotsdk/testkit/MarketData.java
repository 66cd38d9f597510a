package io.spotsdk.testkit;

import static io.spotsdk.testkit.Engine.fmt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Market data of the simulated symbols, for every market data route of the spec (REST and WebSocket alike): a book,
 * 1,000 trades, 50 block trades and klines per symbol, all derived from a seed fixed per symbol and a fixed epoch,
 * never from the clock or the orders placed. The same request always gets the same bytes, so tests can assert on
 * exact values.
 */
final class MarketData {
    private static final JsonNodeFactory NF = JsonNodeFactory.instance;
    /** 2026-01-01T00:00:00Z: the first trade; trade i is i seconds later. */
    static final long EPOCH = 1_767_225_600_000L;
    static final int TRADES = 1000;
    static final int BLOCK_TRADES = 50;
    static final int BOOK_LEVELS = 5000;

    /** REST "METHOD /path" to the canonical op (the WebSocket method name). */
    static final Map<String, String> REST_OPS = Map.ofEntries(
            Map.entry("GET /api/v3/executionRules", "executionRules"),
            Map.entry("GET /api/v3/depth", "depth"),
            Map.entry("GET /api/v3/trades", "trades.recent"),
            Map.entry("GET /api/v3/historicalTrades", "trades.historical"),
            Map.entry("GET /api/v3/historicalBlockTrades", "blockTrades.historical"),
            Map.entry("GET /api/v3/aggTrades", "trades.aggregate"),
            Map.entry("GET /api/v3/klines", "klines"),
            Map.entry("GET /api/v3/uiKlines", "uiKlines"),
            Map.entry("GET /api/v3/avgPrice", "avgPrice"),
            Map.entry("GET /api/v3/ticker/24hr", "ticker.24hr"),
            Map.entry("GET /api/v3/ticker/tradingDay", "ticker.tradingDay"),
            Map.entry("GET /api/v3/ticker/price", "ticker.price"),
            Map.entry("GET /api/v3/ticker/bookTicker", "ticker.book"),
            Map.entry("GET /api/v3/ticker", "ticker"),
            Map.entry("GET /api/v3/referencePrice", "referencePrice"),
            Map.entry("GET /api/v3/referencePrice/calculation", "referencePrice.calculation"));
    static final List<String> OPS = List.copyOf(new java.util.TreeSet<>(REST_OPS.values()));

    private static final Map<String, Long> INTERVALS = new LinkedHashMap<>();

    static {
        long s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
        INTERVALS.put("1s", s);
        for (int n : new int[] {1, 3, 5, 15, 30}) {
            INTERVALS.put(n + "m", n * m);
        }
        for (int n : new int[] {1, 2, 4, 6, 8, 12}) {
            INTERVALS.put(n + "h", n * h);
        }
        INTERVALS.put("1d", d);
        INTERVALS.put("3d", 3 * d);
        INTERVALS.put("1w", 7 * d);
        INTERVALS.put("1M", 30 * d);
    }

    /** One symbol's generated history; made once, read only. */
    private record Tape(List<Trade> trades, List<Trade> blockTrades, List<BigDecimal[]> bids, List<BigDecimal[]> asks) {}

    private record Trade(long id, BigDecimal price, BigDecimal qty, long time, boolean buyerMaker) {
        BigDecimal quoteQty() {
            return price.multiply(qty);
        }
    }

    private static final Map<String, Tape> TAPES = new ConcurrentHashMap<>();

    private MarketData() {}

    /** The weight of a market data op, as the spec's x-spot-weight(-rules) say; null when op is not one. */
    static Integer weight(String op, Map<String, String> p) {
        int symbols = count(p.get("symbols"));
        boolean one = p.get("symbol") != null;
        switch (op) {
            case "executionRules":
                return symbols > 0 ? Math.min(40, 2 * symbols) : one ? 2 : 40;
            case "depth": {
                long limit = number(p.get("limit"), 100);
                return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
            }
            case "trades.recent":
            case "trades.historical":
            case "blockTrades.historical":
                return 25;
            case "trades.aggregate":
                return 4;
            case "klines":
            case "uiKlines":
            case "avgPrice":
            case "referencePrice":
            case "referencePrice.calculation":
                return 2;
            case "ticker.24hr":
                return symbols > 100 ? 80 : symbols > 20 ? 40 : symbols > 0 || one ? 2 : 80;
            case "ticker.tradingDay":
            case "ticker":
                return symbols > 50 ? 200 : symbols > 0 ? 4 * symbols : 4;
            case "ticker.price":
            case "ticker.book":
                return one ? 2 : 4;
            default:
                return null;
        }
    }

    /** The answer to a market data op, or null when op is not one. */
    static Engine.Res handle(Map<String, Engine.SymbolSpec> known, String op, Map<String, String> p) {
        if (!OPS.contains(op)) {
            return null;
        }
        try {
            return answer(known, op, p);
        } catch (Refused r) {
            return r.res;
        }
    }

    /** A request the real server would refuse, with its error. */
    private static final class Refused extends RuntimeException {
        final Engine.Res res;

        Refused(int code, String msg) {
            super(msg, null, false, false);
            this.res = Engine.Res.err(400, code, msg);
        }
    }

    private static Engine.Res answer(Map<String, Engine.SymbolSpec> known, String op, Map<String, String> p) {
        switch (op) {
            case "depth": {
                Tape t = tape(one(known, p));
                int limit = (int) Math.min(number(p.get("limit"), 100), BOOK_LEVELS);
                ObjectNode o = NF.objectNode().put("lastUpdateId", 1_000_000L);
                o.set("bids", levels(t.bids, limit));
                o.set("asks", levels(t.asks, limit));
                return Engine.Res.ok(o);
            }
            case "trades.recent": {
                List<Trade> all = tape(one(known, p)).trades;
                int limit = limit(p);
                return Engine.Res.ok(trades(all.subList(all.size() - Math.min(limit, all.size()), all.size()), true));
            }
            case "trades.historical":
                return Engine.Res.ok(trades(from(tape(one(known, p)).trades, p.get("fromId"), limit(p)), true));
            case "blockTrades.historical": {
                Engine.Res missing = required(p, "fromId");
                if (missing != null) {
                    return missing;
                }
                return Engine.Res.ok(trades(from(tape(one(known, p)).blockTrades, p.get("fromId"), limit(p)), false));
            }
            case "trades.aggregate":
                return Engine.Res.ok(aggTrades(tape(one(known, p)).trades, p));
            case "klines":
            case "uiKlines":
                return Engine.Res.ok(klines(one(known, p), p));
            case "avgPrice": {
                Tape t = tape(one(known, p));
                List<Trade> last = t.trades.subList(t.trades.size() - 300, t.trades.size());
                return Engine.Res.ok(NF.objectNode().put("mins", 5).put("price", fmt(average(last)))
                        .put("closeTime", last.get(last.size() - 1).time));
            }
            case "ticker.24hr":
            case "ticker.tradingDay":
            case "ticker":
            case "ticker.price":
            case "ticker.book":
                return ticker(known, op, p);
            case "referencePrice": {
                Engine.SymbolSpec s = one(known, p);
                return Engine.Res.ok(NF.objectNode().put("symbol", s.symbol()).put("referencePrice", fmt(s.refPrice()))
                        .put("timestamp", EPOCH + TRADES * 1000L));
            }
            case "referencePrice.calculation": {
                Engine.SymbolSpec s = one(known, p);
                return Engine.Res.ok(NF.objectNode().put("symbol", s.symbol()).put("calculationType", "ARITHMETIC_MEAN")
                        .put("bucketCount", 10).put("bucketWidthMs", 1000));
            }
            case "executionRules": {
                ObjectNode o = NF.objectNode();
                ArrayNode rules = o.putArray("symbolRules");
                for (Engine.SymbolSpec s : selected(known, p, true)) {
                    ObjectNode r = rules.addObject().put("symbol", s.symbol());
                    r.putArray("rules").addObject().put("ruleType", "PRICE_RANGE").put("bidLimitMultUp", "1.0001")
                            .put("bidLimitMultDown", "0.9999").put("askLimitMultUp", "1.0001").put("askLimitMultDown", "0.9999");
                }
                return Engine.Res.ok(o);
            }
            default:
                return null;
        }
    }

    // ------------------------------------------------------------------------------------------ tickers

    /** One symbol answers an object; symbols, or none (where the route allows it), a list. */
    private static Engine.Res ticker(Map<String, Engine.SymbolSpec> known, String op, Map<String, String> p) {
        boolean needsOne = op.equals("ticker") || op.equals("ticker.tradingDay");
        if (p.get("symbol") != null && p.get("symbols") != null) {
            throw new Refused(-1128, "Combination of optional parameters invalid.");
        }
        if (needsOne && p.get("symbol") == null && p.get("symbols") == null) {
            throw new Refused(-1102, "Param 'symbol' or 'symbols' must be sent, but both were empty/null!");
        }
        boolean mini = "MINI".equals(p.get("type"));
        if (p.get("symbol") != null) {
            return Engine.Res.ok(tickerOf(op, one(known, p), mini));
        }
        ArrayNode a = NF.arrayNode();
        for (Engine.SymbolSpec s : selected(known, p, false)) {
            a.add(tickerOf(op, s, mini));
        }
        return Engine.Res.ok(a);
    }

    private static ObjectNode tickerOf(String op, Engine.SymbolSpec s, boolean mini) {
        Tape t = tape(s);
        ObjectNode o = NF.objectNode().put("symbol", s.symbol());
        if (op.equals("ticker.price")) {
            return o.put("price", fmt(t.trades.get(TRADES - 1).price));
        }
        if (op.equals("ticker.book")) {
            return o.put("bidPrice", fmt(t.bids.get(0)[0])).put("bidQty", fmt(t.bids.get(0)[1]))
                    .put("askPrice", fmt(t.asks.get(0)[0])).put("askQty", fmt(t.asks.get(0)[1]));
        }
        Trade first = t.trades.get(0);
        Trade last = t.trades.get(TRADES - 1);
        BigDecimal high = first.price, low = first.price, volume = BigDecimal.ZERO, quote = BigDecimal.ZERO;
        for (Trade tr : t.trades) {
            high = high.max(tr.price);
            low = low.min(tr.price);
            volume = volume.add(tr.qty);
            quote = quote.add(tr.quoteQty());
        }
        if (!mini) {
            BigDecimal change = last.price.subtract(first.price);
            o.put("priceChange", fmt(change))
                    .put("priceChangePercent", change.multiply(BigDecimal.valueOf(100)).divide(first.price, 3, RoundingMode.HALF_UP).toPlainString())
                    .put("weightedAvgPrice", fmt(quote.divide(volume, 8, RoundingMode.HALF_UP)));
            if (op.equals("ticker.24hr")) {
                o.put("prevClosePrice", fmt(first.price)).put("lastQty", fmt(last.qty))
                        .put("bidPrice", fmt(t.bids.get(0)[0])).put("bidQty", fmt(t.bids.get(0)[1]))
                        .put("askPrice", fmt(t.asks.get(0)[0])).put("askQty", fmt(t.asks.get(0)[1]));
            }
        }
        o.put("openPrice", fmt(first.price)).put("highPrice", fmt(high)).put("lowPrice", fmt(low))
                .put("lastPrice", fmt(last.price)).put("volume", fmt(volume)).put("quoteVolume", fmt(quote))
                .put("openTime", first.time).put("closeTime", last.time).put("firstId", first.id).put("lastId", last.id)
                .put("count", TRADES);
        return o;
    }

    // ------------------------------------------------------------------------------------------ trades, klines

    private static ArrayNode trades(List<Trade> list, boolean bestMatch) {
        ArrayNode a = NF.arrayNode();
        for (Trade t : list) {
            ObjectNode o = a.addObject().put("id", t.id).put("price", fmt(t.price)).put("qty", fmt(t.qty))
                    .put("quoteQty", fmt(t.quoteQty())).put("time", t.time).put("isBuyerMaker", t.buyerMaker);
            if (bestMatch) {
                o.put("isBestMatch", true);
            }
        }
        return a;
    }

    /** Every trade is its own aggregate here (no two share a taker order and a millisecond). */
    private static ArrayNode aggTrades(List<Trade> all, Map<String, String> p) {
        long startTime = number(p.get("startTime"), Long.MIN_VALUE);
        long endTime = number(p.get("endTime"), Long.MAX_VALUE);
        List<Trade> picked;
        if (p.get("fromId") != null) {
            picked = from(all, p.get("fromId"), limit(p));
        } else if (p.get("startTime") != null || p.get("endTime") != null) {
            picked = all.stream().filter(t -> t.time >= startTime && t.time <= endTime).limit(limit(p)).toList();
        } else {
            picked = all.subList(all.size() - Math.min(limit(p), all.size()), all.size());
        }
        ArrayNode a = NF.arrayNode();
        for (Trade t : picked) {
            a.addObject().put("a", t.id).put("p", fmt(t.price)).put("q", fmt(t.qty)).put("f", t.id).put("l", t.id)
                    .put("T", t.time).put("m", t.buyerMaker).put("M", true);
        }
        return a;
    }

    /** Klines of the trade tape: empty intervals repeat the previous close with zero volume. */
    private static ArrayNode klines(Engine.SymbolSpec s, Map<String, String> p) {
        Engine.Res missing = required(p, "interval");
        if (missing != null) {
            throw new Refused(-1102, missing.error.get("msg").asText());
        }
        Long width = INTERVALS.get(p.get("interval"));
        if (width == null) {
            throw new Refused(-1120, "Invalid interval.");
        }
        List<Trade> all = tape(s).trades;
        long first = Math.floorDiv(all.get(0).time, width) * width;
        long lastOpen = Math.floorDiv(all.get(all.size() - 1).time, width) * width;
        long from = p.get("startTime") != null ? Math.floorDiv(number(p.get("startTime"), first), width) * width : Long.MIN_VALUE;
        long to = number(p.get("endTime"), Long.MAX_VALUE);
        int limit = limit(p);
        List<ArrayNode> out = new ArrayList<>();
        BigDecimal prevClose = all.get(0).price;
        int i = 0;
        for (long open = first; open <= lastOpen; open += width) {
            BigDecimal o = null, h = null, l = null, c = prevClose, vol = BigDecimal.ZERO, quote = BigDecimal.ZERO;
            BigDecimal takerBase = BigDecimal.ZERO, takerQuote = BigDecimal.ZERO;
            int n = 0;
            for (; i < all.size() && all.get(i).time < open + width; i++) {
                Trade t = all.get(i);
                o = o == null ? t.price : o;
                h = h == null ? t.price : h.max(t.price);
                l = l == null ? t.price : l.min(t.price);
                c = t.price;
                vol = vol.add(t.qty);
                quote = quote.add(t.quoteQty());
                if (!t.buyerMaker) {
                    takerBase = takerBase.add(t.qty);
                    takerQuote = takerQuote.add(t.quoteQty());
                }
                n++;
            }
            if (open < from || open > to) {
                prevClose = c;
                continue;
            }
            ArrayNode k = NF.arrayNode();
            k.add(open).add(fmt(o == null ? prevClose : o)).add(fmt(h == null ? prevClose : h))
                    .add(fmt(l == null ? prevClose : l)).add(fmt(c)).add(fmt(vol)).add(open + width - 1).add(fmt(quote))
                    .add(n).add(fmt(takerBase)).add(fmt(takerQuote)).add("0");
            out.add(k);
            prevClose = c;
        }
        // without startTime the most recent klines, with it the first ones from there
        List<ArrayNode> window = p.get("startTime") != null ? out.subList(0, Math.min(limit, out.size()))
                : out.subList(Math.max(0, out.size() - limit), out.size());
        ArrayNode a = NF.arrayNode();
        window.forEach(a::add);
        return a;
    }

    private static List<Trade> from(List<Trade> all, String fromId, int limit) {
        if (fromId == null) {
            return all.subList(all.size() - Math.min(limit, all.size()), all.size());
        }
        long id = number(fromId, 1);
        return all.stream().filter(t -> t.id >= id).limit(limit).toList();
    }

    private static ArrayNode levels(List<BigDecimal[]> side, int limit) {
        ArrayNode a = NF.arrayNode();
        for (int i = 0; i < limit; i++) {
            a.addArray().add(fmt(side.get(i)[0])).add(fmt(side.get(i)[1]));
        }
        return a;
    }

    private static BigDecimal average(List<Trade> trades) {
        BigDecimal qty = BigDecimal.ZERO, quote = BigDecimal.ZERO;
        for (Trade t : trades) {
            qty = qty.add(t.qty);
            quote = quote.add(t.quoteQty());
        }
        return quote.divide(qty, 8, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------ the tape

    /** A fixed seed per symbol: String.hashCode is specified, so every JVM makes the same tape. */
    private static Tape tape(Engine.SymbolSpec s) {
        return TAPES.computeIfAbsent(s.symbol(), k -> generate(s));
    }

    private static Tape generate(Engine.SymbolSpec s) {
        Random rnd = new Random(0x5107L * 31 + s.symbol().hashCode());
        BigDecimal tick = s.tickSize();
        BigDecimal step = s.stepSize();
        BigDecimal ref = s.refPrice();
        List<Trade> trades = new ArrayList<>(TRADES);
        BigDecimal price = ref;
        for (int i = 1; i <= TRADES; i++) {
            // a bounded random walk of whole ticks around the reference price
            price = price.add(tick.multiply(BigDecimal.valueOf(rnd.nextInt(21) - 10)));
            BigDecimal floor = ref.multiply(new BigDecimal("0.98"));
            BigDecimal ceil = ref.multiply(new BigDecimal("1.02"));
            price = price.max(floor).min(ceil).divide(tick, 0, RoundingMode.DOWN).multiply(tick);
            BigDecimal qty = step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(5000)));
            trades.add(new Trade(i, price, qty, EPOCH + (i - 1) * 1000L, rnd.nextBoolean()));
        }
        List<Trade> blocks = new ArrayList<>(BLOCK_TRADES);
        for (int i = 1; i <= BLOCK_TRADES; i++) {
            Trade t = trades.get(i * (TRADES / BLOCK_TRADES) - 1);
            blocks.add(new Trade(i, t.price, step.multiply(BigDecimal.valueOf(100_000 + rnd.nextInt(100_000))), t.time + 1,
                    rnd.nextBoolean()));
        }
        BigDecimal mid = trades.get(TRADES - 1).price;
        List<BigDecimal[]> bids = new ArrayList<>(BOOK_LEVELS);
        List<BigDecimal[]> asks = new ArrayList<>(BOOK_LEVELS);
        for (int i = 0; i < BOOK_LEVELS; i++) {
            BigDecimal away = tick.multiply(BigDecimal.valueOf(i + 1));
            bids.add(new BigDecimal[] {mid.subtract(away), step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(20_000)))});
            asks.add(new BigDecimal[] {mid.add(away), step.multiply(BigDecimal.valueOf(1 + rnd.nextInt(20_000)))});
        }
        return new Tape(List.copyOf(trades), List.copyOf(blocks), List.copyOf(bids), List.copyOf(asks));
    }

    // ------------------------------------------------------------------------------------------ params

    private static Engine.SymbolSpec one(Map<String, Engine.SymbolSpec> known, Map<String, String> p) {
        String s = p.get("symbol");
        if (s == null || s.isEmpty()) {
            throw new Refused(-1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        Engine.SymbolSpec spec = known.get(s);
        if (spec == null) {
            throw new Refused(-1121, "Invalid symbol.");
        }
        return spec;
    }

    /** symbol, symbols (a JSON array), or every symbol when neither is given. */
    private static List<Engine.SymbolSpec> selected(Map<String, Engine.SymbolSpec> known, Map<String, String> p,
            boolean oneAllowed) {
        if (oneAllowed && p.get("symbol") != null) {
            return List.of(one(known, p));
        }
        if (p.get("symbols") == null) {
            return List.copyOf(known.values());
        }
        List<Engine.SymbolSpec> out = new ArrayList<>();
        try {
            for (JsonNode n : Engine.JSON.readTree(p.get("symbols"))) {
                Engine.SymbolSpec s = known.get(n.asText());
                if (s == null) {
                    throw new Refused(-1121, "Invalid symbol.");
                }
                out.add(s);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Refused(-1100, "Illegal characters found in parameter 'symbols'.");
        }
        return out;
    }

    private static Engine.Res required(Map<String, String> p, String name) {
        String v = p.get(name);
        return v == null || v.isEmpty()
                ? Engine.Res.err(400, -1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.")
                : null;
    }

    private static int limit(Map<String, String> p) {
        long l = number(p.get("limit"), 500);
        if (l < 1) {
            throw new Refused(-1100, "Illegal characters found in parameter 'limit'; legal range is '1'.");
        }
        return (int) Math.min(l, 1000);
    }

    private static long number(String v, long otherwise) {
        if (v == null || v.isEmpty()) {
            return otherwise;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new Refused(-1100, "Illegal characters found in a parameter.");
        }
    }

    private static int count(String jsonArray) {
        if (jsonArray == null) {
            return 0;
        }
        try {
            return Engine.JSON.readTree(jsonArray).size();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0;
        }
    }
}
