package io.spotsdk.reconcile;

import io.spotsdk.model.Order;
import io.spotsdk.model.OrderList;
import io.spotsdk.model.OrderListLeg;
import io.spotsdk.model.OrderStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The legs of an order-list answer, each with what became of it. A list can be placed while one of its legs was
 * refused or ended at once (an OTO whose working order filled at once, an OCO leg that expired in the match): the
 * list's success says the list exists, each leg says whether it works.
 */
public final class ListLegs {
  private ListLegs() {}

  /** What one leg of a placed list is doing. */
  public enum State {
    /** On the book (NEW or PARTIALLY_FILLED). */
    WORKING,
    /** Waiting for the working leg to fill (PENDING_NEW). */
    PENDING,
    /** Fully filled. */
    FILLED,
    /** Refused by the engine (REJECTED): this leg did not take effect. */
    REFUSED,
    /** Ended without filling (CANCELED, EXPIRED, EXPIRED_IN_MATCH). */
    ENDED,
    /** The answer has no report for the leg (ACK), or a status this version does not know. */
    UNKNOWN
  }

  /**
   * One leg.
   *
   * @param clientOrderId the leg's client order id
   * @param orderId Binance's id of the leg
   * @param report the leg's order report, or null (ACK answers, list queries)
   * @param state what the leg is doing
   */
  public record Leg(String clientOrderId, Long orderId, Order report, State state) {}

  /**
   * The legs of a list, in its order, matched with their order reports by orderId.
   *
   * @param list a list answer (placement, cancel or query)
   * @return one entry per leg
   */
  public static List<Leg> of(OrderList list) {
    List<Leg> out = new ArrayList<>();
    List<Order> reports = list.orderReports() == null ? List.of() : list.orderReports();
    for (OrderListLeg leg : list.orders() == null ? List.<OrderListLeg>of() : list.orders()) {
      Order report = reports.stream().filter(r -> r.orderId() != null && r.orderId().equals(leg.orderId())).findFirst()
          .orElse(null);
      out.add(new Leg(leg.clientOrderId(), leg.orderId(), report, state(report)));
    }
    return out;
  }

  /**
   * Whether some leg of a placed list did not take effect.
   *
   * @param list a list answer
   * @return true when a leg was refused
   */
  public static boolean partlyRefused(OrderList list) {
    return of(list).stream().anyMatch(l -> l.state() == State.REFUSED);
  }

  static State state(Order report) {
    if (report == null || report.status() == null || !report.status().isRecognized()) {
      return State.UNKNOWN;
    }
    OrderStatus s = report.status();
    if (s == OrderStatus.NEW || s == OrderStatus.PARTIALLY_FILLED) {
      return State.WORKING;
    }
    if (s == OrderStatus.PENDING_NEW) {
      return State.PENDING;
    }
    if (s == OrderStatus.FILLED) {
      return State.FILLED;
    }
    if (s == OrderStatus.REJECTED) {
      return State.REFUSED;
    }
    if (s.isTerminal()) {
      return State.ENDED;
    }
    return State.UNKNOWN;
  }
}
