package io.spotsdk.internal.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.core.Params;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.model.ServerTime;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ws.api.WsMethods;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's reply deadlines live in one structure with one wake on the client's timer, not one timer task per
 * request: answered requests leave nothing on the timer, and unanswered ones still expire, oldest first.
 */
class DeadlineQueueTest {
  final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
  final HeldSocket socket = new HeldSocket();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  WsConnection connection(Duration timeout) {
    return WsConnection.attached(socket, Json.MAPPER, new OutcomeClassifier(Json.MAPPER, Clock.systemUTC()), timer,
        timeout, new WsConnection.Events() {
          @Override
          public void serverShutdown(WsConnection c) {}

          @Override
          public void closed(WsConnection c) {}
        });
  }

  static RequestRecord record() {
    return new RequestRecord("time", "WS", Map.of(), null, null, Instant.EPOCH);
  }

  @Test
  void aThousandRequestsInFlightKeepOneTaskOnTheTimer() {
    WsConnection c = connection(Duration.ofMinutes(5));
    List<CompletableFuture<Outcome<ServerTime>>> sent = new ArrayList<>();
    for (int i = 1; i <= 1000; i++) {
      sent.add(c.send(WsMethods.TIME, new Params(), DeadlineQueueTest::record));
      socket.sends.get(i - 1).complete(socket);
    }
    assertEquals(1, timer.getQueue().size(), "one wake for the connection's deadlines, not one task per request");
    for (int i = 1; i <= 1000; i++) {
      c.onFrame("{\"id\":" + i + ",\"status\":200,\"result\":{\"serverTime\":" + i + "}}");
    }
    for (int i = 0; i < 1000; i++) {
      assertEquals(i + 1L, sent.get(i).join().orThrow().serverTime());
    }
    assertTrue(timer.getQueue().size() <= 1, "answered requests leave nothing behind on the timer");
  }

  @Test
  void unansweredRequestsStillExpireAndAnsweredOnesDoNot() {
    WsConnection c = connection(Duration.ofMillis(300));
    CompletableFuture<Outcome<ServerTime>> answered = c.send(WsMethods.TIME, new Params(), DeadlineQueueTest::record);
    socket.sends.get(0).complete(socket);
    CompletableFuture<Outcome<ServerTime>> silent = c.send(WsMethods.TIME, new Params(), DeadlineQueueTest::record);
    socket.sends.get(1).complete(socket);
    c.onFrame("{\"id\":1,\"status\":200,\"result\":{\"serverTime\":7}}");
    assertEquals(7L, answered.join().orThrow().serverTime());
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, silent.orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals(UnknownCause.NO_REPLY, u.cause());
    CompletableFuture<Outcome<ServerTime>> later = c.send(WsMethods.TIME, new Params(), DeadlineQueueTest::record);
    socket.sends.get(2).complete(socket);
    Outcome.Unknown<?> u2 = assertInstanceOf(Outcome.Unknown.class, later.orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals(UnknownCause.NO_REPLY, u2.cause(), "a request after the queue emptied gets a deadline too");
  }
}
