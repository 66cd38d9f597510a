package io.spotsdk.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.ws.api.WsMethods;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The README promises that twins (x-spot-rest-twin) keep their own parameter classes, but that moving a call
 * between transports changes only the class name: every setter of the REST request exists on the WS params class,
 * with the same parameter type.
 */
class TwinParamsTest {

  @Test
  void everyRestSetterOfATwinExistsOnItsWsParamsWithTheSameType() throws Exception {
    List<String> problems = new ArrayList<>();
    int twins = 0;
    for (WsMethodDescriptor<?> ws : WsMethods.ALL) {
      if (ws.restTwin() == null) {
        continue;
      }
      twins++;
      Class<?> rest = restRequestClass(ws.restTwin());
      Class<?> params = Class.forName("io.spotsdk.ws.api." + pascal(ws.method()) + "Params");
      Map<String, Class<?>> wsSetters = setters(params);
      setters(rest).forEach((name, type) -> {
        if (!type.equals(wsSetters.get(name))) {
          problems.add(rest.getSimpleName() + "." + name + "(" + type.getSimpleName() + ") has no twin on "
              + params.getSimpleName() + " (found " + wsSetters.get(name) + ")");
        }
      });
    }
    assertTrue(twins > 0, "no WS method declares x-spot-rest-twin");
    assertEquals(List.of(), problems);
  }

  private static Class<?> restRequestClass(String operationId) {
    String simple = Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1) + "Request";
    for (Class<?> api : List.of(MarketApi.class, TradeApi.class, AccountApi.class)) {
      for (Class<?> nested : api.getDeclaredClasses()) {
        if (nested.getSimpleName().equals(simple)) {
          return nested;
        }
      }
    }
    throw new AssertionError("x-spot-rest-twin " + operationId + " has no REST request class " + simple);
  }

  /** order.place -> OrderPlace; account.rateLimits.orders -> AccountRateLimitsOrders */
  private static String pascal(String method) {
    StringBuilder b = new StringBuilder();
    for (String part : method.split("\\.")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }

  /** Fluent setters: public, one parameter, returning their own class. */
  private static Map<String, Class<?>> setters(Class<?> c) {
    Map<String, Class<?>> out = new TreeMap<>();
    for (Method m : c.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1 && m.getReturnType().equals(c)) {
        out.put(m.getName(), m.getParameterTypes()[0]);
      }
    }
    return out;
  }
}
