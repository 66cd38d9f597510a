package io.spotsdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.core.CallDescriptor.Echo;
import io.spotsdk.outcome.RequestRecord;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the echo check reads from a result: top-level and dotted paths, arrays followed into every element, a key
 * repeated in one object read as its last value, and which echo a mismatch names when several are declared.
 */
class ReplyEchoTest {
  private static final List<Echo> PLACE = List.of(new Echo("symbol", "symbol"), new Echo("clientOrderId", "newClientOrderId"));

  private static String check(List<Echo> echoes, String result, Map<String, String> sent) throws IOException {
    RequestRecord r = new RequestRecord("op", "REST", sent, 1L, BigDecimal.valueOf(5000), Instant.EPOCH);
    ReplyEcho.Replay replay = result == null ? null : () -> Json.MAPPER.createParser(result);
    return ReplyEcho.mismatch(echoes, replay, () -> r);
  }

  @Test
  void everyEchoHolds() throws IOException {
    assertNull(check(PLACE, "{\"symbol\":\"BTCUSDT\",\"orderId\":7,\"clientOrderId\":\"a1\"}",
        Map.of("symbol", "BTCUSDT", "newClientOrderId", "a1")));
  }

  @Test
  void aParameterNotSentIsNotChecked() throws IOException {
    assertNull(check(PLACE, "{\"symbol\":\"BTCUSDT\",\"clientOrderId\":\"server-made\"}", Map.of("symbol", "BTCUSDT")));
  }

  @Test
  void theFirstDeclaredEchoThatFailsIsNamed() throws IOException {
    String m = check(PLACE, "{\"symbol\":\"ETHUSDT\",\"clientOrderId\":\"zz\"}",
        Map.of("symbol", "BTCUSDT", "newClientOrderId", "a1"));
    assertEquals("the result's symbol is \"ETHUSDT\", not the symbol sent (\"BTCUSDT\")", m);
  }

  @Test
  void aMissingFieldIsNamed() throws IOException {
    String m = check(PLACE, "{\"symbol\":\"BTCUSDT\"}", Map.of("symbol", "BTCUSDT", "newClientOrderId", "a1"));
    assertEquals("the result has no clientOrderId to echo the newClientOrderId sent (\"a1\")", m);
  }

  @Test
  void noResultAtAllEchoesNothing() throws IOException {
    assertTrue(check(PLACE, null, Map.of("symbol", "BTCUSDT")).startsWith("the result has no symbol"));
  }

  @Test
  void dottedPathsReadNestedObjectsAndIntegers() throws IOException {
    List<Echo> echoes = List.of(new Echo("cancelResponse.symbol", "symbol"), new Echo("cancelResponse.orderId", "cancelOrderId"),
        new Echo("newOrderResponse.clientOrderId", "newClientOrderId"));
    String result = "{\"cancelResult\":\"SUCCESS\",\"cancelResponse\":{\"symbol\":\"BTCUSDT\",\"orderId\":42,"
        + "\"nested\":{\"orderId\":1}},\"newOrderResponse\":{\"symbol\":\"BTCUSDT\",\"clientOrderId\":\"n1\"}}";
    assertNull(check(echoes, result, Map.of("symbol", "BTCUSDT", "cancelOrderId", "42", "newClientOrderId", "n1")));
    assertEquals("the result's cancelResponse.orderId is \"42\", not the cancelOrderId sent (\"43\")",
        check(echoes, result, Map.of("symbol", "BTCUSDT", "cancelOrderId", "43", "newClientOrderId", "n1")));
  }

  @Test
  void anArrayIsFollowedIntoEveryElement() throws IOException {
    List<Echo> echoes = List.of(new Echo("symbol", "symbol"), new Echo("orders.clientOrderId", "aboveClientOrderId"));
    String result = "{\"symbol\":\"BTCUSDT\",\"orders\":[{\"clientOrderId\":\"below\"},{\"clientOrderId\":\"above\"}]}";
    assertNull(check(echoes, result, Map.of("symbol", "BTCUSDT", "aboveClientOrderId", "above")));
    assertEquals("the result's orders.clientOrderId is \"below\", not the aboveClientOrderId sent (\"other\")",
        check(echoes, result, Map.of("symbol", "BTCUSDT", "aboveClientOrderId", "other")));
    // a result that is itself a list
    assertNull(check(List.of(new Echo("symbol", "symbol")), "[{\"symbol\":\"ETHUSDT\"},{\"symbol\":\"BTCUSDT\"}]",
        Map.of("symbol", "BTCUSDT")));
  }

  @Test
  void aKeyRepeatedInOneObjectIsReadAsItsLastValue() throws IOException {
    Map<String, String> sent = Map.of("symbol", "BTCUSDT", "newClientOrderId", "a1");
    assertNull(check(PLACE, "{\"symbol\":\"ETHUSDT\",\"clientOrderId\":\"a1\",\"symbol\":\"BTCUSDT\"}", sent));
    assertEquals("the result's symbol is \"ETHUSDT\", not the symbol sent (\"BTCUSDT\")",
        check(PLACE, "{\"symbol\":\"BTCUSDT\",\"clientOrderId\":\"a1\",\"symbol\":\"ETHUSDT\"}", sent));
  }

  @Test
  void aValueThatIsNotTextOrAnIntegerEchoesNothing() throws IOException {
    assertEquals("the result has no symbol to echo the symbol sent (\"BTCUSDT\")",
        check(List.of(new Echo("symbol", "symbol")), "{\"symbol\":{\"symbol\":\"BTCUSDT\"}}", Map.of("symbol", "BTCUSDT")));
    assertEquals("the result has no orderId to echo the orderId sent (\"1.5\")",
        check(List.of(new Echo("orderId", "orderId")), "{\"orderId\":1.5}", Map.of("orderId", "1.5")));
  }

  @Test
  void twoEchoesOnOneFieldAreBothRead() throws IOException {
    List<Echo> echoes = List.of(new Echo("clientOrderId", "newClientOrderId"), new Echo("clientOrderId", "origClientOrderId"));
    assertNull(check(echoes, "{\"clientOrderId\":\"c\"}", Map.of("newClientOrderId", "c", "origClientOrderId", "c")));
    assertEquals("the result's clientOrderId is \"c\", not the origClientOrderId sent (\"d\")",
        check(echoes, "{\"clientOrderId\":\"c\"}", Map.of("newClientOrderId", "c", "origClientOrderId", "d")));
  }
}
