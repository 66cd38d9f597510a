package io.spotsdk.reconcile;

import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;

/**
 * A placement and, when its outcome was unknown, its reconciliation.
 *
 * @param outcome what the placement call answered
 * @param reconciliation null unless the outcome was {@link Outcome.Unknown}
 */
public record Settled(Outcome<Order> outcome, Reconciliation reconciliation) {
  /**
   * Whether the order is known to exist: a success, or an unknown settled as executed.
   *
   * @return true when it exists
   */
  public boolean executed() {
    return outcome.isSuccess() || (reconciliation != null && reconciliation.executed());
  }

  /**
   * Whether the order is known not to exist, so placing it again cannot duplicate it. When neither this nor
   * {@link #executed()} holds, the status is still unknown: do not place it again.
   *
   * @return true when it certainly does not exist
   */
  public boolean notExecuted() {
    if (reconciliation != null) {
      return reconciliation.verdict() == Verdict.NOT_EXECUTED;
    }
    return !outcome.isSuccess() && !outcome.mayHaveExecuted();
  }
}
