package io.spotsdk.internal.rest;

import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.Sleeper;

/** Asks the shared {@link RateLimitGate} before every attempt, waiting as told; a refused request never leaves. */
public final class GateStage implements RestStage {
  private final RestStage next;
  private final RateLimitGate gate;
  private final Sleeper sleeper;

  public GateStage(RestStage next, RateLimitGate gate, Sleeper sleeper) {
    this.next = next;
    this.gate = gate;
    this.sleeper = sleeper;
  }

  @Override
  public RawResponse send(RestExchange ex) throws TransportException, NotSentException {
    int weight = ex.operation().weightFor(ex.params());
    while (true) {
      var d = io.spotsdk.internal.gate.GateAccess.tryAcquire(gate, weight, ex.operation().orderCount());
      if (d.proceed()) {
        return next.send(ex);
      }
      if (d.refused()) {
        throw new NotSentException(NotSentReason.HELD_BY_RATE_LIMIT_GATE, ex.operation().name() + ": " + d.refusal());
      }
      try {
        sleeper.sleep(d.waitFor());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NotSentException(NotSentReason.CLIENT_CLOSED,
            ex.operation().name() + ": interrupted while held by the rate-limit gate");
      }
    }
  }
}
