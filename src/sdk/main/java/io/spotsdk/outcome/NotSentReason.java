package io.spotsdk.outcome;

/** Why a request was never sent. In every case it was certainly not executed. */
public enum NotSentReason {
  /** The connection could not be made (refused, unreachable, TLS handshake failed, connect timeout). */
  CONNECT_FAILED,
  /** The client's rate-limit gate held the request: the IP is banned, or the wait was longer than allowed. */
  HELD_BY_RATE_LIMIT_GATE,
  /** The client or connection was closed before the request was written. */
  CLIENT_CLOSED,
  /** The request could not be signed. */
  SIGNING_FAILED,
  /**
   * The client failed unexpectedly before the request was written (the explanation names the failure). Not
   * retried: the same call would most likely fail the same way.
   */
  INTERNAL_ERROR
}
