package io.spotsdk.internal.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.core.Params;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.model.ServerTime;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ws.api.WsMethods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Orderings the wire cannot force: the JDK socket is replaced by one whose sends complete only when the test
 * says so. (Everything else about the connection is tested against a real server in WsClientWireTest.)
 */
class WriteOrderingTest {
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final HeldSocket socket = new HeldSocket();
  final WsConnection.Events events = new WsConnection.Events() {
    @Override
    public void serverShutdown(WsConnection c) {}

    @Override
    public void closed(WsConnection c) {}
  };

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  WsConnection connection(Duration timeout) {
    return WsConnection.attached(socket, Json.MAPPER, new OutcomeClassifier(Json.MAPPER, Clock.systemUTC()), scheduler,
        timeout, events);
  }

  static RequestRecord record() {
    return new RequestRecord("time", "WS", Map.of(), null, null, Instant.EPOCH);
  }

  @Test
  void aReplyThatArrivesBeforeTheSendCompletesReachesItsRequest() {
    WsConnection c = connection(Duration.ofSeconds(30));
    CompletableFuture<Outcome<ServerTime>> f = c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record);
    assertEquals(1, socket.frames.size(), "the frame is on its way");
    assertFalse(socket.sends.get(0).isDone(), "and its send has not completed");
    c.onFrame("{\"id\":1,\"status\":200,\"result\":{\"serverTime\":42}}");
    assertEquals(42L, f.join().orThrow().serverTime());
    socket.sends.get(0).complete(socket);
    assertEquals(42L, f.join().orThrow().serverTime());
  }

  @Test
  void aRequestWhoseDeadlinePassesWhileQueuedIsNotSentAndNeverLeaves() {
    WsConnection c = connection(Duration.ofMillis(200));
    CompletableFuture<Outcome<ServerTime>> first = c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record);
    CompletableFuture<Outcome<ServerTime>> second = c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record);
    assertEquals(1, socket.frames.size(), "one send at a time: the second waits behind the first");
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, first.orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals(UnknownCause.NO_REPLY, u.cause());
    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, second.orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
    socket.sends.get(0).complete(socket);
    assertEquals(1, socket.frames.size(), "the expired request was never written");
  }

  @Test
  void closingCompletesWrittenAsUnknownAndQueuedAsNotSent() {
    WsConnection c = connection(Duration.ofSeconds(30));
    CompletableFuture<Outcome<ServerTime>> written = c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record);
    CompletableFuture<Outcome<ServerTime>> queued = c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record);
    c.closeNow(1000, "test");
    assertEquals(UnknownCause.CONNECTION_LOST, assertInstanceOf(Outcome.Unknown.class, written.join()).cause());
    assertInstanceOf(Outcome.NotSent.class, queued.join());
    assertTrue(c.send(WsMethods.TIME, new Params(), WriteOrderingTest::record).join() instanceof Outcome.NotSent<?>);
  }
}
