package io.spotsdk.internal.gate;

import io.spotsdk.outcome.Outcome;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the SDK's pipeline reaches a {@code RateLimitGate}'s acquire and observe, which users must not call (the gate's
 * public face is its builder, limits, ban state and refusal count). The gate installs its opener here when its class
 * loads, as the JDK's SharedSecrets do: this package does not know the gate's type, so that {@code io.spotsdk.ratelimit}
 * depending on it makes no package cycle. Not part of the SDK's API.
 */
public final class GateAccess {
  private static volatile Function<Object, PipelineGate> opener;

  private GateAccess() {}

  /** Called once, by the gate class's initialiser. */
  public static synchronized void install(Function<Object, PipelineGate> gateOpener) {
    if (opener != null) {
      throw new IllegalStateException("the gate's opener is installed already");
    }
    opener = Objects.requireNonNull(gateOpener);
  }

  /**
   * The pipeline side of {@code gate}, a {@code RateLimitGate}. A gate instance exists only once its class has loaded,
   * so the opener is always installed by the time a gate is passed here.
   */
  public static PipelineGate of(Object gate) {
    return opener.apply(Objects.requireNonNull(gate, "gate"));
  }

  /** {@link PipelineGate#tryAcquire} on {@code gate}. */
  public static GateDecision tryAcquire(Object gate, int weight, int orders) {
    return of(gate).tryAcquire(weight, orders);
  }

  /** {@link PipelineGate#observe} on {@code gate}. */
  public static void observe(Object gate, Outcome<?> outcome) {
    of(gate).observe(outcome);
  }
}
