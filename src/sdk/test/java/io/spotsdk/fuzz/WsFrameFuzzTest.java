package io.spotsdk.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderCancelReplaceParams;
import io.spotsdk.ws.api.OrderPlaceParams;
import io.spotsdk.ws.api.PingParams;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Mutated WebSocket API reply frames (truncation, type changes, deep nesting, huge numbers and strings, invalid
 * UTF-8, duplicate keys, garbage) from a real server on 127.0.0.1. Each try: the future completes, normally, with
 * an outcome; a success carries a value; and the next call on the same client works. The seed is fixed, so CI
 * runs the same 1,000 frames every time.
 */
class WsFrameFuzzTest {
  static final String KEY = "fuzzKey00000000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "fuzzSecret0000000000000000000000000000000000000000000000000000001";

  static FuzzServer server;
  static SpotWsApiClient client;
  static final JumpingClock gateClock = new JumpingClock();

  @BeforeContainer
  static void start() throws Exception {
    server = new FuzzServer();
    server.start();
    server.started.await(10, TimeUnit.SECONDS);
    // The gate runs on a clock that jumps a year per try, so a fuzzed 418 or 429 never holds the next try.
    RateLimitGate gate = RateLimitGate.builder().clock(gateClock).build();
    client = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1:1"), server.uri()))
        .credentials(Credentials.hmac(KEY, SECRET))
        .rateLimitGate(gate)
        .retryPolicy(RetryPolicy.none())
        .requestTimeout(Duration.ofSeconds(10))
        .connect();
  }

  static final java.util.Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();

  @AfterContainer
  static void stop() throws Exception {
    System.out.println("ws-fuzz: " + outcomes.values().stream().mapToInt(Integer::intValue).sum() + " mutated replies, outcomes "
        + outcomes);
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.stop(2000);
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers().between(0, 100_000),
        Arbitraries.longs()).as(Mutation::new);
  }

  @Property(tries = 1000, seed = "20261122", shrinking = ShrinkingMode.FULL)
  void everyFutureCompletesWithAnOutcomeAndTheClientKeepsWorking(
      @ForAll("mutations") Mutation mutation,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 8) int frame) throws Exception {
    gateClock.jump();
    String template = Corpus.WS_FRAMES.get(frame);
    server.next.set(new Planned(template, mutation));
    CompletableFuture<? extends Outcome<?>> f = template.contains("\"status\":409")
        ? client.api().orderCancelReplace(new OrderCancelReplaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
            .type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE).cancelOrderId(28L)
            .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("52000.00")))
        : client.api().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("52000.00")));
    Outcome<?> o = settle(f, mutation);
    if (o instanceof Outcome.Success<?> s) {
      assertNotNull(s.value(), "a success carries a value: " + mutation);
    }
    assertNotNull(o.toString());
    outcomes.merge(o instanceof Outcome.Unknown<?> u ? "Unknown(" + u.cause() + ")"
        : o instanceof Outcome.NotSent<?> n ? "NotSent(" + n.reason() + ")" : o.getClass().getSimpleName(), 1, Integer::sum);

    gateClock.jump(); // past any ban or back-off the fuzzed reply rightly caused
    Outcome<?> after = settle(client.api().ping(new PingParams()), mutation);
    assertInstanceOf(Outcome.Success.class, after, "the next call works after " + mutation + ": " + after);
  }

  static Outcome<?> settle(CompletableFuture<? extends Outcome<?>> f, Mutation m) throws Exception {
    Outcome<?> o;
    try {
      o = f.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the future never completed (" + m + ")");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError("the future completed exceptionally (" + m + ")", e.getCause());
    }
    assertNotNull(o, "null outcome for " + m);
    assertFalse(f.isCompletedExceptionally());
    return o;
  }

  record Planned(String template, Mutation mutation) {}

  /** A clock for the gate alone: every try starts a year after the previous one. */
  static final class JumpingClock extends java.time.Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void jump() {
      offset.updateAndGet(d -> d.plusDays(400));
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public java.time.Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.now().plus(offset.get());
    }
  }

  /**
   * Answers a planned request with the mutated frame, then with a valid 400 for the same id, so a request whose
   * mutated reply could not be routed still ends at once (a request that is never completed is caught by the
   * test's own timeout, not hidden by this: its pending entry is gone before classification). Anything else
   * (the ping) gets a valid success.
   */
  static final class FuzzServer extends WebSocketServer {
    static final ObjectMapper JSON = new ObjectMapper();
    final CountDownLatch started = new CountDownLatch(1);
    final AtomicReference<Planned> next = new AtomicReference<>();
    final AtomicInteger invalidUtf8Frames = new AtomicInteger();

    FuzzServer() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setConnectionLostTimeout(0);
    }

    URI uri() {
      return URI.create("ws://127.0.0.1:" + getPort() + "/ws-api/v3");
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      JsonNode req;
      try {
        req = JSON.readTree(message);
      } catch (Exception e) {
        return;
      }
      String id = req.get("id").toString();
      Planned p = "ping".equals(req.path("method").asText()) ? null : next.getAndSet(null);
      if (p == null) {
        conn.send("{\"id\":" + id + ",\"status\":200,\"result\":{},\"rateLimits\":" + Corpus.RATE_LIMITS + "}");
        return;
      }
      String cid = req.path("params").path("newClientOrderId").asText("none");
      byte[] mutated = p.mutation().apply(p.template().replace("%ID%", id).replace("%CID%", cid));
      try {
        conn.send(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(mutated)).toString());
      } catch (CharacterCodingException e) {
        invalidUtf8Frames.incrementAndGet();
        TextFrame raw = new TextFrame();
        raw.setPayload(ByteBuffer.wrap(mutated));
        raw.setFin(true);
        conn.sendFrame(raw);
      }
      if (conn.isOpen()) {
        conn.send("{\"id\":" + id + ",\"status\":400,\"error\":{\"code\":-1013,\"msg\":\"fallback\"}}");
      }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {}

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
