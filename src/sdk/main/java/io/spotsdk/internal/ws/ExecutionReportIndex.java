package io.spotsdk.internal.ws;

import io.spotsdk.reconcile.ExecutionReports;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.ListStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The first executionReport of each recent order (by symbol and client order id), the first listStatus of each
 * recent order list (by symbol and list client order id), and since when the stream has
 * been watched without a gap. Bounded: the oldest orders are forgotten first; a reconciliation asks about an order
 * it sent moments ago.
 */
final class ExecutionReportIndex implements ExecutionReports {
  private static final int MAX_ORDERS = 100_000;

  private final Clock clock;
  private final Map<String, ExecutionReport> reports = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ExecutionReport> eldest) {
      return size() > MAX_ORDERS;
    }
  };
  private final Map<String, ListStatus> lists = new LinkedHashMap<>(64, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, ListStatus> eldest) {
      return size() > MAX_ORDERS;
    }
  };
  private final Map<String, CompletableFuture<ExecutionReport>> waiting = new LinkedHashMap<>();
  /** Since when every report has been seen; null while no subscription is active. */
  private Instant watchedSince;

  ExecutionReportIndex(Clock clock) {
    this.clock = clock;
  }

  private static String key(String symbol, String clientOrderId) {
    return symbol + '\u0000' + clientOrderId;
  }

  void record(ExecutionReport r) {
    if (r.symbol() == null || r.clientOrderId() == null || r.clientOrderId().isEmpty()) {
      return;
    }
    String k = key(r.symbol(), r.clientOrderId());
    CompletableFuture<ExecutionReport> w;
    synchronized (this) {
      reports.putIfAbsent(k, r);
      w = waiting.remove(k);
    }
    if (w != null) {
      w.completeAsync(() -> r); // never run a waiter's code on the socket thread
    }
  }

  synchronized void record(ListStatus l) {
    if (l.symbol() != null && l.listClientOrderId() != null && !l.listClientOrderId().isEmpty()) {
      lists.putIfAbsent(key(l.symbol(), l.listClientOrderId()), l);
    }
  }

  /** A subscription became active with nothing missed before it: watched from now on (unless already). */
  synchronized void watching() {
    if (watchedSince == null) {
      watchedSince = clock.instant();
    }
  }

  /** Reports may have been missed (a gap, or no subscription): coverage starts again from the next {@link #watching}. */
  synchronized void gap() {
    watchedSince = null;
  }

  @Override
  public synchronized Optional<ExecutionReport> find(String symbol, String clientOrderId) {
    return Optional.ofNullable(reports.get(key(symbol, clientOrderId)));
  }

  @Override
  public synchronized Optional<ListStatus> findList(String symbol, String listClientOrderId) {
    return Optional.ofNullable(lists.get(key(symbol, listClientOrderId)));
  }

  @Override
  public CompletableFuture<ExecutionReport> awaitReport(String symbol, String clientOrderId) {
    String k = key(symbol, clientOrderId);
    synchronized (this) {
      ExecutionReport r = reports.get(k);
      if (r != null) {
        return CompletableFuture.completedFuture(r);
      }
      return waiting.computeIfAbsent(k, x -> new CompletableFuture<>()).copy();
    }
  }

  @Override
  public synchronized boolean coveredSince(Instant since) {
    return watchedSince != null && !watchedSince.isAfter(since);
  }
}
