package io.spotsdk.bench;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Client CPU per operation: the fork's process CPU time (every thread: callers, the HTTP and WebSocket threads,
 * GC and JIT) across an iteration, divided by the operations it did. The server runs in another JVM, so none of
 * its CPU is here. Wall time on a shared 2-core machine is noisy; CPU per op is much steadier.
 */
public final class CpuPerOpProfiler implements InternalProfiler {
  public static final String RESULT = "cpu.per.op";
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private long start;

  @Override
  public String getDescription() {
    return "process CPU time per operation (com.sun.management.OperatingSystemMXBean)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    start = OS.getProcessCpuTime();
  }

  @Override
  public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
      IterationResult result) {
    long used = OS.getProcessCpuTime() - start;
    long ops = result.getMetadata().getAllOps();
    double perOp = ops <= 0 ? Double.NaN : (double) used / ops;
    return List.of(new ScalarResult(RESULT, perOp, "ns/op", AggregationPolicy.AVG));
  }
}
