package io.spotsdk.internal.http;

import io.spotsdk.outcome.NotSentReason;
import java.io.IOException;

/**
 * The exchange ended without a complete response. {@link #possiblySent()} says whether the server may have received
 * the request: false only when the failure provably happened before the first byte of the request was written.
 * After the write, {@link #partial()} keeps whatever of the response did arrive (status, headers, the head of the
 * body), so an unknown outcome can still show it.
 */
public final class TransportException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Where the exchange broke. */
  public enum Phase {
    /** Before the request was written: nothing left the client. */
    NOT_SENT,
    /** After the write: no complete response within the read timeout or the response deadline. */
    TIMED_OUT_AFTER_SEND,
    /** After the write: the connection broke, or the client failed while reading. */
    LOST_AFTER_SEND,
    /** After the write: a response came but its body could not be taken in (past the body cap). */
    UNREADABLE_AFTER_SEND
  }

  private final Phase phase;
  private final NotSentReason notSentReason;
  private final transient RawResponse partial;

  private TransportException(Phase phase, NotSentReason notSentReason, String message, Throwable cause, RawResponse partial) {
    super(message, cause);
    this.phase = phase;
    this.notSentReason = notSentReason;
    this.partial = partial;
  }

  public TransportException(Phase phase, String message, Throwable cause) {
    this(phase, phase == Phase.NOT_SENT ? NotSentReason.CONNECT_FAILED : null, message, cause, null);
  }

  public static TransportException notSent(NotSentReason reason, String message, Throwable cause) {
    return new TransportException(Phase.NOT_SENT, reason, message, cause, null);
  }

  /** {@code partial}: what arrived of the response, or null when nothing did. */
  public static TransportException afterSend(Phase phase, String message, Throwable cause, RawResponse partial) {
    if (phase == Phase.NOT_SENT) {
      throw new IllegalArgumentException("afterSend needs a phase after the write");
    }
    return new TransportException(phase, null, message, cause, partial);
  }

  public Phase phase() {
    return phase;
  }

  public boolean possiblySent() {
    return phase != Phase.NOT_SENT;
  }

  /** Why nothing was sent; null when the request may have been sent. */
  public NotSentReason notSentReason() {
    return notSentReason;
  }

  /** Status, headers and the head of the body, when a response began to arrive; else null. */
  public RawResponse partial() {
    return partial;
  }
}
