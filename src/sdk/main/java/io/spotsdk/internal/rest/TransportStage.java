package io.spotsdk.internal.rest;

import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.RawRequest;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.signing.SigningPayloads;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST's wire: puts the exchange on the HTTP transport. A GET (and anything without a body) carries its parameters
 * in the query string. POST, PUT and DELETE carry them all in an {@code application/x-www-form-urlencoded} body, as
 * Binance allows: the request line, which HttpClient logs at DEBUG and proxies write to their access logs, then
 * holds only the path, never a signature or an order's parameters. All of them go in one place, so the signed
 * payload (Binance: the query string followed by the body) is exactly the text that is sent.
 */
public final class TransportStage implements RestStage {
  private final HttpTransport transport;
  private final String base;
  private final Clock clock;
  /** The URI of each operation's path without a query, parsed once per client. */
  private final Map<String, URI> pathUris = new ConcurrentHashMap<>();

  public TransportStage(HttpTransport transport, URI baseUri, Clock clock) {
    this.transport = transport;
    String b = baseUri.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    this.clock = clock;
  }

  /** Whether a method sends its parameters as a form body. */
  static boolean inBody(String httpMethod) {
    return "POST".equals(httpMethod) || "PUT".equals(httpMethod) || "DELETE".equals(httpMethod);
  }

  private URI pathUri(String path) {
    URI u = pathUris.get(path);
    return u != null ? u : pathUris.computeIfAbsent(path, p -> URI.create(base + p));
  }

  @Override
  public RawResponse send(RestExchange ex) throws TransportException {
    String encoded = ex.encodedWire();
    if (encoded == null) {
      encoded = SigningPayloads.restQuery(ex.wire().asList());
    }
    String method = ex.operation().httpMethod();
    RawRequest request;
    if (inBody(method) && !encoded.isEmpty()) {
      request = new RawRequest(method, pathUri(ex.operation().path()), ex.headers(), encoded);
    } else if (encoded.isEmpty()) {
      request = new RawRequest(method, pathUri(ex.operation().path()), ex.headers());
    } else {
      request = new RawRequest(method, URI.create(base + ex.operation().path() + '?' + encoded), ex.headers());
    }
    ex.markSent(clock.instant());
    return transport.execute(request);
  }
}
