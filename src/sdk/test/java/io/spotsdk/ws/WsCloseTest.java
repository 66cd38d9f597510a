package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.ServerTime;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.TcpFaultProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** close() while connections are being replaced: nothing thrown, nothing left open, every call an outcome. */
class WsCloseTest {
  static final String SHUTDOWN = "{\"event\":{\"e\":\"serverShutdown\",\"E\":1696969696969}}";

  ScriptedWsServer server;
  // Between client and server: it sees the client close its socket, whatever the server makes of it.
  TcpFaultProxy proxy;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    proxy = TcpFaultProxy.start(server.getPort());
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":1}"));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    server.close();
  }

  SpotWsApiClient connect() {
    return SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), proxy.rewrite(server.uri())))
        .credentials(Credentials.hmac("k".repeat(64), "s".repeat(64)))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(30)).connect();
  }

  @RepeatedTest(10)
  void reconnectFollowedAtOnceByCloseLeavesNothingOpen() throws Exception {
    SpotWsApiClient client = connect();
    CompletableFuture<Void> r = client.reconnect();
    client.close();
    Throwable failure = r.handle((x, e) -> e).get(10, TimeUnit.SECONDS);
    assertTrue(failure == null, "reconnect() racing close() completes quietly: " + failure);
    awaitTrue(() -> proxy.openConnections() == 0, "the client keeps no connection open");
    assertClosedClient(client);
  }

  @RepeatedTest(5)
  void closeRacingReconnectsUnderLoadThrowsNothingAndLeavesNothingOpen() throws Exception {
    SpotWsApiClient client = connect();
    List<CompletableFuture<Outcome<ServerTime>>> fs = Collections.synchronizedList(new ArrayList<>());
    List<Throwable> thrown = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch going = new CountDownLatch(400);
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 2000 && !stop.get(); i++) {
          try {
            fs.add(client.api().time());
          } catch (Throwable e) {
            thrown.add(e);
          }
          going.countDown();
        }
      });
      callers.add(th);
      th.start();
    }
    going.await(); // calls are flowing
    for (WebSocket ws : server.connections) {
      ws.send(SHUTDOWN); // a planned reconnect from the server's side...
    }
    CompletableFuture<Void> r = client.reconnect(); // ...and one from ours, while calls flow
    client.close();
    stop.set(true);
    for (Thread th : callers) {
      th.join();
    }
    assertEquals(List.of(), thrown, "no call threw");
    CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).handle((x, e) -> x).get(10, TimeUnit.SECONDS);
    int notSent = 0;
    for (CompletableFuture<Outcome<ServerTime>> f : fs) {
      assertTrue(!f.isCompletedExceptionally(), () -> "a future failed: " + f.handle((x, e) -> e).join());
      if (f.join() instanceof Outcome.NotSent<?>) {
        notSent++;
      }
    }
    assertTrue(r.handle((x, e) -> e == null || !(e.getCause() instanceof java.util.concurrent.RejectedExecutionException))
        .get(10, TimeUnit.SECONDS));
    System.out.printf("ws-close-race: %d calls, %d not sent after close%n", fs.size(), notSent);
    awaitTrue(() -> proxy.openConnections() == 0, "the client keeps no connection open");
    assertClosedClient(client);
  }

  @Test
  void closingTwiceAndCallingAfterCloseIsHarmless() {
    SpotWsApiClient client = connect();
    assertTrue(client.blocking().time().isSuccess());
    client.close();
    client.close();
    assertClosedClient(client);
    assertTrue(client.reconnect().isDone(), "nothing to reconnect after close");
  }

  static void assertClosedClient(SpotWsApiClient client) {
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, client.blocking().time());
    assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
    Outcome.NotSent<?> signed = assertInstanceOf(Outcome.NotSent.class, client.blocking().accountStatus());
    assertEquals(NotSentReason.CLIENT_CLOSED, signed.reason());
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError(what);
      }
      Thread.sleep(20); // polling an outside state (sockets), not synchronising with our code
    }
  }
}
