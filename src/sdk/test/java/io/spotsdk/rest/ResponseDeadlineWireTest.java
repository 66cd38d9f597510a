package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The read timeout restarts with every byte, so a server that trickles its response one byte at a time would hold
 * a call for as long as it likes. A response deadline bounds the whole response of each attempt.
 */
class ResponseDeadlineWireTest {
  static final Duration BYTE_EVERY = Duration.ofMillis(100);

  RawHttpServer server;
  SpotRestClient client;

  void serve(RawHttpServer.Handler handler, UnaryOperator<SpotRestClient.Builder> settings) throws IOException {
    server = RawHttpServer.start(null, handler);
    client = settings.apply(SpotRestClient.builder()
        .environment(Environment.custom(server.uri(), null))
        .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET))).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  /** Headers at once, then the body one byte every 100 ms (about 40 s for an order). */
  static boolean trickleBody(RawHttpServer.Request req, OutputStream out) throws IOException {
    byte[] body = RestOutcomeWireTest.ORDER_JSON.getBytes(StandardCharsets.UTF_8);
    RawHttpServer.writeHead(out, 200, "Content-Type: application/json", "Content-Length: " + body.length);
    trickle(out, body);
    return false;
  }

  /** The status line at once, then a header one byte every 100 ms. */
  static boolean trickleHeaders(RawHttpServer.Request req, OutputStream out) throws IOException {
    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
    trickle(out, ("X-Slow: " + "s".repeat(400) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    return false;
  }

  static void trickle(OutputStream out, byte[] bytes) throws IOException {
    for (byte b : bytes) {
      out.write(b);
      out.flush();
      try {
        TimeUnit.MILLISECONDS.sleep(BYTE_EVERY.toMillis()); // the trickle is the behaviour under test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Test
  void aTricklingBodyEndsAtTheDefaultDeadlineDerivedFromTheReadTimeout() throws IOException {
    serve(ResponseDeadlineWireTest::trickleBody, b -> b.readTimeout(Duration.ofMillis(300)));
    long start = System.nanoTime();
    Outcome<?> o = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.TIMEOUT, u.cause());
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "bounded by the deadline, not by the body");
  }

  @Test
  void aTricklingBodyEndsAtAnExplicitDeadlineThoughEveryByteBeatsTheReadTimeout() throws IOException {
    serve(ResponseDeadlineWireTest::trickleBody,
        b -> b.readTimeout(Duration.ofSeconds(2)).responseDeadline(Duration.ofMillis(400)));
    long start = System.nanoTime();
    Outcome<?> o = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, o);
    assertEquals(UnknownCause.TIMEOUT, u.cause());
    assertTrue(u.explanation().contains("deadline"), u.explanation());
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(tookMillis >= 350 && tookMillis < 1_500, "took " + tookMillis + " ms");
  }

  @Test
  void tricklingHeadersEndAtTheDeadlineToo() throws IOException {
    serve(ResponseDeadlineWireTest::trickleHeaders,
        b -> b.readTimeout(Duration.ofSeconds(2)).responseDeadline(Duration.ofMillis(400)));
    Outcome<?> o = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    assertEquals(UnknownCause.TIMEOUT, assertInstanceOf(Outcome.Unknown.class, o).cause());
  }

  @Test
  void aReadKeepsItsRetriesEachAttemptBoundedByTheDeadline() throws IOException {
    serve(ResponseDeadlineWireTest::trickleBody, b -> b.readTimeout(Duration.ofSeconds(2))
        .responseDeadline(Duration.ofMillis(300))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10)).build()));
    Outcome<?> o = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> client.market().serverTime());
    assertEquals(UnknownCause.TIMEOUT, assertInstanceOf(Outcome.Unknown.class, o).cause());
    assertEquals(3, server.seen.size(), "a read is tried again after a timeout, up to maxAttempts");
  }

  @Test
  void closingTheClientEndsItsDeadlineThread() throws Exception {
    serve(ResponseDeadlineWireTest::trickleBody,
        b -> b.readTimeout(Duration.ofSeconds(2)).responseDeadline(Duration.ofMillis(200)));
    Set<Thread> before = deadlineThreads();
    assertInstanceOf(Outcome.Unknown.class, client.trade().newOrder(RestOutcomeWireTest.limitBuy()));
    Set<Thread> mine = deadlineThreads();
    mine.removeAll(before);
    assertEquals(1, mine.size(), "one deadline thread for this client");
    client.close();
    Thread t = mine.iterator().next();
    t.join(2_000);
    assertFalse(t.isAlive(), "the deadline thread ended with the client");
  }

  private static Set<Thread> deadlineThreads() {
    Set<Thread> ts = new HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("spot-sdk-rest-deadlines") && t.isAlive()) {
        ts.add(t);
      }
    }
    return ts;
  }
}
