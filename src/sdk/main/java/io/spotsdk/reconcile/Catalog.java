package io.spotsdk.reconcile;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.Settlement;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.ws.api.WsMethods;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The generated descriptors by name, per transport, and the twin that names the same call on the other one. */
final class Catalog {
  static final String REST = "REST";
  static final String WS = "WS";

  private static final Map<String, OperationDescriptor<?>> REST_OPS = new HashMap<>();
  private static final Map<String, WsMethodDescriptor<?>> WS_METHODS = new HashMap<>();
  private static final Map<String, String> WS_BY_REST_TWIN = new HashMap<>();

  static {
    for (List<OperationDescriptor<?>> group : List.of(MarketApi.ALL, TradeApi.ALL, AccountApi.ALL)) {
      group.forEach(op -> REST_OPS.put(op.name(), op));
    }
    for (WsMethodDescriptor<?> m : WsMethods.ALL) {
      WS_METHODS.put(m.method(), m);
      if (m.restTwin() != null) {
        WS_BY_REST_TWIN.put(m.restTwin(), m.method());
      }
    }
  }

  private Catalog() {}

  static OperationDescriptor<?> restOperation(String name) {
    OperationDescriptor<?> op = REST_OPS.get(name);
    if (op == null) {
      throw new IllegalArgumentException("no REST operation " + name + " in the spec");
    }
    return op;
  }

  static WsMethodDescriptor<?> wsMethod(String name) {
    WsMethodDescriptor<?> m = WS_METHODS.get(name);
    if (m == null) {
      throw new IllegalArgumentException("no WebSocket method " + name + " in the spec");
    }
    return m;
  }

  /** The descriptor of a call as a record names it, or null when this version does not know it. */
  static CallDescriptor<?> call(String transport, String name) {
    return WS.equals(transport) ? WS_METHODS.get(name) : REST_OPS.get(name);
  }

  /** How the spec says an unknown outcome of this call is settled; empty when it does not. */
  static List<Settlement> settlements(String transport, String name) {
    CallDescriptor<?> c = call(transport, name);
    return c == null ? List.of() : c.settlements();
  }

  /**
   * The name of an operation on another transport: twins share their params (the spec's rule), so a query the
   * spec names for a WebSocket call can run over REST, and the other way round.
   */
  static String on(String transport, String name, String fromTransport) {
    if (name == null || transport.equals(fromTransport)) {
      return name;
    }
    if (WS.equals(fromTransport)) {
      String twin = WS_METHODS.containsKey(name) ? WS_METHODS.get(name).restTwin() : null;
      if (twin == null) {
        throw new IllegalArgumentException("WebSocket method " + name + " has no REST twin");
      }
      return twin;
    }
    String twin = WS_BY_REST_TWIN.get(name);
    if (twin == null) {
      throw new IllegalArgumentException("REST operation " + name + " has no WebSocket twin");
    }
    return twin;
  }
}
