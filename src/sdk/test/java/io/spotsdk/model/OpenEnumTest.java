package io.spotsdk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.model.WireEnum;
import io.spotsdk.internal.Json;
import org.junit.jupiter.api.Test;

/** Generated enums are open: a value this version does not know keeps its text. */
class OpenEnumTest {
  @Test
  void anUnknownValueKeepsItsTextInToString() throws Exception {
    Order o = Json.MAPPER.readValue("{\"status\":\"AWAITING_AUCTION\",\"side\":\"BUY\"}", Order.class);
    assertEquals("AWAITING_AUCTION", o.status().toString());
    assertEquals("{\"status\":\"AWAITING_AUCTION\",\"side\":\"BUY\"}", Json.MAPPER.writeValueAsString(o));
  }

  @Test
  void anUnknownValueIsUnrecognizedAndKeepsItsWireValue() throws Exception {
    Order o = Json.MAPPER.readValue("{\"status\":\"AWAITING_AUCTION\"}", Order.class);
    assertEquals(OrderStatus.Value.UNRECOGNIZED, o.status().value());
    assertEquals("AWAITING_AUCTION", o.status().wireValue());
    assertFalse(o.status().isRecognized());
    assertTrue(o.toString().contains("status=AWAITING_AUCTION"), o.toString());
    assertEquals(OrderStatus.fromValue("AWAITING_AUCTION"), o.status(), "equal by wire text");
    assertEquals(OrderStatus.fromValue("AWAITING_AUCTION").hashCode(), o.status().hashCode());
    assertNotEquals(OrderStatus.fromValue("SOMETHING_ELSE"), o.status());
  }

  @Test
  void aKnownValueIsTheCanonicalConstant() throws Exception {
    Order o = Json.MAPPER.readValue("{\"status\":\"FILLED\",\"side\":\"SELL\"}", Order.class);
    assertSame(OrderStatus.FILLED, o.status());
    assertSame(OrderSide.SELL, OrderSide.fromValue("SELL"));
    assertTrue(o.side() == OrderSide.SELL);
    assertEquals(OrderStatus.Value.FILLED, o.status().value());
    assertEquals("FILLED", o.status().wireValue());
    assertTrue(o.status().isRecognized());
    WireEnum asSeam = o.side();
    assertEquals("SELL", asSeam.wireValue());
  }

  @Test
  void switchingCoversUnknownValues() {
    assertEquals("sell", describe(OrderSide.SELL));
    assertEquals("unknown side SHORT", describe(OrderSide.fromValue("SHORT")));
  }

  private static String describe(OrderSide side) {
    switch (side.value()) {
      case BUY:
        return "buy";
      case SELL:
        return "sell";
      default:
        return "unknown side " + side;
    }
  }

  @Test
  void caseMattersAndNullStaysNull() throws Exception {
    assertEquals(OrderSide.Value.UNRECOGNIZED, OrderSide.fromValue("buy").value(), "Binance values are case-sensitive");
    assertNull(OrderSide.fromValue(null));
    assertNull(Json.MAPPER.readValue("{\"side\":null}", Order.class).side());
  }

  @Test
  void knownValuesFollowTheSpec() {
    assertEquals(java.util.List.of(OrderSide.BUY, OrderSide.SELL), OrderSide.knownValues());
    assertEquals(OrderStatus.knownValues().size(), OrderStatus.Value.values().length - 1);
  }

  @Test
  void theSpecDeclaresWhichOrderStatusesAreFinal() {
    java.util.List<OrderStatus> terminal = OrderStatus.knownValues().stream().filter(OrderStatus::isTerminal).toList();
    assertEquals(java.util.List.of(OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.EXPIRED,
        OrderStatus.EXPIRED_IN_MATCH), terminal);
    assertFalse(OrderStatus.fromValue("PENDING_AUCTION_CLOSE").isTerminal(), "an unknown status is not final");
  }
}
