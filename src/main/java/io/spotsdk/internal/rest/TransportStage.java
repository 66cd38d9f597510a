package io.spotsdk.internal.rest;

import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.RawRequest;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.signing.SigningPayloads;
import java.net.URI;
import java.time.Clock;

/** The innermost stage: puts the exchange on the wire. Parameters go in the query string, for every method. */
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

  @Override
  public RawResponse send(RestExchange ex) throws TransportException {
    String query = ex.encodedQuery() != null ? ex.encodedQuery() : SigningPayloads.restQuery(ex.params().asList());
    String uri = query.isEmpty() ? base + ex.operation().path() : base + ex.operation().path() + '?' + query;
    RawRequest request = new RawRequest(ex.operation().httpMethod(), URI.create(uri), ex.headers());
    ex.markSent(clock.instant());
    return transport.execute(request);
  }
}
