package io.spotsdk.internal.ws;

import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One request in flight on a connection. Its write state decides what a missing reply means: a request still
 * QUEUED never left (not sent); once WRITING began the server may have it (unknown).
 */
final class Pending {
  private static final int QUEUED = 0;
  private static final int WRITING = 1;
  private static final int SKIPPED = 2;

  final long id;
  final WsMethodDescriptor<?> method;
  final String frame;
  final Supplier<RequestRecord> record;
  /** Whether the JDK hands this frame to the socket in a single write (see {@link SendFailure}). */
  final boolean singleWrite;
  final CompletableFuture<Outcome<?>> future = new CompletableFuture<>();
  private final AtomicInteger writeState = new AtomicInteger(QUEUED);
  private final AtomicBoolean finished = new AtomicBoolean();
  /** The connection's deadlines, once registered there; its links below are guarded by the queue's lock. */
  volatile DeadlineQueue queue;
  long dueNanos;
  Pending prevDue;
  Pending nextDue;
  boolean queued;

  Pending(long id, WsMethodDescriptor<?> method, String frame, Supplier<RequestRecord> record) {
    this.id = id;
    this.method = method;
    this.frame = frame;
    this.record = record;
    this.singleWrite = SendFailure.fitsOneWrite(frame);
  }

  /** The writer claims the frame; false when it was completed before it could leave. */
  boolean startWriting() {
    return writeState.compareAndSet(QUEUED, WRITING);
  }

  /** True if the frame never started to leave; the writer will then skip it. */
  boolean cancelIfQueued() {
    return writeState.compareAndSet(QUEUED, SKIPPED) || writeState.get() == SKIPPED;
  }

  /** Claims the single completion; a late reply after a deadline gets false. */
  boolean claimCompletion() {
    if (!finished.compareAndSet(false, true)) {
      return false;
    }
    DeadlineQueue q = queue;
    if (q != null) {
      q.remove(this);
    }
    return true;
  }
}
