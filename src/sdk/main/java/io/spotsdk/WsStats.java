package io.spotsdk;

/** Counters about WebSocket frames that could not be routed to a request. None of them is ever misrouted. */
public interface WsStats {
  /**
   * Replies whose id matched no request in flight.
   *
   * @return the count since the client was built
   */
  long unmatchedReplies();

  /**
   * Frames that were not JSON objects, or had no usable id or status.
   *
   * @return the count since the client was built
   */
  long malformedFrames();

  /**
   * Replies to requests that had already completed (after their deadline): their outcome stayed UNKNOWN.
   *
   * @return the count since the client was built
   */
  long lateReplies();
}
