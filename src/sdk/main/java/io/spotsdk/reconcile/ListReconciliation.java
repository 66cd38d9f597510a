package io.spotsdk.reconcile;

import io.spotsdk.model.OrderList;
import java.util.List;

/**
 * An unknown order-list call, settled per list and per leg.
 *
 * @param list the verdict on the list as a whole (its {@link Reconciliation#order()} is null: see {@code orderList})
 * @param orderList the list as Binance now reports it, or null when it was not found
 * @param legs each leg's own verdict, in the list's order (for a list that was not found: the legs the request
 *     named, all NOT_EXECUTED)
 */
public record ListReconciliation(Reconciliation list, OrderList orderList, List<LegReconciliation> legs) {
  /**
   * Copies the legs.
   *
   * @param list the list's verdict
   * @param orderList the list, or null
   * @param legs the legs' verdicts
   */
  public ListReconciliation {
    legs = List.copyOf(legs);
  }

  /**
   * Whether the list exists on Binance.
   *
   * @return true when the list's verdict is EXECUTED
   */
  public boolean executed() {
    return list.executed();
  }
}
