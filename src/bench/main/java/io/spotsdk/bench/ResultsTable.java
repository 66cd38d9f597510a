package io.spotsdk.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** The run's results as one markdown table: each pair's time or throughput, CPU/op and bytes/op, with ratios. */
final class ResultsTable {
  private enum Measure {
    TIME("time/op", false), THROUGHPUT("throughput", true), CPU("CPU/op", false), BYTES("bytes/op", false);

    final String label;
    final boolean higherIsBetter;

    Measure(String label, boolean higherIsBetter) {
      this.label = label;
      this.higherIsBetter = higherIsBetter;
    }
  }

  /** A goal on SDK / raw (or SDK / connector): at most, or (for throughput) at least, this ratio. */
  private record Goal(Measure measure, boolean vsConnector, double ratio) {}

  private record Pair(String title, String benchPrefix, int threads, Measure primary, boolean hasConnector,
      List<Goal> goals) {}

  private static final List<Pair> PAIRS = List.of(
      new Pair("REST time, 1 caller", "RestBench.time", 1, Measure.TIME, true,
          List.of(new Goal(Measure.CPU, false, 1.05), new Goal(Measure.BYTES, false, 1.2), new Goal(Measure.CPU, true, 0.6))),
      new Pair("REST newOrder (signed), 1 caller", "RestBench.order", 1, Measure.TIME, true,
          List.of(new Goal(Measure.CPU, false, 1.05), new Goal(Measure.BYTES, false, 1.2), new Goal(Measure.CPU, true, 0.6))),
      new Pair("REST time, 16 callers, one client", "RestBench.time", BenchMain.CALLERS, Measure.THROUGHPUT, true,
          List.of(new Goal(Measure.THROUGHPUT, false, 0.95), new Goal(Measure.CPU, false, 1.10),
              new Goal(Measure.BYTES, false, 1.2), new Goal(Measure.CPU, true, 0.6))),
      new Pair("REST newOrder, 16 callers, one client", "RestBench.order", BenchMain.CALLERS, Measure.THROUGHPUT, true,
          List.of(new Goal(Measure.THROUGHPUT, false, 0.95), new Goal(Measure.CPU, false, 1.10),
              new Goal(Measure.BYTES, false, 1.2), new Goal(Measure.CPU, true, 0.6))),
      new Pair("WS reply frame -> outcome, success (no network)", "WsFrameBench.success", 1, Measure.TIME, false,
          List.of(new Goal(Measure.TIME, false, 1.2), new Goal(Measure.BYTES, false, 1.2))),
      new Pair("WS reply frame -> outcome, rejected (no network)", "WsFrameBench.rejected", 1, Measure.TIME, false,
          List.of(new Goal(Measure.TIME, false, 1.2), new Goal(Measure.BYTES, false, 1.2))),
      new Pair("WS order.place round trip, 1 in flight", "WsRoundTripBench.inflight1", 1, Measure.TIME, false,
          List.of(new Goal(Measure.TIME, false, 1.1))),
      new Pair("WS order.place, 64 in flight, one connection", "WsRoundTripBench.inflight64", 1, Measure.THROUGHPUT,
          false, List.of(new Goal(Measure.THROUGHPUT, false, 0.95))));

  private final Map<String, RunResult> byKey = new HashMap<>();

