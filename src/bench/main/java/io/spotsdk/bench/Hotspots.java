package io.spotsdk.bench;

import io.spotsdk.bench.server.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Where one benchmark's client spends CPU and allocation: runs it under JFR (after warm-up) against the stand-in
 * server and prints, for the SDK's own code, the share of CPU samples and of sampled allocation under each method
 * (the nearest SDK frame below the sample, so a Jackson or HttpClient frame counts for the SDK method that called
 * it) and the methods seen on the most stacks (inclusive).
 *
 * <pre>java -cp src/bench/target/spot-sdk-bench.jar io.spotsdk.bench.Hotspots 'RestBench.order_sdk' 1</pre>
 */
public final class Hotspots {
  private Hotspots() {}

  public static void main(String[] args) throws Exception {
    String bench = args.length > 0 ? args[0] : "RestBench.order_sdk";
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Path jfr = Files.createTempFile("spot-bench-", ".jfr");
    // the JDK's profile settings, sampling Java code every 1 ms instead of 10 (more samples from one short run)
    Path settings = Files.createTempFile("spot-bench-", ".jfc");
    String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
    Files.writeString(settings, profile.replaceAll("(?<head><event name=\"jdk.ExecutionSample\">\\s*"
        + "<setting name=\"enabled\"[^>]*>true</setting>\\s*<setting name=\"period\"[^>]*>)[^<]*", "${head}1 ms")
        // and every lock wait over 0.1 ms (the JDK's default threshold is 10 ms)
        .replaceAll("(?<head><event name=\"jdk.JavaMonitorEnter\">\\s*<setting name=\"enabled\"[^>]*>true</setting>\\s*"
            + "<setting name=\"stackTrace\"[^>]*>true</setting>\\s*<setting name=\"threshold\"[^>]*>)[^<]*", "${head}100 us"));
    try (ServerProcess server = ServerProcess.start()) {
      new Runner(new OptionsBuilder()
          .include(bench + "$")
          .forks(1).threads(threads)
          .warmupIterations(3).warmupTime(TimeValue.seconds(2))
          .measurementIterations(4).measurementTime(TimeValue.seconds(5))
          .mode(Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
          .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dbench.rest=" + server.restBase(), "-Dbench.ws=" + server.wsUri(),
              "-XX:StartFlightRecording=delay=9s,settings=" + settings + ",filename=" + jfr)
          .build()).run();
    }
    report(jfr, 15);
    System.exit(0);
  }

  static void report(Path jfr, int top) throws Exception {
    Map<String, Long> cpuNearest = new HashMap<>();
    Map<String, Long> cpuInclusive = new HashMap<>();
    Map<String, Long> cpuSelf = new HashMap<>();
    Map<String, Long> allocNearest = new HashMap<>();
    Map<String, Long> lockNanos = new HashMap<>();
    long samples = 0;
    long allocTotal = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
      String type = e.getEventType().getName();
      boolean cpu = type.equals("jdk.ExecutionSample");
      boolean alloc = type.equals("jdk.ObjectAllocationSample");
      boolean lock = type.equals("jdk.JavaMonitorEnter");
      if (!cpu && !alloc && !lock) {
        continue;
      }
      RecordedStackTrace st = e.getStackTrace();
      if (st == null || st.getFrames().isEmpty()) {
        continue;
      }
      List<RecordedFrame> frames = st.getFrames();
      String nearest = "(no SDK frame) " + name(frames.get(0));
      for (RecordedFrame f : frames) {
        if (isSdk(f)) {
          nearest = name(f);
          break;
        }
      }
      if (lock) {
        String monitor = e.getClass("monitorClass") == null ? "?" : e.getClass("monitorClass").getName();
        lockNanos.merge(nearest + " on " + monitor.substring(monitor.lastIndexOf('.') + 1), e.getDuration().toNanos(),
            Long::sum);
      } else if (cpu) {
        samples++;
        cpuNearest.merge(nearest, 1L, Long::sum);
        cpuSelf.merge(name(frames.get(0)), 1L, Long::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : frames) {
          if (isSdk(f) && seen.add(name(f))) {
            cpuInclusive.merge(name(f), 1L, Long::sum);
          }
        }
      } else {
        long w = e.getLong("weight");
        allocTotal += w;
        allocNearest.merge(nearest, w, Long::sum);
      }
    }
    System.out.println("\nJFR " + jfr + ": " + samples + " CPU samples, " + allocTotal / (1024 * 1024) + " MiB sampled allocation");
    print("CPU, by nearest SDK frame", cpuNearest, samples, top);
    print("CPU, SDK methods on the stack (inclusive)", cpuInclusive, samples, top);
    print("CPU, top frames (self)", cpuSelf, samples, top);
    print("allocation, by nearest SDK frame", allocNearest, allocTotal, top);
    long lockTotal = lockNanos.values().stream().mapToLong(Long::longValue).sum();
    System.out.println("\nlock waits over 0.1 ms: " + lockTotal / 1_000_000 + " ms in all");
    print("lock waits, by nearest SDK frame and monitor", lockNanos, lockTotal, top);
  }

  private static boolean isSdk(RecordedFrame f) {
    if (!f.isJavaFrame() || f.getMethod() == null) {
      return false;
    }
    String c = f.getMethod().getType().getName();
    return c.startsWith("io.spotsdk.") && !c.startsWith("io.spotsdk.bench.") && !c.contains("BenchFrameSeam")
        && !c.contains("_jmh");
  }

  private static String name(RecordedFrame f) {
    if (f.getMethod() == null) {
      return "?";
    }
    String c = f.getMethod().getType().getName();
    return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
  }

  private static void print(String title, Map<String, Long> counts, long total, int top) {
    System.out.println("\n" + title + ":");
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(top)
        .forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
  }
}
