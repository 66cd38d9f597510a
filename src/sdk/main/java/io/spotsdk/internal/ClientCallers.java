package io.spotsdk.internal;

import io.spotsdk.core.RestCaller;
import io.spotsdk.core.WsCaller;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the SDK's own code (the reconciler's spec-declared queries) reaches a client's caller, which is not part of the
 * public API: a public {@code caller()} would hand users a type from a package the module does not export. Each client
 * class installs its opener when it loads, as {@code GateAccess} does for the gate; this package does not know the
 * client types, so it makes no package cycle.
 */
public final class ClientCallers {
  private static volatile Function<Object, RestCaller> rest;
  private static volatile Function<Object, WsCaller> ws;

  private ClientCallers() {}

  /** Called once, by {@code SpotRestClient}'s initialiser. */
  public static synchronized void installRest(Function<Object, RestCaller> opener) {
    if (rest != null) {
      throw new IllegalStateException("the REST client's opener is installed already");
    }
    rest = Objects.requireNonNull(opener);
  }

  /** Called once, by {@code SpotWsApiClient}'s initialiser. */
  public static synchronized void installWs(Function<Object, WsCaller> opener) {
    if (ws != null) {
      throw new IllegalStateException("the WebSocket client's opener is installed already");
    }
    ws = Objects.requireNonNull(opener);
  }

  /** The caller behind a {@code SpotRestClient}; its class has loaded, since an instance exists. */
  public static RestCaller rest(Object client) {
    return rest.apply(Objects.requireNonNull(client, "client"));
  }

  /** The caller behind a {@code SpotWsApiClient}. */
  public static WsCaller ws(Object client) {
    return ws.apply(Objects.requireNonNull(client, "client"));
  }
}
