package io.spotsdk.internal.ws;

import io.spotsdk.bench.Fixture;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.ws.api.WsMethods;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The benchmark's seam into the SDK's reply path, without a network: a real {@link WsConnection} (as its own
 * tests attach one) with one order.place in flight, and its real socket listener. {@link #deliver} hands a frame
 * to {@code Listener.onText} exactly as the JDK does, and everything from there on is the SDK's own code: the
 * frame copy, the parse, the id lookup, the rateLimits, the classifier with its echo check, the completion.
 *
 * <p>It lives in the SDK's package because the connection's test hooks are package-private; this works on the
 * classpath only (the module io.spotsdk exports no internals), which is how the benchmarks run. Completions run
 * inline ({@code Runnable::run}, as {@code attached} sets), so the executor hop is not measured here.
 */
public final class BenchFrameSeam {
  private static final long ID = 1L;

  private final WsConnection connection;
  private final Map<Long, Pending> pending;
  private final WebSocket.Listener listener;
  private final WebSocket socket = new IdleSocket();
  private final Supplier<RequestRecord> record;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "bench-seam-timer");
    t.setDaemon(true);
    return t;
  });

  public BenchFrameSeam() {
    this(true);
  }

  /**
   * {@code echoCheck} false registers the order without the parameters its reply echoes (symbol,
   * newClientOrderId), so the classifier has nothing to compare: the same path without the echo check, to measure
   * what that promise (a reply that answers another request is Unknown, not a Success) costs.
   */
  @SuppressWarnings("unchecked")
  public BenchFrameSeam(boolean echoCheck) {
    this.connection = WsConnection.attached(socket, Json.MAPPER, new OutcomeClassifier(Json.MAPPER, Clock.systemUTC()),
        timer, Duration.ofSeconds(15), new WsConnection.Events() {
          @Override
          public void serverShutdown(WsConnection c) {}

          @Override
          public void closed(WsConnection c) {}
        });
    try {
      Field f = WsConnection.class.getDeclaredField("pending");
      f.setAccessible(true);
      this.pending = (Map<Long, Pending>) f.get(connection);
      Class<?> type = Class.forName(WsConnection.class.getName() + "$Listener");
      Constructor<?> c = type.getDeclaredConstructor(WsConnection.class);
      c.setAccessible(true);
      this.listener = (WebSocket.Listener) c.newInstance(connection);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the SDK's WsConnection changed shape; update the bench seam", e);
    }
    RequestRecord sent = new RequestRecord("order.place", "WS",
        echoCheck ? Map.of("symbol", Fixture.SYMBOL, "newClientOrderId", Fixture.CLIENT_ORDER_ID) : Map.of(),
        Fixture.SERVER_TIME,
        new BigDecimal(Fixture.RECV_WINDOW), Instant.ofEpochMilli(Fixture.SERVER_TIME));
    this.record = () -> sent;
  }

  /** One order.place in flight with id 1, then the frame: returns the outcome the caller's future got. */
  public Outcome<?> deliver(String frame) {
    Pending p = new Pending(ID, WsMethods.ORDER_PLACE, "", record);
    pending.put(ID, p);
    listener.onText(socket, frame, true);
    Outcome<?> o = p.future.getNow(null);
    if (o == null) {
      throw new IllegalStateException("the frame completed nothing: " + frame);
    }
    return o;
  }

  public void close() {
    timer.shutdownNow();
  }

  /** A socket that is open and accepts everything; the seam never writes. */
  public static final class IdleSocket implements WebSocket {
    private static final CompletableFuture<WebSocket> NONE = new CompletableFuture<>();

    @Override
    public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
      return NONE;
    }

    @Override
    public void request(long n) {}

    @Override
    public String getSubprotocol() {
      return "";
    }

    @Override
    public boolean isOutputClosed() {
      return false;
    }

    @Override
    public boolean isInputClosed() {
      return false;
    }

    @Override
    public void abort() {}
  }
}
