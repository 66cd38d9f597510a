package io.spotsdk.outcome;

/** Thrown by {@link Outcome#orThrow()}; carries the outcome, whose kind tells what happened. */
public final class OutcomeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** The outcome that was not a success; transient, as outcomes are not serializable. */
  private final transient Outcome<?> outcome;

  /**
   * Wraps an outcome that was not a success. No stack trace is filled: the outcome says what happened.
   *
   * @param outcome the outcome, which the message summarises
   */
  public OutcomeException(Outcome<?> outcome) {
    super(outcome.getClass().getSimpleName() + ": " + outcome, null, false, false);
    this.outcome = outcome;
  }

  /**
   * The outcome, to tell a rejection from an unknown after catching this.
   *
   * @return the outcome, or null after deserialization
   */
  public Outcome<?> outcome() {
    return outcome;
  }
}
