package io.spotsdk.internal.ws;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduling on a client's timer. The timer stops when the client closes, and work racing the close (a reconnect
 * completing, a lifetime, a heartbeat) may still try to schedule: such a task is dropped, never thrown to a caller.
 */
final class Timers {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");

  private Timers() {}

  /** Null when the timer has stopped. */
  static ScheduledFuture<?> once(ScheduledExecutorService timer, Runnable task, Duration delay) {
    try {
      return timer.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  /** Null when the timer has stopped. A task that throws does not end the series. */
  static ScheduledFuture<?> every(ScheduledExecutorService timer, Runnable task, Duration period) {
    try {
      long p = period.toNanos();
      return timer.scheduleAtFixedRate(guarded(task), p, p, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      return null;
    }
  }

  static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("a timer task failed: {}", e.getClass().getName());
      }
    };
  }
}
