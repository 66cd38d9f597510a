package io.spotsdk.retry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Waiting, made injectable so that tests of backoff and rate-limit waits are exact and instant. */
public interface Sleeper {
  /**
   * Blocks the calling thread for the duration (REST calls wait this way).
   *
   * @param duration how long to wait; zero or negative returns at once
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Completes after the duration without blocking a thread (WebSocket calls wait this way).
   *
   * @param duration how long to wait; zero or negative completes at once
   * @return a future that completes when the wait is over
   */
  CompletableFuture<Void> delay(Duration duration);

  /** The real thing. */
  Sleeper SYSTEM = new Sleeper() {
    @Override
    public void sleep(Duration d) throws InterruptedException {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
      }
    }

    @Override
    public CompletableFuture<Void> delay(Duration d) {
      return CompletableFuture.runAsync(() -> { },
          CompletableFuture.delayedExecutor(Math.max(0, d.toNanos()), TimeUnit.NANOSECONDS));
    }
  };
}
