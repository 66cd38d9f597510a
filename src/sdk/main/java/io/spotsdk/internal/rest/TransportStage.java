package io.spotsdk.internal.rest;

import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.RawRequest;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.signing.SigningPayloads;
import java.net.URI;
import java.time.Clock;

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

  @Override
  public RawResponse send(RestExchange ex) throws TransportException {
    String encoded = SigningPayloads.restQuery(ex.wire().asList());
    String method = ex.operation().httpMethod();
    String path = base + ex.operation().path();
    RawRequest request;
    if (inBody(method) && !encoded.isEmpty()) {
      request = new RawRequest(method, URI.create(path), ex.headers(), encoded);
    } else {
      request = new RawRequest(method, URI.create(encoded.isEmpty() ? path : path + '?' + encoded), ex.headers());
    }
    ex.markSent(clock.instant());
    return transport.execute(request);
  }
}
