package io.spotsdk.internal.http;

import java.io.IOException;

/**
 * The exchange failed without a response. {@link #possiblySent()} says whether the server may have received
 * the request: false only when the failure happened before any byte could leave (connect refused, DNS, pool).
 */
public final class TransportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Where the exchange broke. */
  public enum Phase { NOT_SENT, TIMED_OUT_AFTER_SEND, LOST_AFTER_SEND }

  private final Phase phase;

  public TransportException(Phase phase, String message, Throwable cause) {
    super(message, cause);
    this.phase = phase;
  }

  public Phase phase() {
    return phase;
  }

  public boolean possiblySent() {
    return phase != Phase.NOT_SENT;
  }
}
