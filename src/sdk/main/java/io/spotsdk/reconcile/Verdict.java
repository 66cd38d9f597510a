package io.spotsdk.reconcile;

/** What reconciliation concluded about an unknown outcome. */
public enum Verdict {
  /** Binance reports the order (placement), or reports it canceled (cancel). */
  EXECUTED,
  /**
   * Not executed: the request's window ({@code timestamp + recvWindow}) has passed and repeated queries still
   * do not find the effect. Only now is it safe to send a new request for the same intent.
   */
  NOT_EXECUTED,
  /** The queries themselves failed or ran out; the status is still unknown. Do not resend. */
  STILL_UNKNOWN
}
