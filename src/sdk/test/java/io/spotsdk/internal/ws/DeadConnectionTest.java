package io.spotsdk.internal.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the JDK WebSocket does after a TCP FIN or RST, reproduced exactly: each send fails with
 * {@code IOException("closed output")} and neither {@code onClose} nor {@code onError} is ever called. The socket
 * here completes sends only when the test says so, so every ordering is exact.
 */
class DeadConnectionTest {
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final HeldSocket socket = new HeldSocket();
  final List<String> closedReasons = new CopyOnWriteArrayList<>();
  final WsConnection.Events events = new WsConnection.Events() {
    @Override
    public void serverShutdown(WsConnection c) {}

    @Override
    public void closed(WsConnection c) {
      closedReasons.add(c.closeReason());
    }
  };

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  WsConnection connection() {
    return WsConnection.attached(socket, Json.MAPPER, new OutcomeClassifier(Json.MAPPER, Clock.systemUTC()), scheduler,
        Duration.ofSeconds(30), events);
  }

  static RequestRecord record() {
    return new RequestRecord("time", "WS", Map.of(), null, null, Instant.EPOCH);
  }

  CompletableFuture<Outcome<ServerTime>> time(WsConnection c) {
    return c.send(WsMethods.TIME, new Params(), DeadConnectionTest::record);
  }

  @Test
  void aFailedSendKillsTheConnectionAndSettlesEverythingWithoutAFalseUnknown() {
    WsConnection c = connection();
    CompletableFuture<Outcome<ServerTime>> written = time(c);
    socket.sends.get(0).complete(socket); // handed to the socket: the server may have it
    CompletableFuture<Outcome<ServerTime>> refused = time(c);
    CompletableFuture<Outcome<ServerTime>> queued = time(c);
    assertEquals(2, socket.frames.size(), "the third waits behind the second");

    socket.sends.get(1).completeExceptionally(new IOException("closed output"));

    Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, refused.join(),
        "the JDK refused the frame whole: it was provably not written");
    assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
    assertEquals(UnknownCause.CONNECTION_LOST, assertInstanceOf(Outcome.Unknown.class, written.join()).cause());
    assertInstanceOf(Outcome.NotSent.class, queued.join());
    assertEquals(2, socket.frames.size(), "nothing more is written to a dead connection");
    assertFalse(c.isOpen(), "the connection is dead");
    assertEquals(1, socket.aborts.get(), "and its socket aborted");
    assertEquals(1, closedReasons.size(), "its owner is told once");
    assertTrue(closedReasons.get(0).contains("closed output"), closedReasons.get(0));
    assertInstanceOf(Outcome.NotSent.class, time(c).join(), "a later send is not sent");
  }

  @Test
  void aSendThatFailsAtOnceAlsoKillsTheConnection() {
    socket.failEverySend = new IOException("closed output");
    WsConnection c = connection();
    assertInstanceOf(Outcome.NotSent.class, time(c).join());
    assertFalse(c.isOpen());
    assertEquals(1, closedReasons.size());
  }

  @Test
  void aFrameLargerThanOneJdkWriteMayBePartlyWrittenSoItIsUnknown() {
    WsConnection c = connection();
    Params big = new Params().put("symbols", "X".repeat(SendFailure.DEFAULT_WRITE_BUFFER));
    CompletableFuture<Outcome<Object>> f = c.send(WsMethods.PING, big, DeadConnectionTest::record);
    socket.sends.get(0).completeExceptionally(new IOException("closed output"));
    assertEquals(UnknownCause.CONNECTION_LOST, assertInstanceOf(Outcome.Unknown.class, f.join()).cause());
    assertFalse(c.isOpen());
  }

  @Test
  void textThatCannotBeEncodedIsNotSentAndTheConnectionLivesOn() {
    WsConnection c = connection();
    CompletableFuture<Outcome<ServerTime>> f = time(c);
    socket.sends.get(0).completeExceptionally(new CharacterCodingException());
    assertInstanceOf(Outcome.NotSent.class, f.join());
    assertTrue(c.isOpen());
    assertTrue(closedReasons.isEmpty());
  }

  @Test
  void anythingThrownWhileHandlingAReplyStillCompletesItsRequestAsUnreadable() {
    WsConnection c = connection();
    AtomicInteger calls = new AtomicInteger();
    Supplier<RequestRecord> breaksOnceTheReplyIsRead = () -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("boom while building the outcome");
      }
      return record();
    };
    CompletableFuture<Outcome<ServerTime>> f = c.send(WsMethods.TIME, new Params(), breaksOnceTheReplyIsRead);
    socket.sends.get(0).complete(socket);
    c.onFrame("{\"id\":1,\"status\":400,\"error\":{\"code\":-1100,\"msg\":\"Illegal characters\"}}");
    Outcome.Unknown<?> u = assertInstanceOf(Outcome.Unknown.class, f.orTimeout(5, TimeUnit.SECONDS).join());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertTrue(u.explanation().contains("IllegalStateException"), "the cause is kept: " + u.explanation());
    assertNotNull(u.details());
    assertTrue(u.details().rawBody().contains("-1100"), "and the frame as received");
    assertTrue(c.isOpen(), "the connection carries on");
  }
}
