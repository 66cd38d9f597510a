package io.spotsdk.internal.call;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.internal.Calls;
import io.spotsdk.internal.SentRequest;
import io.spotsdk.outcome.RequestRecord;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One attempt of a call on its way through the pipeline. The signing rule writes what it signed here (the wire
 * parameters, timestamp, recvWindow), so the wire sends exactly the signed bytes and an outcome can name the window.
 */
public final class Attempt implements SentRequest {
  private final CallDescriptor<?> call;
  private final String operation;
  private final String transport;
  private final Params params;
  private final BigDecimal recvWindow;
  private Params wire;
  private Long timestamp;
  private String encodedWire;
  private Instant sentAt;

  Attempt(CallDescriptor<?> call, String operation, String transport, Params params, BigDecimal recvWindow) {
    this.call = call;
    this.operation = operation;
    this.transport = transport;
    this.params = params;
    this.recvWindow = recvWindow;
  }

  public CallDescriptor<?> call() {
    return call;
  }

  public String operation() {
    return operation;
  }

  /** The caller's parameters (with SDK-created client ids), never the signature. */
  public Params params() {
    return params;
  }

  /** The recvWindow checked before the gate; null for a call that is not signed. */
  BigDecimal recvWindow() {
    return recvWindow;
  }

  /** What goes on the wire: the signed parameters, or the caller's when nothing is signed. */
  public Params wire() {
    return wire != null ? wire : params;
  }

  void signed(Params wire, Long timestamp) {
    this.wire = wire;
    this.timestamp = timestamp;
    this.encodedWire = null;
  }

  /**
   * The wire parameters as REST sends them (query string or form body), when the signing rule already wrote that
   * text to sign it; null otherwise. Sending it sends exactly the bytes that were signed, encoded once.
   */
  public String encodedWire() {
    return encodedWire;
  }

  void encodedWire(String text) {
    this.encodedWire = text;
  }

  /** The request is being handed to the wire; from here on it may reach the server. */
  public void markSent(Instant at) {
    this.sentAt = at;
  }

  /** False while the attempt provably has not reached the wire, so nothing of it can have been written. */
  public boolean mayHaveBeenSent() {
    return sentAt != null;
  }

  /** The record of this attempt stamped as sent at {@code sentAt}, and its parameters read without building it. */
  public SentRequest sentAt(Instant sentAt) {
    return new SentRequest() {
      @Override
      public RequestRecord get() {
        return record(sentAt);
      }

      @Override
      public String sentParam(String name) {
        return Attempt.this.sentParam(name);
      }
    };
  }

  @Override
  public RequestRecord get() {
    return record();
  }

  /** One parameter as {@link #record()} shows it, without building the record. */
  @Override
  public String sentParam(String name) {
    if ("signature".equals(name) || "apiKey".equals(name)) {
      return null;
    }
    if (timestamp != null) {
      if ("timestamp".equals(name)) {
        return timestamp.toString();
      }
      if ("recvWindow".equals(name)) {
        return recvWindow.toPlainString();
      }
    }
    return params.get(name); // put replaces a name's value: there is at most one
  }

  /** What was sent, without the signature or the API key. */
  public RequestRecord record() {
    return Calls.record(operation, transport, params, timestamp, timestamp == null ? null : recvWindow, sentAt);
  }

  /** The same, stamped now: for a WebSocket request whose record is asked for once its fate is known. */
  public RequestRecord record(Instant sentAt) {
    return Calls.record(operation, transport, params, timestamp, timestamp == null ? null : recvWindow, sentAt);
  }
}
