package io.spotsdk.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.internal.gate.GateAccess;
import io.spotsdk.internal.gate.GateDecision;
import io.spotsdk.model.RateLimit;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gate under many threads, on a clock that moves only when told: it admits exactly what every limit allows per
 * window (never more, never less), and a ban one thread observes holds every request any thread asks for afterwards.
 */
class GateConcurrencyTest {
  static final Instant T0 = Instant.parse("2026-11-21T10:00:00.000Z");
  static final int THREADS = 16;

  final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  final ManualClock clock = new ManualClock(T0);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  static RateLimit limit(RateLimitType type, int num, RateLimitInterval interval, long limit) {
    return new RateLimit(type, interval, num, limit, null);
  }

  RateLimitGate gate(RateLimit... limits) {
    RateLimitGate g = RateLimitGate.builder().clock(clock).maxWait(Duration.ZERO).build();
    g.limits(List.of(limits));
    return g;
  }

  /** Every thread asks until the gate says no; the admitted requests of all threads together. */
  int admitAll(RateLimitGate gate, int weight, int orders) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      fs.add(pool.submit(() -> {
        start.await();
        while (GateAccess.tryAcquire(gate, weight, orders).proceed()) {
          admitted.incrementAndGet();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : fs) {
      f.get(10, TimeUnit.SECONDS);
    }
    return admitted.get();
  }

  @Test
  void admitsExactlyTheLimitPerWindowUnderContention() throws Exception {
    RateLimitGate g = gate(limit(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE, 50));
    for (int window = 0; window < 20; window++) {
      assertEquals(50, admitAll(g, 1, 0), "window " + window);
      clock.advance(Duration.ofMinutes(1));
    }
  }

  @Test
  void admitsAgainstEveryLimiterAtOnce() throws Exception {
    RateLimitGate g = gate(limit(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE, 1000),
        limit(RateLimitType.ORDERS, 10, RateLimitInterval.SECOND, 7),
        limit(RateLimitType.ORDERS, 1, RateLimitInterval.DAY, 100),
        limit(RateLimitType.RAW_REQUESTS, 5, RateLimitInterval.MINUTE, 1000));
    for (int window = 0; window < 10; window++) {
      assertEquals(7, admitAll(g, 1, 1), "orders per 10s, window " + window);
      clock.advance(Duration.ofSeconds(10));
    }
    // 70 orders of the day are spent: 30 remain, at 7 per 10 s.
    int day = 0;
    for (int window = 0; window < 10; window++) {
      day += admitAll(g, 1, 1);
      clock.advance(Duration.ofSeconds(10));
    }
    assertEquals(30, day, "orders per day");
    // Weight alone, in a fresh minute: 1000 per minute at 3 each.
    clock.advance(Duration.ofMinutes(1));
    assertEquals(333, admitAll(g, 3, 0), "weight per minute");
  }

  @Test
  void aBanObservedByOneThreadHoldsEveryLaterRequestOnAnyThread() throws Exception {
    RateLimitGate g = gate(limit(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE, Long.MAX_VALUE / 2));
    AtomicBoolean banned = new AtomicBoolean();
    AtomicLong sentAfterBan = new AtomicLong();
    AtomicLong heldAfterBan = new AtomicLong();
    CountDownLatch running = new CountDownLatch(THREADS);
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      fs.add(pool.submit(() -> {
        running.countDown();
        while (heldAfterBan.get() < 10_000) {
          boolean knownBanned = banned.get(); // read before asking: the ban was observed before this request
          GateDecision d = GateAccess.tryAcquire(g, 1, 0);
          if (knownBanned) {
            (d.proceed() ? sentAfterBan : heldAfterBan).incrementAndGet();
          }
        }
        return null;
      }));
    }
    assertTrue(running.await(10, TimeUnit.SECONDS));
    GateAccess.observe(g, new Outcome.IpBanned<>(null, RateLimitUsage.EMPTY, T0.plus(Duration.ofHours(1)), null));
    banned.set(true);
    for (Future<?> f : fs) {
      f.get(10, TimeUnit.SECONDS);
    }
    assertEquals(0, sentAfterBan.get());
    assertEquals(T0.plus(Duration.ofHours(1)), g.bannedUntil());
    assertTrue(g.refusedDuringBan() >= 10_000);
  }

  @Test
  void aReportedCountAboveOursTakesTheRoomAndOneBelowChangesNothing() throws Exception {
    RateLimitGate g = gate(limit(RateLimitType.REQUEST_WEIGHT, 1, RateLimitInterval.MINUTE, 10));
    assertTrue(GateAccess.tryAcquire(g, 2, 0).proceed());
    GateAccess.observe(g, success(Map.of("x-mbx-used-weight-1m", "1"))); // below ours: we keep 2
    assertEquals(8, admitAll(g, 1, 0));
    clock.advance(Duration.ofMinutes(1));
    GateAccess.observe(g, success(Map.of("X-MBX-USED-WEIGHT-1M", "7"))); // above: the server saw more than we sent
    assertEquals(3, admitAll(g, 1, 0));
  }

  @Test
  void aCountReportedBeforeTheLimitIsKnownCountsOnceItIs() throws Exception {
    RateLimitGate g = RateLimitGate.builder().clock(clock).maxWait(Duration.ZERO).build();
    GateAccess.observe(g, success(Map.of("x-mbx-order-count-10s", "4")));
    assertEquals(Map.of(), g.limits());
    g.limits(List.of(limit(RateLimitType.ORDERS, 10, RateLimitInterval.SECOND, 5)));
    assertEquals(1, admitAll(g, 1, 1));
  }

  static Outcome<Object> success(Map<String, String> headers) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>(headers.entrySet());
    ResponseHeaders h = ResponseHeaders.of(pairs);
    return new Outcome.Success<>(new Object(), 200, h, RateLimitUsage.fromHeaders(h));
  }
}
