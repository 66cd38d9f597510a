package io.spotsdk;

import io.spotsdk.rest.api.RestServers;
import io.spotsdk.ws.api.WsServers;
import java.net.URI;
import java.util.Objects;

/**
 * Where the client connects. {@link #TESTNET} is the default; production must be chosen explicitly.
 * The URLs come from the servers declared in the specs.
 */
public record Environment(String name, URI restBaseUri, URI wsApiUri) {
  public static final Environment TESTNET =
      new Environment("TESTNET", URI.create(RestServers.TESTNET), URI.create(WsServers.TESTNET));
  public static final Environment PRODUCTION =
      new Environment("PRODUCTION", URI.create(RestServers.PRODUCTION), URI.create(WsServers.PRODUCTION));

  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(restBaseUri, "restBaseUri");
  }

  /** A local or private deployment, e.g. the simulator; wsApiUri may be null for REST-only use. */
  public static Environment custom(URI restBaseUri, URI wsApiUri) {
    return new Environment("CUSTOM", restBaseUri, wsApiUri);
  }
}
