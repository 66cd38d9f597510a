package io.spotsdk.bench;

import io.spotsdk.bench.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The whole set in one command: starts the stand-in server in its own JVM, checks that every client puts the same
 * request on the wire, runs every pair with JMH (allocation and client CPU per op beside time), and writes a table
 * of ratios to {@code bench-results.md} beside the jar and to stdout.
 *
 * <p>System properties: {@code bench.quick=true} (1 x 1 s iterations, to try the harness), {@code bench.out}
 * (where the table goes). The argument {@code --check-only} stops after the wire check.
 */
public final class BenchMain {
  // 5, not 3: the SDK has more code for C2 to compile than a raw client, and with 3 x 2 s its JIT threads were still
  // compiling during measurement (their CPU counts as the fork's), which is not the steady state a trading process runs in
  static final int WARMUP_ITERATIONS = 5;
  static final int MEASUREMENT_ITERATIONS = 3;
  static final int ITERATION_SECONDS = 2;
  static final int CALLERS = 16;
  static final List<String> FORK_JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = Boolean.getBoolean("bench.quick");
    int warmups = quick ? 1 : WARMUP_ITERATIONS;
    int measurements = quick ? 1 : MEASUREMENT_ITERATIONS;
    int seconds = quick ? 1 : ITERATION_SECONDS;
    Instant began = Instant.now();
    String loadBefore = loadAverage();
    Properties versions = versions();