  ResultsTable(Collection<RunResult> results) {
    for (RunResult r : results) {
      String full = r.getParams().getBenchmark();
      String[] parts = full.split("\\.");
      String key = parts[parts.length - 2] + "." + parts[parts.length - 1] + "@" + r.getParams().getThreads();
      byKey.put(key, r);
    }
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("| pair | measure | SDK | raw | connector | SDK / raw | SDK / connector | goal | met |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---|---|\n");
    int met = 0;
    int missed = 0;
    for (Pair p : PAIRS) {
      for (Measure m : new Measure[] {p.primary(), Measure.CPU, Measure.BYTES}) {
        Double sdk = value(p, "sdk", m);
        Double raw = value(p, "raw", m);
        Double con = p.hasConnector() ? value(p, "connector", m) : null;
        Double vsRaw = ratio(sdk, raw);
        Double vsCon = ratio(sdk, con);
        List<String> goals = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Goal g : p.goals()) {
          if (g.measure() != m) {
            continue;
          }
          Double r = g.vsConnector() ? vsCon : vsRaw;
          goals.add((g.measure().higherIsBetter ? ">= " : "<= ") + fmt(g.ratio()) + "x " + (g.vsConnector() ? "connector" : "raw"));
          if (r == null) {
            verdicts.add("n/a");
          } else if (g.measure().higherIsBetter ? r >= g.ratio() : r <= g.ratio()) {
            verdicts.add("met");
            met++;
          } else {
            verdicts.add("**not met**");
            missed++;
          }
        }
        b.append("| ").append(m == p.primary() ? p.title() : "").append(" | ").append(m.label).append(" | ")
            .append(show(m, sdk)).append(" | ").append(show(m, raw)).append(" | ")
            .append(p.hasConnector() ? show(m, con) : "").append(" | ").append(vsRaw == null ? "" : fmt(vsRaw))
            .append(" | ").append(vsCon == null ? "" : fmt(vsCon)).append(" | ").append(String.join(", ", goals))
            .append(" | ").append(String.join(", ", verdicts)).append(" |\n");
      }
    }
    restBreakdown(b);
    b.append("\n**What a promise costs.** By default every stage a caller attaches to a WebSocket call's future runs")
        .append(" on the completions executor, off the socket's reader thread, so a slow callback can never stall the")
        .append(" replies of other requests (a promise, see `completionExecutor`); a caller blocked in `join()` wakes")
        .append(" from the reader thread. The same SDK with `completionExecutor(Runnable::run)`, which drops that")
        .append(" promise:\n\n")
        .append("| WS order.place | measure | SDK (default) | SDK on socket thread | raw | default / on socket thread | on socket thread / raw |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Pair p : PAIRS) {
      if (!p.benchPrefix().startsWith("WsRoundTripBench.")) {
        continue;
      }
      for (Measure m : new Measure[] {p.primary(), Measure.CPU, Measure.BYTES}) {
        Double sdk = value(p, "sdk", m);
        Double inline = value(p, "sdkOnSocketThread", m);
        Double raw = value(p, "raw", m);
        Double a = ratio(sdk, inline);
        Double c = ratio(inline, raw);
        b.append("| ").append(m == p.primary() ? p.title().replace("WS order.place", "").replace("round trip, ", "").replace(", one connection", "").replaceFirst("^, ", "").trim() : "")
            .append(" | ").append(m.label).append(" | ").append(show(m, sdk)).append(" | ").append(show(m, inline))
            .append(" | ").append(show(m, raw)).append(" | ").append(a == null ? "" : fmt(a)).append(" | ")
            .append(c == null ? "" : fmt(c)).append(" |\n");
      }
    }
    b.append("\nGoals (issue 12): ").append(met).append(" met, ").append(missed).append(" not met. Time is ns per op")
        .append(" (1 caller: the caller's latency), throughput is ops/s over all callers, CPU/op is ns of client CPU,")
        .append(" bytes/op is allocation. For throughput a ratio above 1 is better; for the others, below 1.\n");
    return b.toString();
  }

  /**
   * Where the SDK's extra REST cost sits, from three measurements of one signed newOrder: the SDK as users build it,
   * the SDK's pipeline over HttpClient set up as the raw client's (its transport's promises dropped), and each
   * client's own work with no network at all.
   */
  private void restBreakdown(StringBuilder b) {
    b.append("\n**Where the SDK's extra REST cost goes.** The same signed newOrder three ways: the SDK as users build")
        .append(" it; the SDK's pipeline over HttpClient set up exactly as the raw client's (\"stock transport\": it drops")
        .append(" the SDK transport's promises, which are a stale check before every request so that no order is written")
        .append(" to a connection the server closed, knowing when the write began so that a failure before it is")
        .append(" NotSent, a read timeout and a response deadline so that no caller waits forever, and a cap on the body);")
        .append(" and the raw client. SDK / stock is what the transport's promises cost; stock / raw is what the stages")
        .append(" above the transport cost (validate, gate, sign, classify, raw body kept, usage, observe).\n\n")
        .append("| newOrder | measure | SDK | SDK over stock transport | raw | SDK / stock | stock / raw |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (int threads : new int[] {1, BenchMain.CALLERS}) {
      Measure primary = threads == 1 ? Measure.TIME : Measure.THROUGHPUT;
      for (Measure m : new Measure[] {primary, Measure.CPU, Measure.BYTES}) {
        Double sdk = get("RestBench.order_sdk@" + threads, m);
        Double stock = get("RestBench.order_sdkStockTransport@" + threads, m);
        Double raw = get("RestBench.order_raw@" + threads, m);
        b.append("| ").append(m == primary ? (threads == 1 ? "1 caller" : threads + " callers") : "").append(" | ")
            .append(m.label).append(" | ").append(show(m, sdk)).append(" | ").append(show(m, stock)).append(" | ")
            .append(show(m, raw)).append(" | ").append(fmtOrBlank(ratio(sdk, stock))).append(" | ")
            .append(fmtOrBlank(ratio(stock, raw))).append(" |\n");
      }
    }
    b.append("\nEach client's own work with no network (RestOwnWorkBench): the SDK's whole pipeline over a transport")
        .append(" that answers with the server's captured response, and the raw client building and signing its request")
        .append(" and handling the same captured response. No socket, kernel or server, so these are stable.\n\n")
        .append("| no network, 1 caller | measure | SDK | raw | SDK / raw | SDK - raw |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (String op : new String[] {"time", "order"}) {
      for (Measure m : new Measure[] {Measure.CPU, Measure.BYTES}) {
        Double sdk = get("RestOwnWorkBench." + op + "_sdk@1", m);
        Double raw = get("RestOwnWorkBench." + op + "_raw@1", m);
        b.append("| ").append(m == Measure.CPU ? (op.equals("order") ? "newOrder" : op) : "").append(" | ")
            .append(m.label).append(" | ").append(show(m, sdk)).append(" | ").append(show(m, raw)).append(" | ")
            .append(fmtOrBlank(ratio(sdk, raw))).append(" | ")
            .append(sdk == null || raw == null ? "" : show(m, sdk - raw))
            .append(" |\n");
      }
    }
    for (Measure m : new Measure[] {Measure.THROUGHPUT, Measure.CPU, Measure.BYTES}) {
      String at = "@" + BenchMain.CALLERS;
      Double sdk = get("RestOwnWorkBench.order_sdk" + at, m);
      Double raw = get("RestOwnWorkBench.order_raw" + at, m);
      b.append("| ").append(m == Measure.THROUGHPUT ? "newOrder, " + BenchMain.CALLERS + " callers" : "").append(" | ")
          .append(m.label).append(" | ").append(show(m, sdk)).append(" | ").append(show(m, raw)).append(" | ")
          .append(fmtOrBlank(ratio(sdk, raw))).append(" | ")
          .append(sdk == null || raw == null ? "" : show(m, sdk - raw)).append(" |\n");
    }
    Double sdk1 = get("RestBench.order_sdk@1", Measure.CPU);
    Double stock1 = get("RestBench.order_sdkStockTransport@1", Measure.CPU);
    Double raw1 = get("RestBench.order_raw@1", Measure.CPU);
    Double ownSdk = get("RestOwnWorkBench.order_sdk@1", Measure.CPU);
    Double ownRaw = get("RestOwnWorkBench.order_raw@1", Measure.CPU);
    if (sdk1 != null && stock1 != null && raw1 != null && ownSdk != null && ownRaw != null) {
      b.append("\nnewOrder at 1 caller, client CPU per op, this run: SDK - raw ").append(us(sdk1 - raw1))
          .append("; of it, with no network, the stages' own work (SDK - raw) ").append(us(ownSdk - ownRaw))
          .append("; over the wire, the transport's promises (SDK - SDK over stock transport) ").append(us(sdk1 - stock1))
          .append(" and the stages (SDK over stock transport - raw) ").append(us(stock1 - raw1))
          .append(". Each wire number comes from its own fork, and on 2 CPUs shared with the server a fork's CPU per op")
          .append(" moves by tens of µs from one run to the next (the same client's 1-caller wire numbers also swing by")
          .append(" a third between iterations of one fork); the no-network numbers do not.\n");
    }
    b.append("\n**What the echo check costs.** A WebSocket success is a Success only when its result echoes the")
        .append(" request's symbol and newClientOrderId; otherwise it may answer another request and is Unknown. The")
        .append(" same success frame with nothing to compare:\n\n")
        .append("| WS reply frame, success | measure | SDK | SDK without echo check | raw | SDK / without | without / raw |\n")
        .append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Measure m : new Measure[] {Measure.TIME, Measure.CPU, Measure.BYTES}) {
      Double sdk = get("WsFrameBench.success_sdk@1", m);
      Double without = get("WsFrameBench.success_sdkNoEchoCheck@1", m);
      Double raw = get("WsFrameBench.success_raw@1", m);
      b.append("| | ").append(m.label).append(" | ").append(show(m, sdk)).append(" | ").append(show(m, without))
          .append(" | ").append(show(m, raw)).append(" | ").append(fmtOrBlank(ratio(sdk, without))).append(" | ")
          .append(fmtOrBlank(ratio(without, raw))).append(" |\n");
    }
  }

  private Double get(String key, Measure m) {
    RunResult r = byKey.get(key);
    if (r == null) {
      return null;
    }
    return switch (m) {
      case TIME, THROUGHPUT -> r.getPrimaryResult().getScore();
      case CPU -> secondary(r, CpuPerOpProfiler.RESULT);
      case BYTES -> secondary(r, "gc.alloc.rate.norm");
    };
  }

  private static String fmtOrBlank(Double d) {
    return d == null ? "" : fmt(d);
  }

  private static String us(double ns) {
    return String.format(Locale.ROOT, "%.1f µs", ns / 1000);
  }

  private Double value(Pair p, String client, Measure m) {
    return get(p.benchPrefix() + "_" + client + "@" + p.threads(), m);
  }

  private static Double secondary(RunResult r, String name) {
    Result<?> s = r.getSecondaryResults().get(name);
    return s == null ? null : s.getScore();
  }

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 || a.isNaN() || b.isNaN() ? null : a / b;
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  private static String show(Measure m, Double v) {
    if (v == null || v.isNaN()) {
      return "";
    }
    return switch (m) {
      case TIME, CPU -> v >= 10_000 ? String.format(Locale.ROOT, "%.1f µs", v / 1000) : String.format(Locale.ROOT, "%.0f ns", v);
      case THROUGHPUT -> String.format(Locale.ROOT, "%,.0f ops/s", v);
      case BYTES -> String.format(Locale.ROOT, "%,.0f B", v);
    };
  }
}
