package io.spotsdk.bench;

import io.spotsdk.bench.client.RawRest;
import io.spotsdk.bench.client.RawWs;
import io.spotsdk.bench.server.ServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Brings the stand-in server's JVM to its compiled steady state before anything is measured. Without it the first
 * benchmarks of a run meet a server still being JIT-compiled (a 16-caller newOrder took 13 ms per op in its first
 * warm-up second and under 1 ms later, for every client alike), so a pair's ratio depended on which of its clients
 * JMH happened to run first. Every request goes through the raw clients, so no client of a pair is favoured.
 */
final class ServerWarmUp {
  static final Duration REST = Duration.ofSeconds(8);
  static final Duration WS = Duration.ofSeconds(4);
  static final int CALLERS = 16;

  private ServerWarmUp() {}

  /** Returns a line saying how many requests warmed the server. */
  static String run(ServerProcess server) throws Exception {
    long rest = rest(server.restBase());
    long ws = ws(server.wsUri());
    return "server warm-up: " + rest + " REST requests from " + CALLERS + " callers in " + REST.toSeconds() + " s, "
        + ws + " WebSocket requests (64 in flight) in " + WS.toSeconds() + " s";
  }

  private static long rest(String base) throws Exception {
    long end = System.nanoTime() + REST.toNanos();
    ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
    try (RawRest raw = new RawRest(base)) {
      List<Future<Long>> counts = new ArrayList<>();
      for (int i = 0; i < CALLERS; i++) {
        counts.add(callers.submit(() -> {
          long n = 0;
          while (System.nanoTime() < end) {
            raw.time();
            raw.newOrder();
            n += 2;
          }
          return n;
        }));
      }
      long total = 0;
      for (Future<Long> c : counts) {
        total += c.get();
      }
      return total;
    } finally {
      callers.shutdownNow();
    }
  }

  private static long ws(String uri) {
    long end = System.nanoTime() + WS.toNanos();
    long n = 0;
    try (RawWs raw = new RawWs(uri)) {
      while (System.nanoTime() < end) {
        List<CompletableFuture<?>> batch = new ArrayList<>(64);
        for (int i = 0; i < 64; i++) {
          batch.add(raw.orderPlace().thenApply(RawWs::check));
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        n += 64;
      }
    }
    return n;
  }
}
