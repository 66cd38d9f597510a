package io.spotsdk.internal.ws;

import io.spotsdk.userdata.UserDataEvent;
import io.spotsdk.userdata.UserDataGap;
import io.spotsdk.userdata.UserDataListener;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's bounded buffer, delivered in order on an executor, one call at a time. The socket thread only
 * ever offers, and an offer never blocks: when {@code capacity} events wait already, the event is dropped and
 * counted into an overflow gap that takes its place in the sequence, so the listener hears of it exactly where
 * events went missing. Gaps and the close are never dropped (they do not count against the capacity), so an
 * {@code eventStreamTerminated} and the end are always told.
 */
final class Mailbox {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");

  private sealed interface Item permits EventItem, GapItem, ClosedItem {}

  private record EventItem(UserDataEvent event) implements Item {}

  private static final class GapItem implements Item {
    final UserDataGap.Reason reason;
    final String detail;
    long dropped;

    GapItem(UserDataGap.Reason reason, long dropped, String detail) {
      this.reason = reason;
      this.dropped = dropped;
      this.detail = detail;
    }
  }

  private record ClosedItem(String reason) implements Item {}

  private final UserDataListener listener;
  private final int capacity;
  private final Executor executor;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private final AtomicLong droppedTotal = new AtomicLong();
  private int events;
  private boolean running;
  private boolean closed;

  Mailbox(UserDataListener listener, int capacity, Executor executor) {
    this.listener = listener;
    this.capacity = capacity;
    this.executor = executor;
  }

  long dropped() {
    return droppedTotal.get();
  }

  /**
   * Never blocks; false when the event was dropped (and counted into a gap). {@code force} queues it even when
   * full: an event that must never be dropped ({@code eventStreamTerminated}).
   */
  boolean offer(UserDataEvent e, boolean force) {
    synchronized (this) {
      if (closed) {
        return true; // ended: nothing more is delivered, and nothing is missing from a sequence that is over
      }
      if (events >= capacity && !force) {
        droppedTotal.incrementAndGet();
        Item last = queue.peekLast();
        if (last instanceof GapItem g && g.reason == UserDataGap.Reason.OVERFLOW) {
          g.dropped++;
        } else {
          queue.addLast(new GapItem(UserDataGap.Reason.OVERFLOW, 1, "the listener's buffer of " + capacity
              + " events was full"));
        }
        return false;
      }
      queue.addLast(new EventItem(e));
      events++;
    }
    schedule();
    return true;
  }

  /** A gap of another kind (a resubscription); always queued. */
  void gap(UserDataGap.Reason reason, String detail) {
    synchronized (this) {
      if (closed) {
        return;
      }
      queue.addLast(new GapItem(reason, -1, detail));
    }
    schedule();
  }

  /** The end: told after everything queued so far; nothing is accepted afterwards. False if already closed. */
  boolean close(String reason) {
    synchronized (this) {
      if (closed) {
        return false;
      }
      closed = true;
      queue.addLast(new ClosedItem(reason));
    }
    schedule();
    return true;
  }

  private void schedule() {
    synchronized (this) {
      if (running || queue.isEmpty()) {
        return;
      }
      running = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RuntimeException e) {
      // the executor is shut down: deliver here rather than never
      drain();
    }
  }

  private void drain() {
    while (true) {
      Item item;
      synchronized (this) {
        item = queue.pollFirst();
        if (item == null) {
          running = false;
          return;
        }
        if (item instanceof EventItem) {
          events--;
        }
      }
      deliver(item);
    }
  }

  private void deliver(Item item) {
    try {
      if (item instanceof EventItem e) {
        listener.onEvent(e.event());
      } else if (item instanceof GapItem g) {
        long n;
        synchronized (this) {
          n = g.dropped; // the count is final once the gap is taken out of the queue
        }
        listener.onGap(new UserDataGap(g.reason, n, g.detail));
      } else if (item instanceof ClosedItem c) {
        listener.onClosed(c.reason());
      }
    } catch (RuntimeException ex) {
      LOG.warn("a UserDataListener threw {}", ex.getClass().getName());
    }
  }
}
