package io.spotsdk.outcome;

/** Thrown by {@link Outcome#orThrow()}; carries the outcome, whose kind tells what happened. */
public final class OutcomeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Outcome<?> outcome;

  public OutcomeException(Outcome<?> outcome) {
    super(outcome.getClass().getSimpleName() + ": " + outcome, null, false, false);
    this.outcome = outcome;
  }

  public Outcome<?> outcome() {
    return outcome;
  }
}
