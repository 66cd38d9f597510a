package io.spotsdk.internal.call;

import io.spotsdk.retry.Sleeper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * How the pipeline waits (for the gate, before a retry). REST waits on the caller's thread and hands back a
 * completed future, so a REST call runs start to end on its caller's thread and needs no timer thread; WebSocket
 * waits without blocking anyone. A wait that is cut short (interrupted) is a failed future.
 */
@FunctionalInterface
public interface Waits {
  CompletableFuture<Void> after(Duration d);

  static Waits blocking(Sleeper sleeper) {
    return d -> {
      try {
        sleeper.sleep(d);
        return CompletableFuture.completedFuture(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }

  static Waits async(Sleeper sleeper) {
    return d -> {
      try {
        return sleeper.delay(d);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    };
  }
}
