package io.spotsdk.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.internal.spec.SpecFacts;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Usage headers are read by the spec's patterns, as generated into SpecFacts, and cheaply. */
class UsageHeadersTest {
  @Test
  void generatedPatternsAreTheSpecsVerbatim() throws Exception {
    String spec = Files.readString(Path.of("spec", "spot-rest.yaml"));
    Matcher m = Pattern.compile("x-spot-header-pattern: '([^']+)'").matcher(spec);
    List<String> declared = m.results().map(r -> r.group(1)).toList();
    assertEquals(declared, SpecFacts.USAGE_HEADERS.stream().map(SpecFacts.UsageHeader::pattern).toList());
    assertTrue(spec.contains("maximum: " + SpecFacts.MAX_RECV_WINDOW_MILLIS + "\n"));
  }

  @Test
  void everyWindowTheServerSendsIsKeptWhateverTheCase() {
    RateLimitUsage u = RateLimitUsage.fromHeaders(ResponseHeaders.of(List.of(
        Map.entry("X-MBX-USED-WEIGHT-1M", "12"), Map.entry("x-mbx-used-weight-3s", "3"),
        Map.entry("X-Mbx-Order-Count-10S", "2"), Map.entry("x-mbx-order-count-1d", " 40 "),
        Map.entry("x-mbx-used-weight-", "9"), Map.entry("x-mbx-used-weight-1w", "9"),
        Map.entry("x-mbx-used-weight-1m5", "9"), Map.entry("x-mbx-used-weight-9999999m", "9"),
        Map.entry("x-mbx-order-count-1m", "many"), Map.entry("content-type", "application/json"))));
    assertEquals(4, u.countSize());
    assertEquals(12L, u.count(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE));
    assertEquals(3L, u.count(RateLimitType.REQUEST_WEIGHT, 3, RateLimitInterval.SECOND));
    assertEquals(2L, u.count(RateLimitType.ORDERS, 10, RateLimitInterval.SECOND));
    assertEquals(40L, u.count(RateLimitType.ORDERS, 1, RateLimitInterval.DAY));
    assertEquals(Map.of(), u.limits());
  }

  @Test
  void aResponseWithoutUsageSharesTheEmptyUsageAndAllocatesNothing() {
    ResponseHeaders none = ResponseHeaders.of(List.of());
    assertSame(RateLimitUsage.EMPTY, RateLimitUsage.fromHeaders(none));
    assertSame(RateLimitUsage.EMPTY, RateLimitUsage.fromHeaders(ResponseHeaders.of(List.of(Map.entry("date", "x")))));
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean)
        || !bean.isThreadAllocatedMemorySupported()) {
      return;
    }
    long tid = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(tid);
    for (int i = 0; i < 100_000; i++) {
      RateLimitUsage.fromHeaders(none);
    }
    long bytes = bean.getThreadAllocatedBytes(tid) - before;
    assertTrue(bytes < 10_000, "an empty response allocated " + bytes + " bytes over 100000 parses");
  }
}
