package io.spotsdk.outcome;

/** Why an outcome is unknown. In every case the request may have been executed. */
public enum UnknownCause {
  /** A 5XX status. */
  SERVER_ERROR,
  /** A Binance code that declares the execution status unknown (-1006, -1007), whatever the status. */
  UNKNOWN_ERROR_CODE,
  /** A status the spec does not explain. */
  UNEXPECTED_STATUS,
  /** No response within the read timeout after the request was written. */
  TIMEOUT,
  /** A WebSocket request was written and no reply came before its deadline. */
  NO_REPLY,
  /** The connection was reset or closed after the request was written. */
  CONNECTION_LOST,
  /** A success status whose body could not be read, or carried no result where the spec requires one. */
  UNREADABLE_RESPONSE,
  /**
   * A success whose result does not echo the request (spec: {@code x-spot-echo}), e.g. another clientOrderId: the
   * reply is readable but describes some other request, so what happened to this one is not known.
   */
  MISMATCHED_REPLY
}