    List<String> checks;
    List<RunResult> results = new ArrayList<>();
    Duration serverCpu;
    List<String> forkFlags = new ArrayList<>(FORK_JVM_FLAGS);
    try (ServerProcess server = ServerProcess.start()) {
      System.out.println("stand-in server: pid " + server.pid() + ", " + server.restBase() + ", " + server.wsUri());
      checks = WireCheck.run(server);
      checks.forEach(c -> System.out.println("wire check: " + c));
      if (List.of(args).contains("--check-only")) {
        System.out.println("wire check passed; --check-only: nothing measured");
        System.exit(0);
      }
      String warmUp = ServerWarmUp.run(server);
      System.out.println(warmUp);
      checks = new ArrayList<>(checks);
      checks.add(warmUp);
      List<String> jvm = new ArrayList<>(forkFlags);
      jvm.add("-Dbench.rest=" + server.restBase());
      jvm.add("-Dbench.ws=" + server.wsUri());
      Duration cpuBefore = server.cpu();
      // 1 caller: time per op
      results.addAll(run(base(jvm, warmups, measurements, seconds)
          .include(RestBench.class.getName() + "\\.")
          .include(WsRoundTripBench.class.getName() + "\\.inflight1_")
          .threads(1).mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)));
      // no network: a WS reply frame to an outcome, each REST client's own work per call; stable, so 1 s iterations do
      results.addAll(run(base(jvm, warmups, measurements, 1)
          .include(WsFrameBench.class.getName() + "\\.")
          .include(RestOwnWorkBench.class.getName() + "\\.")
          .threads(1).mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)));
      // 16 callers on one client: throughput, after a single-threaded pre-warm (Prewarm) that stands for 2 warm-ups
      results.addAll(run(base(jvm, manyCallerWarmups(warmups), measurements, seconds)
          .include(RestBench.class.getName() + "\\.")
          .threads(CALLERS).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)));
      // and the signed order's own work at 16 callers: what the stages cost when callers contend
      results.addAll(run(base(jvm, warmups, measurements, 1)
          .include(RestOwnWorkBench.class.getName() + "\\.order_")
          .threads(CALLERS).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)));
      // 64 in flight on one connection: throughput, after a pre-warm one at a time (WsRoundTripBench.prewarm)
      results.addAll(run(base(jvm, manyCallerWarmups(warmups), measurements, seconds)
          .include(WsRoundTripBench.class.getName() + "\\.inflight64_")
          .threads(1).mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)));
      serverCpu = server.cpu().minus(cpuBefore);
    }
    Duration wall = Duration.between(began, Instant.now());

    ResultsTable table = new ResultsTable(results);
    StringBuilder md = new StringBuilder();
    md.append("# spot-sdk benchmarks\n\n");
    md.append("One run, ").append(Instant.now()).append(", wall time ").append(wall.toSeconds()).append(" s")
        .append(quick ? " (**quick mode: 1 x 1 s iterations, not for the record**)" : "").append(".\n\n");
    md.append("- JVM: ").append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.vm.version"))
        .append(" (").append(System.getProperty("java.vm.vendor")).append("), ")
        .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, ").append(System.getProperty("os.name"))
        .append(' ').append(System.getProperty("os.arch")).append('\n');
    md.append("- Versions: spot-sdk ").append(versions.getProperty("spot-sdk")).append(", JMH ")
        .append(versions.getProperty("jmh")).append(", httpclient5 ").append(versions.getProperty("httpclient5"))
        .append(", Jackson ").append(versions.getProperty("jackson")).append(", binance-connector-java ")
        .append(versions.getProperty("binance-connector-java")).append(", Java-WebSocket (server) ")
        .append(versions.getProperty("java-websocket")).append('\n');
    md.append("- JMH: `-f 1 -wi ").append(warmups).append(" -w ").append(seconds).append("s -i ").append(measurements)
        .append(" -r ").append(seconds).append("s -prof gc -prof ").append(CpuPerOpProfiler.class.getName())
        .append("`; fork JVM flags `").append(String.join(" ", forkFlags)).append("`. 1 caller: `-t 1 -bm avgt`; ")
        .append(CALLERS).append(" callers on one client: `-t ").append(CALLERS).append(" -bm thrpt -wi ")
        .append(manyCallerWarmups(warmups)).append("` after ").append(Prewarm.WIRE_SECONDS)
        .append(" s of the same call from one thread (the JIT's threads starve under 16 busy callers on 2 CPUs); 64 in")
        .append(" flight: `-t 1 -bm thrpt -wi ").append(manyCallerWarmups(warmups)).append("`, `@OperationsPerInvocation(64)`,")
        .append(" after ").append(Prewarm.WIRE_SECONDS).append(" s of one at a time; no network (WS frame, REST own work): `-t 1")
        .append(" -bm avgt -w 1s -r 1s` and, for newOrder, `-t ").append(CALLERS).append(" -bm thrpt -w 1s -r 1s` after ")
        .append(Prewarm.NO_NETWORK_SECONDS).append(" s from one thread.\n");
    md.append("- Server: its own JVM (`").append(String.join(" ", ServerProcess.JVM_FLAGS))
        .append("`), 127.0.0.1; it used ").append(serverCpu.toMillis() / 1000.0)
        .append(" s CPU during the measurements. Load average before: ").append(loadBefore).append(", after: ")
        .append(loadAverage()).append(".\n");
    md.append("- CPU/op is the client fork's process CPU (all its threads) per op; bytes/op is JMH's gc.alloc.rate.norm.\n");
    md.append("- Wire check before measuring (same params in the same order, valid signature):\n\n```\n");
    checks.forEach(c -> md.append(c).append('\n'));
    md.append("```\n\n");
    md.append(table.markdown());
    String text = md.toString();
    System.out.println();
    System.out.println(text);
    Path out = outputPath();
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.println("written to " + out.toAbsolutePath().normalize());
    System.exit(0); // the connector's OkHttp singleton keeps non-daemon threads
  }

  /** The pre-warm (Prewarm) runs each many-caller trial's call alone first; it takes the place of two warm-ups. */
  static int manyCallerWarmups(int warmups) {
    return Math.max(1, warmups - 2);
  }

  private static ChainedOptionsBuilder base(List<String> jvm, int warmups, int measurements, int seconds) {
    return new OptionsBuilder()
        .forks(1)
        .warmupIterations(warmups).warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(measurements).measurementTime(TimeValue.seconds(seconds))
        .jvmArgsAppend(jvm.toArray(String[]::new))
        .addProfiler(GCProfiler.class)
        .addProfiler(CpuPerOpProfiler.class)
        .shouldFailOnError(true)
        .timeout(TimeValue.seconds(60));
  }

  private static Collection<RunResult> run(ChainedOptionsBuilder options) throws Exception {
    return new Runner(options.build()).run();
  }

  private static Path outputPath() {
    String configured = System.getProperty("bench.out");
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return (Files.isDirectory(jar) ? jar : jar.getParent()).resolve("bench-results.md");
    } catch (Exception e) {
      return Path.of("bench-results.md");
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static Properties versions() throws IOException {
    Properties p = new Properties();
    try (InputStream in = BenchMain.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return p;
  }
}
