package io.spotsdk.internal.ws;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a connection keeps about frames it could not route. */
public final class WsStats implements io.spotsdk.WsStats {
  final AtomicLong unmatchedReplies = new AtomicLong();
  final AtomicLong malformedFrames = new AtomicLong();
  final AtomicLong lateReplies = new AtomicLong();

  /** Replies whose id matched no request in flight (never routed anywhere). */
  @Override
  public long unmatchedReplies() {
    return unmatchedReplies.get();
  }

  /** Frames that were not JSON objects, or had no usable id or status. */
  @Override
  public long malformedFrames() {
    return malformedFrames.get();
  }

  /** Replies to requests that had already completed (after their deadline). */
  @Override
  public long lateReplies() {
    return lateReplies.get();
  }
}
