package io.spotsdk.reconcile;

import io.spotsdk.model.Order;
import io.spotsdk.model.OrderList;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.ListStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles an unknown placement by the user data stream, before any query: an executionReport for its client
 * order id (for an order list, a listStatus for its list client order id) proves it executed, at once. Its absence
 * proves nothing by itself: only when the stream was watched without a gap from before the request until its
 * window closed, and one query then confirms the order (list) does not exist, is it NOT_EXECUTED. Anything else is
 * left to the queries ({@code null}).
 */
final class StreamSettlement {
  private final ExecutionReports reports;
  private final Clock clock;
  private final Sleeper sleeper;

  /** A verdict and what proved it: an ExecutionReport, a ListStatus, or the confirming query's Order / OrderList. */
  record Result(Reconciliation reconciliation, Object value) {}

  StreamSettlement(ExecutionReports reports, Clock clock, Sleeper sleeper) {
    this.reports = reports;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  Optional<ExecutionReport> report(String symbol, String clientOrderId) {
    return reports.find(symbol, clientOrderId);
  }

  /**
   * The verdict from the stream (with at most one confirming query), or null to settle it by queries.
   *
   * @param list whether {@code clientOrderId} is a list client order id (settled by listStatus)
   */
  Result placement(RequestRecord r, String clientOrderId, boolean list, Instant settleAfter,
      Supplier<Outcome<?>> query) {
    if (clientOrderId == null || r.symbol() == null) {
      return null;
    }
    Instant start = clock.instant();
    Optional<?> seen = seen(r.symbol(), clientOrderId, list);
    if (seen.isPresent()) {
      return byEvent(seen.get(), clientOrderId, start);
    }
    Instant sentAt = r.sentAt() != null ? r.sentAt() : start;
    if (!reports.coveredSince(sentAt)) {
      return null; // not watched all along: a missing report may just have been missed
    }
    Instant now = start;
    if (now.isBefore(settleAfter)) {
      try {
        sleeper.sleep(Duration.between(now, settleAfter));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    // asked again even when the window had already closed: an event on another connection may come a little late
    seen = seen(r.symbol(), clientOrderId, list);
    if (seen.isPresent()) {
      return byEvent(seen.get(), clientOrderId, start);
    }
    if (!reports.coveredSince(sentAt)) {
      return null;
    }
    Outcome<?> answer = query.get();
    Duration took = Duration.between(start, clock.instant());
    if (answer instanceof Outcome.Success<?> s && (s.value() instanceof Order || s.value() instanceof OrderList)) {
      Order order = s.value() instanceof Order o ? o : null;
      return new Result(new Reconciliation(Verdict.EXECUTED, clientOrderId, order, 1, took, answer,
          "Binance reports it (its " + (list ? "listStatus" : "executionReport") + " was not seen)"), s.value());
    }
    if (Reconciler.isNotFound(answer)) {
      return new Result(new Reconciliation(Verdict.NOT_EXECUTED, clientOrderId, null, 1, took, answer,
          "no " + (list ? "listStatus" : "executionReport") + " on the user data stream (watched without a gap) by the"
              + " end of the request window at " + settleAfter + ", and a query confirms it does not exist"), null);
    }
    return null; // the query settled nothing: the queries take over
  }

  private Optional<?> seen(String symbol, String clientOrderId, boolean list) {
    return list ? reports.findList(symbol, clientOrderId) : reports.find(symbol, clientOrderId);
  }

  private Result byEvent(Object event, String clientOrderId, Instant start) {
    Duration took = Duration.between(start, clock.instant());
    if (event instanceof ListStatus l) {
      String what = "listStatus (orderListId " + l.orderListId() + ", listOrderStatus " + l.listOrderStatus() + ")";
      if ("REJECT".equals(l.listOrderStatus())) {
        return new Result(new Reconciliation(Verdict.NOT_EXECUTED, clientOrderId, null, 0, took, null,
            "the user data stream reported the list rejected: " + what), l);
      }
      return new Result(new Reconciliation(Verdict.EXECUTED, clientOrderId, null, 0, took, null,
          "settled by the user data stream, without a query: " + what), l);
    }
    ExecutionReport report = (ExecutionReport) event;
    return new Result(legOrOrder(report, clientOrderId, took), report);
  }

  /** What one executionReport proves about the order it names. */
  Reconciliation legOrOrder(ExecutionReport report, String clientOrderId, Duration took) {
    String what = "executionReport (executionType " + report.executionType() + ", orderStatus " + report.orderStatus()
        + ", orderId " + report.orderId() + ")";
    if ("REJECTED".equals(report.executionType())) {
      return new Reconciliation(Verdict.NOT_EXECUTED, clientOrderId, null, 0, took, null,
          "the user data stream reported it rejected: " + what);
    }
    return new Reconciliation(Verdict.EXECUTED, clientOrderId, null, 0, took, null,
        "settled by the user data stream, without a query: " + what);
  }
}
