package io.spotsdk.internal.gate;

import io.spotsdk.outcome.Outcome;

/** The side of a rate-limit gate that only the SDK's call pipeline uses: acquire before a send, observe after it. */
public interface PipelineGate {
  /**
   * Asks to send one request of this weight that adds {@code orders} to the unfilled-order count. On
   * {@code proceed} the cost is already counted; on a wait, the caller waits (with its own sleeper) and asks again.
   */
  GateDecision tryAcquire(int weight, int orders);

  /** Learns from an outcome: reported usage, limits, 429 retry instants and 418 bans. */
  void observe(Outcome<?> outcome);
}
