package io.spotsdk.reconcile;

import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.ListStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The executionReports (and listStatus events) a client has seen on its user data stream, for a {@link Reconciler}
 * to consult before it queries: a report for the order's client order id proves the placement executed, at once, and
 * a listStatus for the list's client order id proves the list was placed. Its absence means
 * something only while every report would have been seen ({@link #coveredSince}).
 * {@code SpotWsApiClient.userDataStream().executionReports()} gives one.
 */
public interface ExecutionReports {
  /**
   * The first report seen for an order.
   *
   * @param symbol the order's symbol
   * @param clientOrderId the client order id the order was placed with
   * @return the report, or empty when none has been seen (yet)
   */
  Optional<ExecutionReport> find(String symbol, String clientOrderId);

  /**
   * The first listStatus seen for an order list: the list was placed, and its orders are named.
   *
   * @param symbol the list's symbol
   * @param listClientOrderId the list client order id the list was placed with
   * @return the event, or empty when none has been seen (yet); always empty for a source that does not keep them
   */
  default Optional<ListStatus> findList(String symbol, String listClientOrderId) {
    return Optional.empty();
  }

  /**
   * Completes with the first report for an order: at once if one was seen, else when one arrives. The caller
   * bounds the wait.
   *
   * @param symbol the order's symbol
   * @param clientOrderId the client order id the order was placed with
   * @return a future of the report
   */
  CompletableFuture<ExecutionReport> awaitReport(String symbol, String clientOrderId);

  /**
   * Whether the stream has been watched without a gap since {@code since}: a subscription was active before
   * then and has been ever since, with no event dropped and no reconnect. Only then does the absence of a report
   * mean anything.
   *
   * @param since e.g. when the request was sent
   * @return true when no report since then can have been missed
   */
  boolean coveredSince(Instant since);
}
