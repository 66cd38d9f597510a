package io.spotsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.ws.api.WsMethods;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The x-spot-echo declarations of both specs, as generated: the WebSocket side is checked by the template (every
 * param named exists); the REST side must say the same as its WebSocket twin, and every call that names an order
 * (it creates a client id, or looks one up) must declare that its result echoes it.
 */
class EchoDeclarationsTest {

  static Map<String, OperationDescriptor<?>> restOperations() throws IllegalAccessException {
    Map<String, OperationDescriptor<?>> byName = new HashMap<>();
    for (Class<?> api : List.of(MarketApi.class, TradeApi.class, AccountApi.class)) {
      for (Field f : api.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == OperationDescriptor.class) {
          OperationDescriptor<?> op = (OperationDescriptor<?>) f.get(null);
          byName.put(op.name(), op);
        }
      }
    }
    return byName;
  }

  @Test
  void restEchoesAreTheSameAsTheirWebSocketTwins() throws Exception {
    Map<String, OperationDescriptor<?>> rest = restOperations();
    Set<String> checked = new HashSet<>();
    for (WsMethodDescriptor<?> ws : WsMethods.ALL) {
      if (ws.restTwin() == null) {
        continue;
      }
      OperationDescriptor<?> twin = rest.get(ws.restTwin());
      assertNotNull(twin, ws + " names REST twin " + ws.restTwin());
      assertEquals(ws.echoes(), twin.echoes(), ws + " and " + twin + " must declare the same x-spot-echo");
      checked.add(twin.name());
    }
    for (OperationDescriptor<?> op : rest.values()) {
      assertTrue(op.echoes().isEmpty() || checked.contains(op.name()), op + " declares echoes but has no WebSocket twin to check them");
    }
  }

  @Test
  void everyCallThatNamesAnOrderDeclaresTheEcho() throws Exception {
    List<CallDescriptor<?>> all = new java.util.ArrayList<>(restOperations().values());
    all.addAll(WsMethods.ALL);
    int declaring = 0;
    for (CallDescriptor<?> c : all) {
      Set<String> echoed = new HashSet<>();
      c.echoes().forEach(e -> echoed.add(e.param()));
      for (String id : c.clientIdParams()) {
        assertTrue(echoed.contains(id), c + " creates " + id + " but does not declare that its result echoes it");
      }
      if (c.changesState() && !c.clientIdParams().isEmpty()) {
        assertTrue(echoed.contains("symbol"), c + " must echo the symbol");
      }
      declaring += c.echoes().isEmpty() ? 0 : 1;
    }
    assertEquals(30, declaring, "place, status, cancel, cancelReplace, the six list placements, list cancel and status, SOR,"
        + " amend and account commission, on both transports");
    assertFalse(WsMethods.ORDER_STATUS.echoes().stream().noneMatch(e -> e.param().equals("origClientOrderId")),
        "a status query by client id checks the id of the order it gets back");
  }
}
