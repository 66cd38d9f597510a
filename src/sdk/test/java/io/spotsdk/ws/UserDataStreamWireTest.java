package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderStatus;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.userdata.UserDataEvent;
import io.spotsdk.userdata.UserDataGap;
import io.spotsdk.userdata.UserDataListener;
import io.spotsdk.userdata.UserDataSubscription;
import io.spotsdk.ws.model.BalanceUpdate;
import io.spotsdk.ws.model.EventStreamTerminated;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.OutboundAccountPosition;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The user data stream against a real WebSocket server: decoding, bounded buffers, reconnects, termination. */
class UserDataStreamWireTest {
  private ScriptedWsServer server;
  private SpotWsApiClient client;
  private final AtomicInteger subscriptionIds = new AtomicInteger();
  private final List<WebSocket> subscribedOn = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = ScriptedWsServer.launch();
    server.script = (ws, req) -> {
      String method = req.path("method").asText();
      if (method.startsWith("userDataStream.subscribe")) {
        int id = subscriptionIds.getAndIncrement();
        ws.send(ScriptedWsServer.ok(req, "{\"subscriptionId\":" + id + "}"));
        subscribedOn.add(ws);
        afterSubscribe.accept(ws, id);
      } else if (method.equals("time")) {
        ws.send(ScriptedWsServer.ok(req, "{\"serverTime\":1}"));
      } else {
        ws.send(ScriptedWsServer.ok(req, "{}"));
      }
    };
  }

  private volatile java.util.function.BiConsumer<WebSocket, Integer> afterSubscribe = (ws, id) -> { };

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    server.close();
  }

  private SpotWsApiClient connect() {
    return SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.hmac("k".repeat(64), "s".repeat(64)))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(10)).connect();
  }

  static String executionReport(int sid, String clientOrderId, String x, String status) {
    return "{\"subscriptionId\":" + sid + ",\"event\":{\"e\":\"executionReport\",\"E\":1499405658658,\"s\":\"BTCUSDT\","
        + "\"c\":\"" + clientOrderId + "\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1.00000000\","
        + "\"p\":\"0.10264410\",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"" + x + "\","
        + "\"X\":\"" + status + "\",\"r\":\"NONE\",\"i\":4293153,\"l\":\"0.00000000\",\"z\":\"0.00000000\","
        + "\"L\":\"0.00000000\",\"n\":\"0\",\"N\":null,\"T\":1499405658657,\"t\":-1,\"I\":8641984,\"w\":true,"
        + "\"m\":false,\"M\":false,\"O\":1499405658657,\"Z\":\"0.00000000\",\"Y\":\"0.00000000\",\"Q\":\"0.00000000\","
        + "\"W\":1499405658657,\"V\":\"NONE\",\"brandNew\":{\"x\":1}}}";
  }

  static String terminated(int sid) {
    return "{\"subscriptionId\":" + sid + ",\"event\":{\"e\":\"eventStreamTerminated\",\"E\":1728973001334}}";
  }

  /** Records everything a listener hears; can hold the listener inside onEvent to play a slow consumer. */
  static final class Recorder implements UserDataListener {
    final List<UserDataEvent> events = new CopyOnWriteArrayList<>();
    final List<UserDataGap> gaps = new CopyOnWriteArrayList<>();
    final List<String> closed = new CopyOnWriteArrayList<>();
    final CountDownLatch release;
    final CountDownLatch firstEvent = new CountDownLatch(1);
    final CountDownLatch closedLatch = new CountDownLatch(1);
    final CountDownLatch gapLatch = new CountDownLatch(1);
    final CountDownLatch eventsLatch;

    Recorder(int expectedEvents, boolean slow) {
      this.eventsLatch = new CountDownLatch(expectedEvents);
      this.release = new CountDownLatch(slow ? 1 : 0);
    }

    @Override
    public void onEvent(UserDataEvent event) {
      events.add(event);
      firstEvent.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      eventsLatch.countDown();
    }

    @Override
    public void onGap(UserDataGap gap) {
      gaps.add(gap);
      gapLatch.countDown();
    }

    @Override
    public void onClosed(String reason) {
      closed.add(reason);
      closedLatch.countDown();
    }
  }

  @Test
  void eventsAreDecodedWithReadableNamesAndUnknownOnesKeepTheirRawText() throws Exception {
    afterSubscribe = (ws, id) -> {
      ws.send(executionReport(id, "myOrder1", "NEW", "NEW"));
      ws.send("{\"subscriptionId\":" + id + ",\"event\":{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":2,"
          + "\"B\":[{\"a\":\"ETH\",\"f\":\"10000.000000\",\"l\":\"0.000000\"}]}}");
      ws.send("{\"subscriptionId\":" + id + ",\"event\":{\"e\":\"balanceUpdate\",\"E\":1,\"a\":\"BTC\",\"d\":\"100.5\",\"T\":3}}");
      ws.send("{\"subscriptionId\":" + id + ",\"event\":{\"e\":\"somethingNew\",\"E\":1,\"q\":\"7\"}}");
    };
    client = connect();
    Recorder r = new Recorder(4, false);
    Outcome<UserDataSubscription> o = client.userDataStream().subscribe(r).get(5, TimeUnit.SECONDS);
    assertTrue(o.isSuccess(), o.toString());
    assertTrue(r.eventsLatch.await(5, TimeUnit.SECONDS), "all four events arrive");

    ExecutionReport er = r.events.get(0).as(ExecutionReport.class).orElseThrow();
    assertEquals("myOrder1", er.clientOrderId());
    assertEquals("NEW", er.executionType());
    assertEquals(OrderStatus.NEW, er.orderStatus());
    assertEquals(OrderSide.BUY, er.side());
    assertEquals(new BigDecimal("0.10264410"), er.price());
    assertEquals(4293153L, er.orderId());
    assertEquals(Boolean.TRUE, er.onBook());
    OutboundAccountPosition pos = r.events.get(1).as(OutboundAccountPosition.class).orElseThrow();
    assertEquals("ETH", pos.balances().get(0).asset());
    assertEquals(new BigDecimal("10000.000000"), pos.balances().get(0).free());
    assertEquals(new BigDecimal("100.5"), r.events.get(2).as(BalanceUpdate.class).orElseThrow().balanceDelta());
    UserDataEvent unknown = r.events.get(3);
    assertFalse(unknown.known());
    assertEquals("somethingNew", unknown.eventType());
    assertTrue(unknown.raw().contains("\"q\":\"7\""), unknown.raw());
    assertTrue(client.userDataStream().executionReports().find("BTCUSDT", "myOrder1").isPresent());
    JsonAssert.sentSignedSubscribe(server.received);
  }

  /** Helpers about what the server received. */
  static final class JsonAssert {
    static void sentSignedSubscribe(List<com.fasterxml.jackson.databind.JsonNode> received) {
      var sub = received.stream().filter(n -> n.path("method").asText().startsWith("userDataStream.subscribe"))
          .findFirst().orElseThrow();
      assertEquals("userDataStream.subscribe.signature", sub.path("method").asText(), "not logged on: signed");
      assertTrue(sub.path("params").has("signature"));
    }
  }

  @Test
  void aSlowListenerNeverDelaysRepliesAndHearsOfWhatWasDropped() throws Exception {
    afterSubscribe = (ws, id) -> {
      for (int i = 0; i < 20; i++) {
        ws.send(executionReport(id, "o" + i, "NEW", "NEW"));
      }
    };
    client = connect();
    Recorder slow = new Recorder(1, true);
    UserDataSubscription sub = client.userDataStream().subscribe(slow, 4).get(5, TimeUnit.SECONDS).orThrow();
    assertTrue(slow.firstEvent.await(5, TimeUnit.SECONDS));
    // The listener is stuck inside onEvent; the 20 events came before this request on the same socket.
    Outcome<?> time = client.api().time().get(5, TimeUnit.SECONDS);
    assertTrue(time.isSuccess(), "the reply came while the listener was stuck: " + time);
    slow.release.countDown();
    assertTrue(slow.gapLatch.await(5, TimeUnit.SECONDS), "the listener hears of the drop");
    UserDataGap gap = slow.gaps.get(0);
    assertEquals(UserDataGap.Reason.OVERFLOW, gap.reason());
    assertTrue(gap.dropped() > 0);
    // everything is accounted for: delivered, or dropped and told as a gap; nothing lost silently
    waitUntil(() -> slow.events.size() + slow.gaps.stream().mapToLong(UserDataGap::dropped).sum() == 20);
    assertEquals(sub.dropped(), slow.gaps.stream().mapToLong(UserDataGap::dropped).sum());
    assertEquals(slow.events.stream().map(e -> e.as(ExecutionReport.class).orElseThrow().clientOrderId()).sorted(
        java.util.Comparator.comparingInt(c -> Integer.parseInt(c.substring(1)))).toList(),
        slow.events.stream().map(e -> e.as(ExecutionReport.class).orElseThrow().clientOrderId()).toList(),
        "in the order they arrived");
  }

  @Test
  void aLostConnectionIsReopenedAndResubscribedAndTheListenerHearsOfTheGap() throws Exception {
    client = connect();
    Recorder r = new Recorder(1, false);
    client.userDataStream().subscribe(r).get(5, TimeUnit.SECONDS).orThrow();
    afterSubscribe = (ws, id) -> ws.send(executionReport(id, "afterReconnect", "NEW", "NEW"));
    subscribedOn.get(0).close(); // the server drops the connection; no request is in flight
    assertTrue(r.gapLatch.await(10, TimeUnit.SECONDS), "told of the gap");
    assertEquals(UserDataGap.Reason.RESUBSCRIBED, r.gaps.get(0).reason());
    assertTrue(r.eventsLatch.await(5, TimeUnit.SECONDS), "events flow on the new connection");
    assertEquals("afterReconnect", r.events.get(0).as(ExecutionReport.class).orElseThrow().clientOrderId());
    assertEquals(1, r.events.get(0).subscriptionId(), "the new subscription's id");
    assertEquals(2, subscribedOn.size());
    assertEquals(2, client.connectionsOpened());
  }

  @Test
  void eventStreamTerminatedIsDeliveredEvenToAFullBufferAndEndsTheSubscription() throws Exception {
    afterSubscribe = (ws, id) -> {
      for (int i = 0; i < 5; i++) {
        ws.send(executionReport(id, "o" + i, "NEW", "NEW"));
      }
      ws.send(terminated(id));
    };
    client = connect();
    Recorder slow = new Recorder(1, true);
    UserDataSubscription sub = client.userDataStream().subscribe(slow, 1).get(5, TimeUnit.SECONDS).orThrow();
    assertTrue(slow.firstEvent.await(5, TimeUnit.SECONDS));
    slow.release.countDown();
    assertTrue(slow.closedLatch.await(5, TimeUnit.SECONDS), "the end is told");
    assertEquals(List.of("eventStreamTerminated"), slow.closed);
    UserDataEvent last = slow.events.get(slow.events.size() - 1);
    assertNotNull(last.as(EventStreamTerminated.class).orElse(null), "the terminated event itself is delivered: "
        + slow.events);
    assertFalse(sub.isActive());
    assertEquals("eventStreamTerminated", sub.closeReason());
  }

  @Test
  void aLoggedOnConnectionSubscribesWithItsSessionAndAPlannedReconnectSubscribesAgain() throws Exception {
    var kp = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + java.util.Base64.getMimeEncoder().encodeToString(kp.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
        .credentials(Credentials.ed25519("k".repeat(64), pem))
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(10)).connect();
    assertTrue(client.blocking().sessionLogon().isSuccess());
    Recorder r = new Recorder(1, false);
    client.userDataStream().subscribe(r).get(5, TimeUnit.SECONDS).orThrow();
    var subscribes = server.received.stream()
        .filter(n -> n.path("method").asText().startsWith("userDataStream.subscribe")).toList();
    assertEquals("userDataStream.subscribe", subscribes.get(0).path("method").asText());
    assertFalse(subscribes.get(0).path("params").has("signature"), "the session authorizes it: " + subscribes.get(0));

    afterSubscribe = (ws, id) -> ws.send(executionReport(id, "onTheNewConnection", "NEW", "NEW"));
    client.reconnect().get(5, TimeUnit.SECONDS);
    assertTrue(r.gapLatch.await(5, TimeUnit.SECONDS), "a planned reconnect is a gap too");
    assertEquals(UserDataGap.Reason.RESUBSCRIBED, r.gaps.get(0).reason());
    assertTrue(r.eventsLatch.await(5, TimeUnit.SECONDS));
    assertEquals(2, subscribedOn.size());
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met in 5 s");
      }
      Thread.onSpinWait();
    }
  }
}
