package io.spotsdk.bench;

import io.spotsdk.bench.client.RawWsListener;
import io.spotsdk.bench.client.WsOrderReply;
import io.spotsdk.internal.ws.BenchFrameSeam;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.model.Order;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A WebSocket API reply frame to the caller's outcome, no network: the same bytes into the SDK's socket listener
 * ({@link BenchFrameSeam}) and into a raw Jackson listener that binds them in one pass. A success (an order) and a
 * rejection (-2010). Each op registers the request in flight, as a real send does, and checks what came out.
 */
public class WsFrameBench {
  static final String SUCCESS = Fixture.wsSuccess("1", Fixture.ORDER_JSON);
  static final String REJECTED = Fixture.wsError("1", 400, Fixture.REJECT_JSON);

  @State(Scope.Thread)
  public static class Sdk {
    BenchFrameSeam seam;

    @Setup(Level.Trial)
    public void setUp() {
      seam = new BenchFrameSeam();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      seam.close();
    }
  }

  /** The SDK's path with nothing for the echo check to compare: what that check costs. */
  @State(Scope.Thread)
  public static class SdkNoEchoCheck {
    BenchFrameSeam seam;

    @Setup(Level.Trial)
    public void setUp() {
      seam = new BenchFrameSeam(false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      seam.close();
    }
  }

  @State(Scope.Thread)
  public static class Raw {
    final ConcurrentHashMap<Long, CompletableFuture<WsOrderReply>> pending = new ConcurrentHashMap<>();
    final RawWsListener listener = new RawWsListener(pending);
    final WebSocket socket = new BenchFrameSeam.IdleSocket();

    WsOrderReply deliver(String frame) {
      CompletableFuture<WsOrderReply> f = new CompletableFuture<>();
      pending.put(1L, f);
      listener.onText(socket, frame, true);
      WsOrderReply r = f.getNow(null);
      if (r == null) {
        throw new IllegalStateException("the frame completed nothing");
      }
      return r;
    }
  }

  @Benchmark
  public Object success_sdk(Sdk s) {
    return checkedSuccess(s.seam);
  }

  @Benchmark
  public Object success_sdkNoEchoCheck(SdkNoEchoCheck s) {
    return checkedSuccess(s.seam);
  }

  private static Object checkedSuccess(BenchFrameSeam seam) {
    Outcome<?> o = seam.deliver(SUCCESS);
    if (!(o instanceof Outcome.Success<?> ok) || ((Order) ok.value()).orderId() != Fixture.ORDER_ID
        || ok.usage().countSize() == 0) {
      throw new IllegalStateException("sdk success frame: " + o);
    }
    return o;
  }

  @Benchmark
  public Object success_raw(Raw s) {
    WsOrderReply r = s.deliver(SUCCESS);
    if (r.status() != 200 || r.result().orderId() != Fixture.ORDER_ID || r.rateLimits().isEmpty()) {
      throw new IllegalStateException("raw success frame: " + r);
    }
    return r;
  }

  @Benchmark
  public Object rejected_sdk(Sdk s) {
    Outcome<?> o = s.seam.deliver(REJECTED);
    if (!(o instanceof Outcome.Rejected<?> no) || no.details().code() != Fixture.REJECT_CODE) {
      throw new IllegalStateException("sdk rejected frame: " + o);
    }
    return o;
  }

  @Benchmark
  public Object rejected_raw(Raw s) {
    WsOrderReply r = s.deliver(REJECTED);
    if (r.status() != 400 || r.error().code() != Fixture.REJECT_CODE || r.rateLimits().isEmpty()) {
      throw new IllegalStateException("raw rejected frame: " + r);
    }
    return r;
  }
}
