package io.spotsdk.internal.gate;

import java.time.Duration;

/** What the rate-limit gate says to one request: go (its cost is counted), wait this long and ask again, or refuse. */
public record GateDecision(boolean proceed, Duration waitFor, String refusal) {
  public static final GateDecision GO = new GateDecision(true, Duration.ZERO, null);

  public static GateDecision waitFor(Duration d) {
    return new GateDecision(false, d, null);
  }

  public static GateDecision refuse(String why) {
    return new GateDecision(false, null, why);
  }

  public boolean refused() {
    return refusal != null;
  }
}
