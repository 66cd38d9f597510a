package io.spotsdk.internal.rest;

import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.ratelimit.RateLimitGate;

/** Asks the shared {@link RateLimitGate} before every attempt; a refused request never leaves. */
public final class GateStage implements RestStage {
  private final RestStage next;
  private final RateLimitGate gate;

  public GateStage(RestStage next, RateLimitGate gate) {
    this.next = next;
    this.gate = gate;
  }

  @Override
  public RawResponse send(RestExchange ex) throws TransportException, NotSentException {
    StringBuilder refusal = new StringBuilder();
    boolean go;
    try {
      go = gate.acquire(ex.operation().weightFor(ex.params()), ex.operation().orderCount(), refusal);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotSentException(NotSentReason.CLIENT_CLOSED, ex.operation().name() + ": interrupted while held by the rate-limit gate");
    }
    if (!go) {
      throw new NotSentException(NotSentReason.HELD_BY_RATE_LIMIT_GATE, ex.operation().name() + ": " + refusal);
    }
    return next.send(ex);
  }
}
