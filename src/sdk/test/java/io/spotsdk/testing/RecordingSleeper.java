package io.spotsdk.testing;

import io.spotsdk.retry.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every wait and moves a {@link ManualClock} instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
  private final ManualClock clock;
  public final List<Duration> waits = new CopyOnWriteArrayList<>();

  public RecordingSleeper(ManualClock clock) {
    this.clock = clock;
  }

  @Override
  public void sleep(Duration d) {
    waits.add(d);
    clock.advance(d);
  }

  @Override
  public CompletableFuture<Void> delay(Duration d) {
    sleep(d);
    return CompletableFuture.completedFuture(null);
  }
}
