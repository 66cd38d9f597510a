package io.spotsdk.bench;

import io.spotsdk.bench.client.RestPair;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A single-threaded run of a REST benchmark's call before a many-caller trial. With 16 callers busy on 2 CPUs the
 * JIT's compiler threads get a sliver of CPU, and a client with more code to compile stays interpreted for longer:
 * the SDK's own work at 16 callers was still climbing from 24,000 to 165,000 ops/s after 18 s of warm-up, so the
 * table compared a half-compiled SDK with a compiled raw client. Run alone first, each client compiles as it would
 * in a process that has been up for a while. Every client gets the same pre-warm.
 */
final class Prewarm {
  /** Seconds of single-threaded calls over the wire; with no network calls are 40 times faster and 2 s do. */
  static final long WIRE_SECONDS = Long.getLong("bench.prewarm.seconds", 4);
  static final long NO_NETWORK_SECONDS = 2;

  private Prewarm() {}

  /** For a trial with more than one thread: calls the benchmark's operation alone for {@code seconds}. */
  static void ifManyCallers(RestPair client, BenchmarkParams params, long seconds) {
    if (params.getThreads() > 1) {
      boolean order = params.getBenchmark().contains(".order_");
      forSeconds(seconds, order ? client::newOrder : client::time);
    }
  }

  /** Calls {@code call} from this thread, over and over, for {@code seconds}. */
  static void forSeconds(long seconds, java.util.function.LongSupplier call) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() - end < 0) {
      call.getAsLong();
    }
  }
}
