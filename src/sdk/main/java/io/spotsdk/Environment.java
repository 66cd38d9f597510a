package io.spotsdk;

import io.spotsdk.rest.api.RestServers;
import io.spotsdk.ws.api.WsServers;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where the client connects. {@link #TESTNET} is the default; production must be chosen explicitly.
 * The URLs come from the servers declared in the specs.
 *
 * <p>Both URIs are checked here, once: a base URI without a scheme ({@code localhost:8080}), with a scheme the
 * client does not speak ({@code ftp://}) or without a host would make every call fail before a byte is written,
 * so it is an {@link InvalidSettingException} now rather than a stream of failed calls later.
 *
 * @param name what logs and {@code toString} call it, e.g. {@code TESTNET}
 * @param restBaseUri the REST API's base, an absolute http or https URI without query or fragment
 * @param wsApiUri the WebSocket API's endpoint, an absolute ws or wss URI, or null for REST-only use
 */
public record Environment(String name, URI restBaseUri, URI wsApiUri) {
  // Before the constants below: their constructors use these.
  private static final Set<String> REST_SCHEMES = Set.of("http", "https");
  private static final Set<String> WS_SCHEMES = Set.of("ws", "wss");

  /** Binance's Spot testnet, the default: orders there trade with test funds. */
  public static final Environment TESTNET =
      new Environment("TESTNET", URI.create(RestServers.TESTNET), URI.create(WsServers.TESTNET));
  /** Binance's Spot production endpoints: real funds, so a client only uses them when told to. */
  public static final Environment PRODUCTION =
      new Environment("PRODUCTION", URI.create(RestServers.PRODUCTION), URI.create(WsServers.PRODUCTION));

  /**
   * Checks both URIs once, so that a base the client could never send to is refused here.
   *
   * @param name what logs and {@code toString} call it
   * @param restBaseUri the REST API's base
   * @param wsApiUri the WebSocket API's endpoint, or null for REST-only use
   * @throws InvalidSettingException if a URI has no or the wrong scheme, no host, a port out of range, user info,
   *     a fragment, or (the REST base) a query
   */
  public Environment {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(restBaseUri, "restBaseUri");
    checkEndpoint("restBaseUri", restBaseUri, REST_SCHEMES);
    if (restBaseUri.getRawQuery() != null) {
      // Operation paths and their query strings are appended to the base; a query of its own would corrupt both.
      throw new InvalidSettingException("restBaseUri", "must not have a query (" + restBaseUri.getRawQuery() + ")");
    }
    if (wsApiUri != null) {
      checkEndpoint("wsApiUri", wsApiUri, WS_SCHEMES);
    }
  }

  /**
   * A local or private deployment, e.g. the testkit's simulator.
   *
   * @param restBaseUri the REST API's base, e.g. {@code http://127.0.0.1:8080}
   * @param wsApiUri the WebSocket API's endpoint, or null for REST-only use
   * @return an environment named {@code CUSTOM}
   * @throws InvalidSettingException if a URI could never be sent to (see the record's description)
   */
  public static Environment custom(URI restBaseUri, URI wsApiUri) {
    return new Environment("CUSTOM", restBaseUri, wsApiUri);
  }

  private static void checkEndpoint(String setting, URI uri, Set<String> schemes) {
    if (uri.getRawUserInfo() != null) {
      // Said without echoing the URI: the user info may be a password, which must not reach a message or a log.
      throw new InvalidSettingException(setting, "must not carry user info (user:password@)");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme == null || !schemes.contains(scheme)) {
      throw new InvalidSettingException(setting, "'" + uri + "' must be an absolute " + String.join(" or ",
          schemes.stream().sorted().toList()) + " URI, e.g. " + (schemes == WS_SCHEMES
          ? "wss://ws-api.binance.com:443/ws-api/v3" : "https://api.binance.com"));
    }
    if (uri.getHost() == null) {
      throw new InvalidSettingException(setting, "'" + uri + "' has no valid host name");
    }
    if (uri.getPort() > 65_535) {
      throw new InvalidSettingException(setting, "'" + uri + "' has a port out of range");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidSettingException(setting, "'" + uri + "' must not have a fragment");
    }
  }
}
