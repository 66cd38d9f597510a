package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.WsConnectionListener;
import io.spotsdk.model.ServerTime;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Planned and unplanned reconnects against a raw server that can refuse handshakes and greet with a frame. */
class WsReconnectTest {
  static final String SHUTDOWN = "{\"event\":{\"e\":\"serverShutdown\",\"E\":1696969696969}}";

  RawWsServer server;
  SpotWsApiClient client;
  final List<String> replaced = new CopyOnWriteArrayList<>();
  final List<String> lost = new CopyOnWriteArrayList<>();
  final CountDownLatch firstReplaced = new CountDownLatch(1);
  final CountDownLatch firstLost = new CountDownLatch(1);
  final WsConnectionListener listener = new WsConnectionListener() {
    @Override
    public void replaced(int n, String reason) {
      replaced.add(reason);
      firstReplaced.countDown();
    }

    @Override
    public void lost(String reason) {
      lost.add(reason);
      firstLost.countDown();
    }
  };

  @BeforeEach
  void start() throws Exception {
    server = new RawWsServer();
    server.script = (n, req) -> ScriptedWsServer.ok(req, "{\"serverTime\":" + n + "}");
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  SpotWsApiClient connect(UnaryOperator<SpotWsApiClient.Builder> tweak) {
    return tweak.apply(SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac("k".repeat(64), "s".repeat(64)))
        .retryPolicy(RetryPolicy.none())
        .listener(listener)
        .requestTimeout(Duration.ofSeconds(30))).connect();
  }

  long servedBy() {
    return client.blocking().time().orThrow().serverTime(); // the server answers with its connection number
  }

  @RepeatedTest(10)
  void aServerShutdownThatArrivesWithTheHandshakeIsNotDropped(RepetitionInfo round) throws Exception {
    // The notice is in the same TCP write as the 101 response: the client reads it before buildAsync returns.
    server.greeting = n -> n == 1 ? List.of(SHUTDOWN) : List.of();
    client = connect(b -> b);
    assertTrue(firstReplaced.await(5, TimeUnit.SECONDS), "round " + round.getCurrentRepetition()
        + ": the notice led to a planned reconnect");
    assertEquals(List.of("serverShutdown"), replaced);
    assertEquals(2L, servedBy(), "new requests go to the new connection");
    assertEquals(2, client.connectionsOpened(), "exactly one reconnect");
  }

  @Test
  void everyNoticeLeadsToExactlyOneReconnect() throws Exception {
    server.greeting = n -> n == 1 ? List.of(SHUTDOWN, SHUTDOWN, SHUTDOWN) : List.of();
    client = connect(b -> b);
    assertTrue(firstReplaced.await(5, TimeUnit.SECONDS));
    assertEquals(2L, servedBy());
    assertEquals(List.of("serverShutdown"), replaced, "three notices on one connection: one reconnect");
    assertEquals(2, client.connectionsOpened());
  }

  @Test
  void aRefusedHandshakeAfterALossGivesEveryCallAnOutcomeNeverAnException() throws Exception {
    client = connect(b -> b);
    assertEquals(1L, servedBy());
    server.refuseWithStatus = 503;
    server.closeAll(1001);
    assertTrue(firstLost.await(5, TimeUnit.SECONDS));
    int n = 2000;
    List<CompletableFuture<Outcome<ServerTime>>> fs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      fs.add(client.api().time());
    }
    Map<NotSentReason, Integer> reasons = settleAllNotSent(fs);
    System.out.println("ws-handshake-refused: " + n + " calls: " + reasons);
    assertTrue(reasons.getOrDefault(NotSentReason.CONNECT_FAILED, 0) > 0, reasons.toString());

    server.refuseWithStatus = 0;
    assertTrue(servedBy() > 1, "once the server accepts again, the next call connects");
    assertTrue(lost.get(0).contains("1001"), "the loss is reported with its real reason: " + lost);
    assertTrue(replaced.get(replaced.size() - 1).contains("lost"), "and so is the reconnect: " + replaced);
  }

  @Test
  void aConnectionThatCannotBeMadeAtAllGivesEveryCallAnOutcome() throws Exception {
    // An idle connection whose server vanished (FIN) may not be reported by the JDK at all: the heartbeat finds it.
    client = connect(b -> b.connectTimeout(Duration.ofSeconds(2)).pingInterval(Duration.ofMillis(200))
        .pongTimeout(Duration.ofMillis(300)));
    assertEquals(1L, servedBy());
    server.close(); // nothing listens any more: connection refused
    assertTrue(firstLost.await(5, TimeUnit.SECONDS));
    List<CompletableFuture<Outcome<ServerTime>>> fs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      fs.add(client.api().time());
    }
    Map<NotSentReason, Integer> reasons = settleAllNotSent(fs);
    assertTrue(reasons.getOrDefault(NotSentReason.CONNECT_FAILED, 0) > 0, reasons.toString());
  }

  @Test
  void aPlannedReconnectWhoseHandshakeFailsKeepsTheOldConnectionServing() throws Exception {
    client = connect(b -> b);
    server.refuseWithStatus = 503;
    CompletableFuture<Void> r = client.reconnect();
    List<CompletableFuture<Outcome<ServerTime>>> fs = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      fs.add(client.api().time());
    }
    CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).handle((x, e) -> x).get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Outcome<ServerTime>> f : fs) {
      assertFalse(f.isCompletedExceptionally());
      Outcome<ServerTime> o = f.join();
      assertTrue(o.isSuccess() || o instanceof Outcome.NotSent<?>, o.toString());
    }
    assertTrue(r.handle((x, e) -> e != null).get(10, TimeUnit.SECONDS), "reconnect() says it failed");
    assertEquals(1L, servedBy(), "the old connection still serves");
  }

  /** Every future completes normally, as NotSent (nothing could be sent); counts by reason. */
  static Map<NotSentReason, Integer> settleAllNotSent(List<CompletableFuture<Outcome<ServerTime>>> fs)
      throws Exception {
    CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).handle((x, e) -> x).get(20, TimeUnit.SECONDS);
    Map<NotSentReason, Integer> reasons = new EnumMap<>(NotSentReason.class);
    int exceptional = 0;
    for (CompletableFuture<Outcome<ServerTime>> f : fs) {
      if (f.isCompletedExceptionally()) {
        exceptional++;
        continue;
      }
      reasons.merge(assertInstanceOf(Outcome.NotSent.class, f.join()).reason(), 1, Integer::sum);
    }
    assertEquals(0, exceptional, "futures completed exceptionally");
    return reasons;
  }
}
