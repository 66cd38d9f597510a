package io.spotsdk.bench;

import io.spotsdk.bench.client.CannedResponses;
import io.spotsdk.bench.client.CannedTransport;
import io.spotsdk.bench.client.RawRest;
import io.spotsdk.bench.client.RestPair;
import io.spotsdk.bench.client.SdkPipeline;
import io.spotsdk.bench.client.SdkRest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * REST {@code time} and a signed {@code newOrder} with no network: each client's own work per call. The SDK runs its
 * whole pipeline (validate, gate, sign, encode, classify, bind, usage, observe) over a transport that answers with
 * the server's captured response ({@link CannedTransport}); the raw client builds and signs its request as it does
 * on the wire and hands the same captured response to its handler. No socket, no kernel, no server: these numbers
 * are stable where the wire ones are not, and they bound what the SDK's stages can add to a real exchange.
 */
public class RestOwnWorkBench {
  /** Holds one client for the whole trial, answered from one capture. */
  public abstract static class Client {
    RestPair client;

    abstract RestPair open(String base, CannedResponses canned);

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      String base = RestBench.restBase();
      client = open(base, new CannedResponses(base));
      Prewarm.ifManyCallers(client, params, Prewarm.NO_NETWORK_SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Sdk extends Client {
    @Override
    RestPair open(String base, CannedResponses canned) {
      return new SdkRest(SdkPipeline.over(new CannedTransport(canned), base));
    }
  }

  @State(Scope.Benchmark)
  public static class Raw extends Client {
    @Override
    RestPair open(String base, CannedResponses canned) {
      return RawRest.noWire(base, canned);
    }
  }

  @Benchmark
  public long time_sdk(Sdk s) {
    return s.client.time();
  }

  @Benchmark
  public long time_raw(Raw s) {
    return s.client.time();
  }

  @Benchmark
  public long order_sdk(Sdk s) {
    return s.client.newOrder();
  }

  @Benchmark
  public long order_raw(Raw s) {
    return s.client.newOrder();
  }
}
