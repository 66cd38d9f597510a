package io.spotsdk.bench;

import io.spotsdk.bench.client.RawWs;
import io.spotsdk.bench.client.SdkWs;
import io.spotsdk.bench.client.WsOrderReply;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import java.util.concurrent.CompletableFuture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * order.place round trips on one WebSocket connection: one at a time (latency), and 64 in flight at once
 * (throughput; an op is one order). The SDK's client against the raw JDK WebSocket matching replies by id.
 */
public class WsRoundTripBench {
  static final int IN_FLIGHT = 64;

  static String wsUri() {
    String uri = System.getProperty("bench.ws");
    if (uri == null) {
      throw new IllegalStateException("-Dbench.ws=ws://127.0.0.1:PORT/ws-api/v3 is not set (run io.spotsdk.bench.BenchMain)");
    }
    return uri;
  }

  /**
   * Before 64 in flight: one at a time for {@link Prewarm#WIRE_SECONDS}, so the JIT's threads get CPU to compile the
   * client while the socket's threads are not saturating both CPUs (see {@link Prewarm}). The same for every client.
   */
  static void prewarm(BenchmarkParams params, java.util.function.LongSupplier oneRoundTrip) {
    if (params.getBenchmark().contains(".inflight64_")) {
      Prewarm.forSeconds(Prewarm.WIRE_SECONDS, oneRoundTrip);
    }
  }

  @State(Scope.Benchmark)
  public static class Sdk {
    SdkWs client;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      client = new SdkWs(RestBench.restBase(), wsUri());
      prewarm(params, () -> SdkWs.check(client.orderPlace().join()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }
  }

  /** The SDK completing futures on the socket thread: not a pair of the goals, the price of a promise. */
  @State(Scope.Benchmark)
  public static class SdkOnSocketThread {
    SdkWs client;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      client = new SdkWs(RestBench.restBase(), wsUri(), true);
      prewarm(params, () -> SdkWs.check(client.orderPlace().join()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Raw {
    RawWs client;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      client = new RawWs(wsUri());
      prewarm(params, () -> RawWs.check(client.orderPlace().join()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }
  }

  @Benchmark
  public long inflight1_sdk(Sdk s) {
    return SdkWs.check(s.client.orderPlace().join());
  }

  @Benchmark
  public long inflight1_sdkOnSocketThread(SdkOnSocketThread s) {
    return SdkWs.check(s.client.orderPlace().join());
  }

  @Benchmark
  public long inflight1_raw(Raw s) {
    return RawWs.check(s.client.orderPlace().join());
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public long inflight64_sdk(Sdk s) {
    return inFlight(s.client);
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  public long inflight64_sdkOnSocketThread(SdkOnSocketThread s) {
    return inFlight(s.client);
  }

  /** {@value #IN_FLIGHT} order.place requests on one connection at once, each answer checked. */
  @SuppressWarnings("unchecked")
  private static long inFlight(SdkWs client) {
    CompletableFuture<Outcome<Order>>[] f = new CompletableFuture[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      f[i] = client.orderPlace();
    }
    long sum = 0;
    for (CompletableFuture<Outcome<Order>> x : f) {
      sum += SdkWs.check(x.join());
    }
    return sum;
  }

  @Benchmark
  @OperationsPerInvocation(IN_FLIGHT)
  @SuppressWarnings("unchecked")
  public long inflight64_raw(Raw s) {
    CompletableFuture<WsOrderReply>[] f = new CompletableFuture[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      f[i] = s.client.orderPlace();
    }
    long sum = 0;
    for (CompletableFuture<WsOrderReply> x : f) {
      sum += RawWs.check(x.join());
    }
    return sum;
  }
}
