package io.spotsdk.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.AccountCommission;
import io.spotsdk.model.AccountTrade;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.ws.api.AccountCommissionParams;
import io.spotsdk.ws.api.AllOrdersParams;
import io.spotsdk.ws.api.MyTradesParams;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Account queries as a user reads them, from the simulator over both transports: allOrders lists the orders placed,
 * myTrades the fills of the ones that traded, with exact decimals.
 */
class AccountQueriesSimulatorTest {
  SpotSimulator sim;
  SpotRestClient rest;
  SpotWsApiClient ws;

  @BeforeEach
  void start() {
    sim = SpotSimulator.start();
    rest = SpotRestClient.builder().environment(sim.environment()).credentials(sim.credentials()).build();
    ws = SpotWsApiClient.builder().environment(sim.environment()).credentials(sim.credentials()).connect();
  }

  @AfterEach
  void stop() {
    ws.close();
    rest.close();
    sim.close();
  }

  @Test
  void allOrdersAndMyTradesComeFromTheOrdersPlaced() {
    Order resting = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
        .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("40000"))
        .newClientOrderId("rest-limit-1")).orThrow();
    Order filled = rest.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.SELL)
        .type(OrderType.MARKET).quantity(new BigDecimal("0.02")).newClientOrderId("rest-market-1")).orThrow();

    List<Order> all = rest.account().allOrders(new AccountApi.AllOrdersRequest().symbol("BTCUSDT")).orThrow();
    assertEquals(List.of("rest-limit-1", "rest-market-1"), all.stream().map(Order::clientOrderId).toList());
    assertEquals(OrderStatus.NEW, all.get(0).status());
    assertEquals(OrderStatus.FILLED, all.get(1).status());
    assertEquals(all, ws.blocking().allOrders(new AllOrdersParams().symbol("BTCUSDT")).orThrow());
    assertEquals(List.of(), rest.account().allOrders(new AccountApi.AllOrdersRequest().symbol("ETHUSDT")).orThrow());

    List<AccountTrade> trades = rest.account().myTrades(new AccountApi.MyTradesRequest().symbol("BTCUSDT")).orThrow();
    assertEquals(1, trades.size(), "only the market order traded");
    AccountTrade t = trades.get(0);
    assertEquals(filled.orderId(), t.orderId());
    assertEquals(0, new BigDecimal("0.02").compareTo(t.qty()));
    assertEquals(t.price().multiply(t.qty()).setScale(8), t.quoteQty());
    assertEquals(Boolean.FALSE, t.isBuyer());
    assertEquals(trades, ws.blocking().myTrades(new MyTradesParams().symbol("BTCUSDT").orderId(filled.orderId())).orThrow());
    assertTrue(ws.blocking().myTrades(new MyTradesParams().symbol("BTCUSDT").orderId(resting.orderId())).orThrow().isEmpty());

    AccountCommission c = ws.blocking().accountCommission(new AccountCommissionParams().symbol("BTCUSDT")).orThrow();
    assertEquals("BTCUSDT", c.symbol());
    assertEquals(new BigDecimal("0.00100000"), c.standardCommission().maker());
  }
}
