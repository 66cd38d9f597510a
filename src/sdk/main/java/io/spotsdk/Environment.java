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
 */
public record Environment(String name, URI restBaseUri, URI wsApiUri) {
  // Before the constants below: their constructors use these.
  private static final Set<String> REST_SCHEMES = Set.of("http", "https");
  private static final Set<String> WS_SCHEMES = Set.of("ws", "wss");

  public static final Environment TESTNET =
      new Environment("TESTNET", URI.create(RestServers.TESTNET), URI.create(WsServers.TESTNET));
  public static final Environment PRODUCTION =
      new Environment("PRODUCTION", URI.create(RestServers.PRODUCTION), URI.create(WsServers.PRODUCTION));

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

  /** A local or private deployment, e.g. the simulator; wsApiUri may be null for REST-only use. */
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
