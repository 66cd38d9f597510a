package io.spotsdk.reconcile;

import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import java.time.Duration;

/**
 * The answer to "did it happen?" for one unknown outcome.
 *
 * @param verdict executed, not executed, or still unknown
 * @param subject what was looked up: the new order's or list's client id, or the order a cancel targeted
 * @param order the order as Binance now reports it (null when not found, and for a list: see
 *     {@link ListReconciliation})
 * @param queries how many queries it took
 * @param took how long it took
 * @param lastAnswer the last query's outcome
 * @param explanation why, in words
 */
public record Reconciliation(Verdict verdict, String subject, Order order, int queries, Duration took,
    Outcome<?> lastAnswer, String explanation) {

  /**
   * Whether Binance reports the effect: the order exists (placement) or was canceled (cancel).
   *
   * @return true for {@link Verdict#EXECUTED}
   */
  public boolean executed() {
    return verdict == Verdict.EXECUTED;
  }

  @Override
  public String toString() {
    return "Reconciliation[" + verdict + " " + subject + " after " + queries + " queries in " + took.toMillis() + " ms: "
        + explanation + "]";
  }
}
