package io.spotsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.ws.api.WsMethods;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every call that changes state says in the spec how an unknown outcome is settled ({@code x-spot-settled-by}),
 * the query it names exists on the same transport, the query takes the key's params, and the call has the params
 * the key takes them from. The WebSocket template checks the same at generation; the REST mustache cannot, so
 * this test walks the generated descriptors.
 */
class SettledByDeclarationsTest {
  @Test
  void everyStateChangingRestOperationDeclaresAQueryThatTakesItsKey() throws Exception {
    Map<String, OperationDescriptor<?>> ops = new HashMap<>();
    for (List<OperationDescriptor<?>> group : List.of(MarketApi.ALL, TradeApi.ALL, AccountApi.ALL)) {
      group.forEach(op -> ops.put(op.name(), op));
    }
    List<String> declaring = new ArrayList<>();
    for (OperationDescriptor<?> op : ops.values()) {
      if (!op.changesState()) {
        assertTrue(op.settlements().isEmpty(), op + " changes nothing, so it has nothing to settle");
        continue;
      }
      assertFalse(op.settlements().isEmpty(), op + " changes state but declares no x-spot-settled-by");
      for (Settlement s : op.settlements()) {
        OperationDescriptor<?> query = ops.get(s.operation());
        assertNotNull(query, op + " is settled by " + s.operation() + ", which is not a REST operation");
        assertFalse(query.changesState(), op + " is settled by " + s.operation() + ", which changes state");
        for (Settlement.KeyParam k : s.key()) {
          String earlier = Settlement.fromPart(k);
          if (earlier != null) {
            int at = op.settlements().indexOf(s);
            assertTrue(op.settlements().subList(0, at).stream().anyMatch(e -> e.part().equals(earlier)),
                op + ": the key of " + s.operation() + " takes " + k.from() + " from no earlier part");
          } else {
            assertTrue(hasParam(op.name(), k.from()), op + " has no param " + k.from() + " for the key of " + s.operation());
          }
          assertTrue(hasParam(query.name(), k.param()), s.operation() + " has no param " + k.param());
        }
        assertEquals(s.effect() == Settlement.Effect.LISTED, !s.match().isEmpty(),
            op + ": LISTED, and only LISTED, names the fields a listed entry must match");
        for (Settlement.KeyParam m : s.match()) {
          assertTrue(hasParam(op.name(), m.from()), op + " has no param " + m.from() + " to match " + m.param());
        }
        if (s.legs() != null) {
          assertNotNull(ops.get(s.legs()), op + " names leg query " + s.legs() + ", which is not a REST operation");
        }
      }
      declaring.add(op.name());
    }
    assertTrue(declaring.containsAll(List.of("newOrder", "cancelOrder", "cancelReplaceOrder", "newOrderListOco",
        "cancelOrderList", "newSorOrder", "amendOrderKeepPriority")), "declaring: " + declaring);
  }

  @Test
  void webSocketTwinsDeclareTheTwinsOfTheirRestSettlements() {
    Map<String, String> restNameOf = new HashMap<>();
    WsMethods.ALL.forEach(m -> restNameOf.put(m.method(), m.restTwin()));
    Map<String, OperationDescriptor<?>> ops = new HashMap<>();
    for (List<OperationDescriptor<?>> group : List.of(MarketApi.ALL, TradeApi.ALL, AccountApi.ALL)) {
      group.forEach(op -> ops.put(op.name(), op));
    }
    for (WsMethodDescriptor<?> m : WsMethods.ALL) {
      if (m.restTwin() == null || !ops.containsKey(m.restTwin())) {
        continue;
      }
      List<Settlement> rest = ops.get(m.restTwin()).settlements();
      assertEquals(rest.size(), m.settlements().size(), m + " and its twin " + m.restTwin() + " settle alike");
      for (int i = 0; i < rest.size(); i++) {
        Settlement w = m.settlements().get(i);
        Settlement r = rest.get(i);
        assertEquals(r.operation(), restNameOf.get(w.operation()), m + ": the settling query's twin");
        assertEquals(r.effect(), w.effect(), m + ": effect");
        assertEquals(r.key(), w.key(), m + ": key");
        assertEquals(r.match(), w.match(), m + ": match");
        assertEquals(r.part(), w.part(), m + ": part");
        assertEquals(r.legs(), w.legs() == null ? null : restNameOf.get(w.legs()), m + ": leg query");
      }
    }
  }

  /** The generated request class of a REST operation has a setter for each of its params. */
  private static boolean hasParam(String operation, String param) {
    String cls = Character.toUpperCase(operation.charAt(0)) + operation.substring(1) + "Request";
    for (Class<?> api : List.of(MarketApi.class, TradeApi.class, AccountApi.class)) {
      for (Class<?> nested : api.getDeclaredClasses()) {
        if (nested.getSimpleName().equals(cls)) {
          for (Method m : nested.getMethods()) {
            if (m.getName().equals(param) && m.getParameterCount() == 1) {
              return true;
            }
          }
          return false;
        }
      }
    }
    return false;
  }
}
