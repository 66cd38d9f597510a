package io.spotsdk.reconcile;

import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.ws.model.ExecutionReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Settles an unknown placement by the user data stream, before any query: an executionReport for its client
 * order id proves it executed, at once. Its absence proves nothing by itself: only when the stream was watched
 * without a gap from before the request until its window closed, and one query then confirms the order does not
 * exist, is it NOT_EXECUTED. Anything else is left to the queries ({@code null}).
 */
final class StreamSettlement {
  private final ExecutionReports reports;
  private final Clock clock;
  private final Sleeper sleeper;

  StreamSettlement(ExecutionReports reports, Clock clock, Sleeper sleeper) {
    this.reports = reports;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The verdict from the stream (with at most one confirming query), or null to settle it by queries. */
  Reconciliation placement(RequestRecord r, String clientOrderId, Instant settleAfter, Supplier<Outcome<?>> query) {
    if (clientOrderId == null || r.symbol() == null) {
      return null;
    }
    Instant start = clock.instant();
    Optional<ExecutionReport> seen = reports.find(r.symbol(), clientOrderId);
    if (seen.isPresent()) {
      return byReport(seen.get(), clientOrderId, start);
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
      seen = reports.find(r.symbol(), clientOrderId);
      if (seen.isPresent()) {
        return byReport(seen.get(), clientOrderId, start);
      }
    }
    if (!reports.coveredSince(sentAt)) {
      return null;
    }
    Outcome<?> answer = query.get();
    Duration took = Duration.between(start, clock.instant());
    if (answer instanceof Outcome.Success<?> s && s.value() instanceof Order order) {
      return new Reconciliation(Verdict.EXECUTED, clientOrderId, order, 1, took, answer,
          "Binance reports the order (its executionReport was not seen)");
    }
    if (Reconciler.isNotFound(answer)) {
      return new Reconciliation(Verdict.NOT_EXECUTED, clientOrderId, null, 1, took, answer,
          "no executionReport on the user data stream (watched without a gap) by the end of the request window at "
              + settleAfter + ", and a query confirms the order does not exist");
    }
    return null; // the query settled nothing: the queries take over
  }

  private Reconciliation byReport(ExecutionReport report, String clientOrderId, Instant start) {
    String what = "executionReport (executionType " + report.executionType() + ", orderStatus " + report.orderStatus()
        + ", orderId " + report.orderId() + ")";
    Duration took = Duration.between(start, clock.instant());
    if ("REJECTED".equals(report.executionType())) {
      return new Reconciliation(Verdict.NOT_EXECUTED, clientOrderId, null, 0, took, null,
          "the user data stream reported it rejected: " + what);
    }
    return new Reconciliation(Verdict.EXECUTED, clientOrderId, null, 0, took, null,
        "settled by the user data stream, without a query: " + what);
  }
}
