package io.spotsdk.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.ws.api.WsMethods;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The simulator serves every market data operation of the spec, over both transports: each REST operation of the
 * Market group (from the generated descriptors, not a hand list) and each WebSocket method whose REST twin is one, sent
 * with its success vector's request and a symbol, answers a success that decodes into its result type.
 */
class SimulatorMarketDataTest {
  @Test
  void everyMarketOperationSucceedsOnTheSimulator() throws Exception {
    List<String> market = new ArrayList<>();
    for (Field f : MarketApi.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.get(null) instanceof OperationDescriptor<?> d) {
        market.add(d.name());
      }
    }
    List<String> wsMarket = new ArrayList<>();
    for (WsMethodDescriptor<?> d : WsMethods.ALL) {
      if (d.restTwin() != null && market.contains(d.restTwin())) {
        wsMarket.add(wsOperationId(d));
      }
    }
    assertTrue(market.size() >= 19, "Market operations found: " + market);
    List<String> failed = new ArrayList<>();
    try (SpotSimulator sim = SpotSimulator.start();
        SpotRestClient rest = SpotRestClient.builder().environment(sim.environment()).build();
        SpotWsApiClient ws = SpotWsApiClient.builder().environment(sim.environment()).connect()) {
      for (String op : market) {
        check(failed, "rest " + op, OperationInvoker.call(List.of(rest.market()), op, params("rest", op)));
      }
      for (String op : wsMarket) {
        check(failed, "ws " + op, OperationInvoker.call(List.of(ws.blocking()), op, params("ws", op)));
      }
    }
    assertTrue(failed.isEmpty(), "not a success on the simulator: " + failed);
  }

  private static void check(List<String> failed, String what, Outcome<?> o) {
    if (!o.isSuccess()) {
      failed.add(what + " -> " + o);
    }
  }

  /** The success vector's request, with a symbol where the operation takes one (tickers may need it). */
  private static ObjectNode params(String transport, String op) throws Exception {
    Path file = ConformanceCase.DIR.resolve(transport).resolve(op).resolve("200.json");
    ObjectNode params = Files.exists(file) ? (ObjectNode) ConformanceCase.read(file).params().deepCopy()
        : ConformanceCase.JSON.createObjectNode();
    if (!params.has("symbol") && !params.has("symbols") && TAKES_SYMBOL.contains(op)) {
      params.put("symbol", "BTCUSDT");
    }
    return params;
  }

  private static final Set<String> TAKES_SYMBOL = Set.of("tickerTradingDay", "ticker", "tickerPrice",
      "tickerBookTicker", "ticker24hr", "tickerBook", "executionRules");

  /** The WS operation key is the descriptor's constant name in lowerCamelCase: the method name WsBlockingApi uses. */
  private static String wsOperationId(WsMethodDescriptor<?> d) throws IllegalAccessException {
    for (Field f : WsMethods.class.getFields()) {
      if (f.get(null) == d) {
        String[] parts = f.getName().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
          b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
      }
    }
    throw new AssertionError("no constant for " + d);
  }
}
