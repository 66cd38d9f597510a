package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.PegOffsetType;
import io.spotsdk.model.PegPriceType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.TradeApi;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Pegged orders: the peg travels on the wire, comes back decoded, and its offset bound is checked before sending. */
class PeggedOrderWireTest extends RestWireSupport {
  private static final String PEGGED_ORDER_JSON = RestOutcomeWireTest.ORDER_JSON.replace("}",
      ",\"pegPriceType\":\"PRIMARY_PEG\",\"pegOffsetType\":\"PRICE_LEVEL\",\"pegOffsetValue\":5,"
          + "\"peggedPrice\":\"87523.83710000\"}");

  private static TradeApi.NewOrderRequest peggedBuy() {
    return new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
        .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("1")).newClientOrderId("abc")
        .pegPriceType(PegPriceType.PRIMARY_PEG).pegOffsetType(PegOffsetType.PRICE_LEVEL).pegOffsetValue(5);
  }

  @Test
  void aPeggedOrderSendsItsPegAndReadsBackThePeggedPrice() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse().withBody(PEGGED_ORDER_JSON)));
    Outcome.Success<Order> s = assertInstanceOf(Outcome.Success.class, client.trade().newOrder(peggedBuy()));
    var request = wm.getAllServeEvents().get(0).getRequest();
    assertEquals("PRIMARY_PEG", sent(request, "pegPriceType"));
    assertEquals("PRICE_LEVEL", sent(request, "pegOffsetType"));
    assertEquals("5", sent(request, "pegOffsetValue"));
    Order o = s.value();
    assertEquals(PegPriceType.PRIMARY_PEG, o.pegPriceType());
    assertEquals(PegOffsetType.PRICE_LEVEL, o.pegOffsetType());
    assertEquals(5, o.pegOffsetValue());
    assertEquals(new BigDecimal("87523.83710000"), o.peggedPrice());
  }

  @Test
  void aPegTypeThisVersionDoesNotKnowStaysVisible() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/order")).willReturn(aResponse()
        .withBody(PEGGED_ORDER_JSON.replace("PRIMARY_PEG", "MIDPOINT_PEG"))));
    Outcome.Success<Order> s = assertInstanceOf(Outcome.Success.class, client.trade().newOrder(peggedBuy()));
    assertEquals(PegPriceType.Value.UNRECOGNIZED, s.value().pegPriceType().value());
    assertEquals("MIDPOINT_PEG", s.value().pegPriceType().wireValue());
  }

  @Test
  void anOffsetBeyondAHundredLevelsIsRefusedBeforeSending() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> client.trade().newOrder(peggedBuy().pegOffsetValue(101)));
    assertEquals("pegOffsetValue", e.parameter());
    assertEquals("maximum 100", e.rule());
    assertEquals(0, wm.getAllServeEvents().size(), "nothing was sent");
  }

  @Test
  void eachLegOfAnOrderListCarriesItsOwnPeg() {
    wm.stubFor(post(urlPathEqualTo("/api/v3/orderList/oco")).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":-1013,\"msg\":\"Filter failure: PRICE_FILTER\"}")));
    client.trade().newOrderListOco(new TradeApi.NewOrderListOcoRequest().symbol("BTCUSDT").side(OrderSide.SELL)
        .quantity(new BigDecimal("0.01")).aboveType(OrderType.LIMIT_MAKER)
        .abovePegPriceType(PegPriceType.MARKET_PEG).belowType(OrderType.STOP_LOSS_LIMIT)
        .belowStopPrice(new BigDecimal("40000")).belowTimeInForce(TimeInForce.GTC)
        .belowPegPriceType(PegPriceType.PRIMARY_PEG).belowPegOffsetType(PegOffsetType.PRICE_LEVEL).belowPegOffsetValue(2));
    var request = wm.getAllServeEvents().get(0).getRequest();
    assertEquals("MARKET_PEG", sent(request, "abovePegPriceType"));
    assertEquals("PRIMARY_PEG", sent(request, "belowPegPriceType"));
    assertEquals("PRICE_LEVEL", sent(request, "belowPegOffsetType"));
    assertEquals("2", sent(request, "belowPegOffsetValue"));
  }
}
