package io.spotsdk.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.AggTrade;
import io.spotsdk.model.BookTicker;
import io.spotsdk.model.Kline;
import io.spotsdk.model.OrderBook;
import io.spotsdk.model.PriceLevel;
import io.spotsdk.model.PriceTicker;
import io.spotsdk.model.TickerStatistics;
import io.spotsdk.model.Trade;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.ws.api.DepthParams;
import io.spotsdk.ws.api.KlinesParams;
import io.spotsdk.ws.api.TickerBookParams;
import io.spotsdk.ws.api.TickerPriceParams;
import io.spotsdk.ws.api.TradesAggregateParams;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Market data as a user reads it, from the simulator over both transports: typed, decimals exact, klines and book
 * levels decoded from their positional arrays, a ticker asked by one symbol read as a list of one, and the REST and
 * WebSocket answers equal (the simulator's data is deterministic).
 */
class MarketDataSimulatorTest {
  static SpotSimulator sim;
  static SpotRestClient rest;
  static SpotWsApiClient ws;

  @BeforeAll
  static void start() {
    sim = SpotSimulator.start();
    rest = SpotRestClient.builder().environment(sim.environment()).build();
    ws = SpotWsApiClient.builder().environment(sim.environment()).connect();
  }

  @AfterAll
  static void stop() {
    ws.close();
    rest.close();
    sim.close();
  }

  @Test
  void depthLevelsAreBigDecimalsBestFirstAndTheSameOverBothTransports() {
    OrderBook book = rest.market().depth(new MarketApi.DepthRequest().symbol("BTCUSDT").limit(5)).orThrow();
    assertEquals(5, book.bids().size());
    assertEquals(5, book.asks().size());
    PriceLevel bestBid = book.bids().get(0);
    PriceLevel bestAsk = book.asks().get(0);
    assertEquals(8, bestBid.price().scale(), "decimals exactly as sent");
    assertTrue(bestBid.price().compareTo(bestAsk.price()) < 0, "bid below ask");
    assertTrue(book.bids().get(1).price().compareTo(bestBid.price()) < 0, "bids best (highest) first");
    assertTrue(book.asks().get(1).price().compareTo(bestAsk.price()) > 0, "asks best (lowest) first");
    assertTrue(bestBid.quantity().signum() > 0);

    OrderBook overWs = ws.blocking().depth(new DepthParams().symbol("BTCUSDT").limit(5)).orThrow();
    assertEquals(book, overWs);
  }

  @Test
  void klinesDecodeFromTheirArrays() {
    List<Kline> klines = rest.market().klines(new MarketApi.KlinesRequest().symbol("ETHUSDT").interval("1m").limit(3)).orThrow();
    assertEquals(3, klines.size());
    for (Kline k : klines) {
      assertEquals(k.openTime() + 59_999, k.closeTime());
      assertTrue(k.high().compareTo(k.low()) >= 0);
      assertTrue(k.high().compareTo(k.open()) >= 0 && k.low().compareTo(k.close()) <= 0);
      assertEquals(12, k.raw().size(), "every item kept");
    }
    // one trade a second for 1,000 seconds: full minutes, then the 40 trades of the last one
    assertEquals(List.of(60L, 60L, 40L), klines.stream().map(Kline::tradeCount).toList());
    assertTrue(klines.get(0).openTime() < klines.get(1).openTime(), "oldest first");
    List<Kline> overWs = ws.blocking().klines(new KlinesParams().symbol("ETHUSDT").interval("1m").limit(3)).orThrow();
    assertEquals(klines, overWs);
  }

  @Test
  void aTickerAskedByOneSymbolIsAListOfOne() {
    List<PriceTicker> one = rest.market().tickerPrice(new MarketApi.TickerPriceRequest().symbol("BTCUSDT")).orThrow();
    assertEquals(1, one.size());
    assertEquals("BTCUSDT", one.get(0).symbol());
    List<PriceTicker> all = rest.market().tickerPrice().orThrow();
    assertEquals(2, all.size());
    assertEquals(one.get(0), all.stream().filter(t -> t.symbol().equals("BTCUSDT")).findFirst().orElseThrow());

    List<PriceTicker> wsOne = ws.blocking().tickerPrice(new TickerPriceParams().symbol("BTCUSDT")).orThrow();
    assertEquals(one, wsOne);
    List<PriceTicker> wsTwo = ws.blocking().tickerPrice(new TickerPriceParams().symbols(List.of("ETHUSDT", "BTCUSDT"))).orThrow();
    assertEquals(List.of("ETHUSDT", "BTCUSDT"), wsTwo.stream().map(PriceTicker::symbol).toList(), "symbols sent as one JSON array");

    BookTicker book = ws.blocking().tickerBook(new TickerBookParams().symbol("ETHUSDT")).orThrow().get(0);
    assertTrue(book.bidPrice().compareTo(book.askPrice()) < 0);

    TickerStatistics day = rest.market().ticker24hr(new MarketApi.Ticker24hrRequest().symbol("BTCUSDT")).orThrow().get(0);
    assertEquals(1000L, day.count());
    assertEquals(one.get(0).price(), day.lastPrice());
  }

  @Test
  void tradesAndAggregateTradesAgree() {
    List<Trade> recent = rest.market().trades(new MarketApi.TradesRequest().symbol("BTCUSDT").limit(10)).orThrow();
    assertEquals(10, recent.size());
    assertEquals(1000L, recent.get(9).id(), "the most recent last");
    List<AggTrade> agg = ws.blocking().tradesAggregate(new TradesAggregateParams().symbol("BTCUSDT").fromId(991L).limit(10)).orThrow();
    assertEquals(10, agg.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(recent.get(i).id(), agg.get(i).aggregateTradeId());
      assertEquals(recent.get(i).price(), agg.get(i).price());
      assertEquals(recent.get(i).qty(), agg.get(i).quantity());
      assertEquals(recent.get(i).isBuyerMaker(), agg.get(i).buyerMaker());
    }
  }

  @Test
  void theSameRequestGetsTheSameData() {
    BigDecimal avg1 = rest.market().avgPrice(new MarketApi.AvgPriceRequest().symbol("ETHUSDT")).orThrow().price();
    BigDecimal avg2 = rest.market().avgPrice(new MarketApi.AvgPriceRequest().symbol("ETHUSDT")).orThrow().price();
    assertNotNull(avg1);
    assertEquals(avg1, avg2);
  }
}
