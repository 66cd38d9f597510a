package io.spotsdk.bench;

import io.spotsdk.bench.client.ConnectorRest;
import io.spotsdk.bench.client.RawRest;
import io.spotsdk.bench.client.RestPair;
import io.spotsdk.bench.client.SdkPipeline;
import io.spotsdk.bench.client.SdkRest;
import io.spotsdk.bench.client.StockTransport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * REST {@code time} and a signed {@code newOrder} against the stand-in server: the SDK, raw HttpClient 5 + Jackson,
 * and binance-connector-java. One client per fork, shared by every benchmark thread (the harness runs these at 1
 * and at 16 threads). Each call checks its answer.
 */
public class RestBench {
  static String restBase() {
    String base = System.getProperty("bench.rest");
    if (base == null) {
      throw new IllegalStateException("-Dbench.rest=http://127.0.0.1:PORT is not set (run io.spotsdk.bench.BenchMain)");
    }
    return base;
  }

  /** Holds one client for the whole trial. */
  public abstract static class Client {
    RestPair client;

    abstract RestPair open(String base);

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
      client = open(restBase());
      Prewarm.ifManyCallers(client, params, Prewarm.WIRE_SECONDS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      client.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Sdk extends Client {
    @Override
    RestPair open(String base) {
      return new SdkRest(base);
    }
  }

  /** The SDK's pipeline over HttpClient set up as the raw client's: what the SDK transport's promises cost. */
  @State(Scope.Benchmark)
  public static class SdkStockTransport extends Client {
    @Override
    RestPair open(String base) {
      return new SdkRest(SdkPipeline.over(new StockTransport(), base));
    }
  }

  @State(Scope.Benchmark)
  public static class Raw extends Client {
    @Override
    RestPair open(String base) {
      return new RawRest(base);
    }
  }

  @State(Scope.Benchmark)
  public static class Connector extends Client {
    @Override
    RestPair open(String base) {
      return new ConnectorRest(base);
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
  public long time_connector(Connector s) {
    return s.client.time();
  }

  @Benchmark
  public long order_sdk(Sdk s) {
    return s.client.newOrder();
  }

  @Benchmark
  public long order_sdkStockTransport(SdkStockTransport s) {
    return s.client.newOrder();
  }

  @Benchmark
  public long order_raw(Raw s) {
    return s.client.newOrder();
  }

  @Benchmark
  public long order_connector(Connector s) {
    return s.client.newOrder();
  }
}
