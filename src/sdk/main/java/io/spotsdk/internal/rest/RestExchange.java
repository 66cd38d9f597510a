package io.spotsdk.internal.rest;

import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.internal.call.Attempt;
import io.spotsdk.outcome.RequestRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One REST attempt as its wire sees it: the pipeline's {@link Attempt} plus the headers of the HTTP request. */
public final class RestExchange {
  private final OperationDescriptor<?> operation;
  private final Attempt attempt;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>(2);

  RestExchange(OperationDescriptor<?> operation, Attempt attempt) {
    this.operation = operation;
    this.attempt = attempt;
  }

  public OperationDescriptor<?> operation() {
    return operation;
  }

  /** The parameters as they go on the wire: signed when the call is. */
  public Params wire() {
    return attempt.wire();
  }

  /** {@link #wire()} as encoded for signing, or null when nothing encoded it yet. */
  public String encodedWire() {
    return attempt.encodedWire();
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  public void setHeader(String name, String value) {
    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    headers.add(Map.entry(name, value));
  }

  /** The request is being handed to the transport; from here on it may reach the server. */
  public void markSent(Instant at) {
    attempt.markSent(at);
  }

  public boolean mayHaveBeenSent() {
    return attempt.mayHaveBeenSent();
  }

  /** What was sent, without the signature or the API key. */
  public RequestRecord record() {
    return attempt.record();
  }
}
