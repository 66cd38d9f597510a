package io.spotsdk.internal.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * The reply deadlines of one connection, in one structure instead of one timer task per request. Every request of
 * a connection has the same timeout, so they fall due in the order they were registered: they wait in a FIFO list
 * (in at the tail, out in O(1) when answered), and a single task on the client's timer wakes at the earliest
 * deadline, expires what is due and sleeps until the next one.
 */
final class DeadlineQueue {
  /** Far enough to never come, near enough that adding it to System.nanoTime() cannot overflow. */
  private static final long NEVER = Long.MAX_VALUE / 4;

  private final ScheduledExecutorService timer;
  private final long timeoutNanos;
  private final Consumer<Pending> expire;
  private final Object lock = new Object();
  /** Guarded by {@link #lock}: the list, oldest first, and whether a wake is scheduled. */
  private Pending head;
  private Pending tail;
  private boolean awake;

  DeadlineQueue(ScheduledExecutorService timer, Duration timeout, Consumer<Pending> expire) {
    this.timer = timer;
    long t;
    try {
      t = Math.min(timeout.toNanos(), NEVER);
    } catch (ArithmeticException e) {
      t = NEVER;
    }
    this.timeoutNanos = Math.max(0, t);
    this.expire = expire;
  }

  /** Starts the request's deadline now; false when the timer has stopped (the client is closing). */
  boolean add(Pending p) {
    synchronized (lock) {
      if (timer.isShutdown()) {
        return false;
      }
      p.dueNanos = System.nanoTime() + timeoutNanos; // before the wake is scheduled: it never fires early
      if (!awake) {
        if (Timers.once(timer, this::sweep, Duration.ofNanos(timeoutNanos)) == null) {
          return false;
        }
        awake = true;
      }
      p.queue = this;
      if (tail == null) {
        head = p;
      } else {
        tail.nextDue = p;
        p.prevDue = tail;
      }
      tail = p;
      p.queued = true;
    }
    return true;
  }

  /** The request completed: its deadline no longer counts. */
  void remove(Pending p) {
    synchronized (lock) {
      unlink(p);
    }
  }

  private void unlink(Pending p) {
    if (!p.queued) {
      return;
    }
    if (p.prevDue == null) {
      head = p.nextDue;
    } else {
      p.prevDue.nextDue = p.nextDue;
    }
    if (p.nextDue == null) {
      tail = p.prevDue;
    } else {
      p.nextDue.prevDue = p.prevDue;
    }
    p.prevDue = null;
    p.nextDue = null;
    p.queued = false;
  }

  /** On the timer: expires every request that is due, then sleeps until the next deadline. */
  private void sweep() {
    List<Pending> due = null;
    synchronized (lock) {
      long now = System.nanoTime();
      while (head != null && head.dueNanos - now <= 0) {
        Pending p = head;
        unlink(p);
        if (due == null) {
          due = new ArrayList<>();
        }
        due.add(p);
      }
      awake = head != null && Timers.once(timer, this::sweep, Duration.ofNanos(head.dueNanos - now)) != null;
    }
    if (due != null) {
      for (Pending p : due) {
        expire.accept(p); // outside the lock: completing runs the caller's executor
      }
    }
  }
}
