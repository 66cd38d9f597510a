package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testing.TcpFaultProxy;
import io.spotsdk.testing.TcpFaultProxy.Fault;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's side of the connection dies without a WebSocket close frame (TCP FIN, TCP RST, or silence),
 * through a {@link TcpFaultProxy}, while hundreds of calls are in flight.
 */
class WsConnectionLossTest {
  static final String API_KEY = "lossKey0000000000000000000000000000000000000000000000000000000000";
  static final String SECRET = "lossSecret000000000000000000000000000000000000000000000000000000";
  static final int CALLS = 300;
  // The heartbeat of these tests: a silent death is noticed within PING + PONG = 1 s.
  static final Duration PING = Duration.ofMillis(300);
  static final Duration PONG = Duration.ofMillis(700);
  // Frames the JDK may accept into its socket pipeline before a socket error surfaces (0 to 6 seen on loopback).
  static final int JDK_PIPELINE = 16;

  ScriptedWsServer server;
  TcpFaultProxy proxy;
  SpotWsApiClient client;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    proxy = TcpFaultProxy.start(server.getPort());
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    proxy.close();
    server.close();
  }

  SpotWsApiClient connect(UnaryOperator<SpotWsApiClient.Builder> tweak) {
    URI uri = proxy.rewrite(server.uri());
    return tweak.apply(SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), uri))
        .credentials(Credentials.hmac(API_KEY, SECRET))
        .retryPolicy(RetryPolicy.none())
        // Far beyond the test's own waits: every settlement below comes from noticing the loss, not a deadline.
        .requestTimeout(Duration.ofSeconds(60))).connect();
  }

  static OrderPlaceParams order(int i) {
    return new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
        .quantity(new BigDecimal("0.01")).price(new BigDecimal("52000.00")).newClientOrderId("loss-" + i);
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void aLossUnderLoadSettlesEveryCallAtOnceAndTheNextCallGetsANewConnection(Fault fault) throws Exception {
    client = connect(b -> b.pingInterval(PING).pongTimeout(PONG));
    Set<String> received = Collections.synchronizedSet(new HashSet<>());
    AtomicReference<WebSocket> dead = new AtomicReference<>();
    CountDownLatch faultInjected = new CountDownLatch(1);
    server.script = (ws, req) -> {
      received.add(req.path("params").path("newClientOrderId").asText());
      if (received.size() >= CALLS / 5 && dead.compareAndSet(null, ws)) {
        proxy.inject(fault); // mid-load: some calls are answered, some are in flight, most are yet to be sent
        faultInjected.countDown();
      } else if (ws != dead.get()) {
        ws.send(ScriptedWsServer.ok(req, WsClientWireTest.orderFor(req)));
      }
    };
    long t0 = System.nanoTime();
    List<CompletableFuture<Outcome<Order>>> fs = fireConcurrently(CALLS);
    assertTrue(faultInjected.await(10, TimeUnit.SECONDS), "the fault was injected");

    Tally t = settle(fs, received);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("ws-loss %s: %d calls settled in %d ms: %d success, %d unknown (%d never reached the server),"
        + " %d not sent%n", fault, CALLS, ms, t.success, t.unknown, t.falseUnknown, t.notSent);
    assertEquals(0, t.notSentButReceived, "a call the server received is never NotSent");

    assertTrue(client.blocking().orderPlace(order(CALLS + 1)).isSuccess(), "the next call gets a new connection");
    assertEquals(2, client.connectionsOpened());
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"FIN", "RST"})
  void callsMadeAfterAnUnnoticedLossAreNeverFalseUnknowns(Fault fault) throws Exception {
    client = connect(b -> b.pingInterval(PING).pongTimeout(PONG));
    Set<String> received = Collections.synchronizedSet(new HashSet<>());
    server.script = (ws, req) -> {
      received.add(req.path("params").path("newClientOrderId").asText());
      ws.send(ScriptedWsServer.ok(req, WsClientWireTest.orderFor(req)));
    };
    assertTrue(client.blocking().orderPlace(order(-1)).isSuccess());
    proxy.inject(fault);
    List<CompletableFuture<Outcome<Order>>> fs = fireConcurrently(CALLS);
    Tally t = settle(fs, received);
    System.out.printf("ws-after-loss %s: %d calls: %d success, %d unknown (%d never reached the server), %d not sent%n",
        fault, CALLS, t.success, t.unknown, t.falseUnknown, t.notSent);
    assertEquals(0, t.notSentButReceived, "a call the server received is never NotSent");
    // Every frame written after the fault is lost, so every Unknown here is one the server never saw. Only frames
    // the JDK accepted (its send completed) before its socket error surfaced may be Unknown: a handful at most.
    // A frame whose send failed, and every frame queued behind it, is NotSent. (Before the fix, every call made
    // on the dead connection was Unknown.)
    assertTrue(t.falseUnknown <= JDK_PIPELINE, t.falseUnknown + " calls that never left were reported Unknown");
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, WsClientWireTest.orderFor(req)));
    assertTrue(client.blocking().orderPlace(order(CALLS + 1)).isSuccess(), "the next call gets a new connection");
  }

  @org.junit.jupiter.api.Test
  void aSilentDeathIsNoticedWithinPingIntervalPlusPongTimeout() throws Exception {
    List<String> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
    CountDownLatch lostLatch = new CountDownLatch(1);
    client = connect(b -> b.pingInterval(PING).pongTimeout(PONG).listener(new io.spotsdk.WsConnectionListener() {
      @Override
      public void lost(String reason) {
        lost.add(reason);
        lostLatch.countDown();
      }
    }));
    server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, WsClientWireTest.orderFor(req)));
    assertTrue(client.blocking().orderPlace(order(1)).isSuccess());

    proxy.inject(Fault.BLACK_HOLE); // no FIN, no RST: both sockets stay open, nothing gets through
    long t0 = System.nanoTime();
    CompletableFuture<Outcome<Order>> f = client.api().orderPlace(order(2));
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, f.get(10, TimeUnit.SECONDS),
        "written before the death was noticed: it may have reached the server");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(UnknownCause.CONNECTION_LOST, u.cause());
    assertTrue(lostLatch.await(5, TimeUnit.SECONDS));
    assertTrue(lost.get(0).contains("nothing heard"), lost.get(0));
    System.out.printf("ws-heartbeat: a black-holed connection was declared dead after %d ms (bound %d ms)%n", ms,
        PING.plus(PONG).toMillis());
    assertTrue(ms <= PING.plus(PONG).toMillis() + 1500, "noticed within the bound (plus scheduling slack): " + ms + " ms");
    assertTrue(ms >= PONG.toMillis() - 50, "but not before a pong was due: " + ms + " ms");

    assertTrue(client.blocking().orderPlace(order(3)).isSuccess(), "the next call gets a new connection");
    assertEquals(2, client.connectionsOpened());
  }

  List<CompletableFuture<Outcome<Order>>> fireConcurrently(int n) throws InterruptedException {
    List<CompletableFuture<Outcome<Order>>> fs = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    int perThread = n / 4;
    for (int t = 0; t < 4; t++) {
      int base = t * perThread;
      Thread th = new Thread(() -> {
        for (int i = base; i < base + perThread; i++) {
          fs.add(client.api().orderPlace(order(i)));
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    return fs;
  }

  static final class Tally {
    int success;
    int unknown;
    int falseUnknown;
    int notSent;
    int notSentButReceived;
  }

  /** Every future completes normally and quickly (well inside the 60 s request deadline). */
  static Tally settle(List<CompletableFuture<Outcome<Order>>> fs, Set<String> received) {
    try {
      CompletableFuture.allOf(fs.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      long done = fs.stream().filter(CompletableFuture::isDone).count();
      Tally partial = new Tally();
      fs.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).forEach(o -> {
        if (o.isSuccess()) partial.success++; else if (o instanceof Outcome.Unknown<?>) partial.unknown++; else partial.notSent++;
      });
      throw new AssertionError(done + " of " + fs.size() + " settled within 10 s (success " + partial.success
          + ", unknown " + partial.unknown + ", not sent " + partial.notSent + ")", e);
    }
    Tally t = new Tally();
    for (CompletableFuture<Outcome<Order>> f : fs) {
      Outcome<Order> o = f.join();
      if (o.isSuccess()) {
        t.success++;
      } else if (o instanceof Outcome.Unknown<Order> u) {
        assertEquals(UnknownCause.CONNECTION_LOST, u.cause(), u.toString());
        t.unknown++;
        if (!received.contains(u.request().newClientOrderId())) {
          t.falseUnknown++;
        }
      } else {
        Outcome.NotSent<Order> n = assertInstanceOf(Outcome.NotSent.class, o);
        assertEquals(NotSentReason.CLIENT_CLOSED, n.reason());
        t.notSent++;
        if (received.contains(n.request().newClientOrderId())) {
          t.notSentButReceived++;
        }
      }
    }
    return t;
  }
}
