package io.spotsdk.internal.rest;

import io.spotsdk.core.OperationDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.internal.Calls;
import io.spotsdk.outcome.RequestRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call on its way through the stages. The signing stage writes what it signed (timestamp, recvWindow,
 * the encoded query) here so that the transport sends exactly the signed bytes and an unknown outcome can
 * name the request window.
 */
public final class RestExchange {
  private final OperationDescriptor<?> operation;
  private final Params params;
  private final List<Map.Entry<String, String>> headers = new ArrayList<>(2);
  private String encodedQuery;
  private Long timestamp;
  private BigDecimal recvWindow;
  private Instant sentAt;

  public RestExchange(OperationDescriptor<?> operation, Params params) {
    this.operation = operation;
    this.params = params;
  }

  public OperationDescriptor<?> operation() {
    return operation;
  }

  /** The caller's parameters (with SDK-created client ids), never the signature. */
  public Params params() {
    return params;
  }

  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  public void setHeader(String name, String value) {
    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    headers.add(Map.entry(name, value));
  }

  public String encodedQuery() {
    return encodedQuery;
  }

  public void signed(String encodedQuery, long timestamp, BigDecimal recvWindow) {
    this.encodedQuery = encodedQuery;
    this.timestamp = timestamp;
    this.recvWindow = recvWindow;
  }

  /** The request is being handed to the transport; from here on it may reach the server. */
  public void markSent(Instant at) {
    this.sentAt = at;
  }

  /** False while the exchange provably has not reached the transport, so nothing of it can have been written. */
  public boolean mayHaveBeenSent() {
    return sentAt != null;
  }

  /** What was sent, without the signature or the API key. */
  public RequestRecord record() {
    return Calls.record(operation.name(), "REST", params, timestamp, recvWindow, sentAt);
  }
}
