package io.spotsdk;

/** Counters about WebSocket frames that could not be routed to a request. None of them is ever misrouted. */
public interface WsStats {
  /** Replies whose id matched no request in flight. */
  long unmatchedReplies();

  /** Frames that were not JSON objects, or had no usable id or status. */
  long malformedFrames();

  /** Replies to requests that had already completed (after their deadline). */
  long lateReplies();
}
