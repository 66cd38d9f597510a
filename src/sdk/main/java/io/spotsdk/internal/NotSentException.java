package io.spotsdk.internal;

import io.spotsdk.outcome.NotSentReason;

/** A stage refused to send. Nothing left the client. */
public final class NotSentException extends Exception {
  private static final long serialVersionUID = 1L;
  private final NotSentReason reason;

  public NotSentException(NotSentReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public NotSentReason reason() {
    return reason;
  }
}
