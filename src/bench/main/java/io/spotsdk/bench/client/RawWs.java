package io.spotsdk.bench.client;

import io.spotsdk.bench.Fixture;
import io.spotsdk.bench.Hmac;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * order.place by hand over the JDK WebSocket: the frame built as text with the SDK's params in the SDK's order,
 * HMAC over the sorted params, sends chained (the JDK allows one outstanding send), replies matched by id.
 */
public final class RawWs implements AutoCloseable {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ConcurrentHashMap<Long, CompletableFuture<WsOrderReply>> pending = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final Hmac hmac = new Hmac(Fixture.SECRET);
  private final WebSocket socket;
  private CompletableFuture<WebSocket> sends;

  public RawWs(String wsUri) {
    this.socket = http.newWebSocketBuilder().buildAsync(URI.create(wsUri), new RawWsListener(pending)).join();
    this.sends = CompletableFuture.completedFuture(socket);
  }

  /** Sends one order.place; the future holds the reply. */
  public CompletableFuture<WsOrderReply> orderPlace() {
    long id = ids.incrementAndGet();
    long timestamp = System.currentTimeMillis();
    String payload = "apiKey=" + Fixture.API_KEY + "&newClientOrderId=" + Fixture.CLIENT_ORDER_ID + "&price="
        + Fixture.PRICE + "&quantity=" + Fixture.QUANTITY + "&recvWindow=" + Fixture.RECV_WINDOW + "&side="
        + Fixture.SIDE + "&symbol=" + Fixture.SYMBOL + "&timeInForce=" + Fixture.TIME_IN_FORCE + "&timestamp="
        + timestamp + "&type=" + Fixture.TYPE;
    String frame = "{\"id\":" + id + ",\"method\":\"order.place\",\"params\":{\"symbol\":\"" + Fixture.SYMBOL
        + "\",\"side\":\"" + Fixture.SIDE + "\",\"type\":\"" + Fixture.TYPE + "\",\"timeInForce\":\""
        + Fixture.TIME_IN_FORCE + "\",\"quantity\":\"" + Fixture.QUANTITY + "\",\"price\":\"" + Fixture.PRICE
        + "\",\"newClientOrderId\":\"" + Fixture.CLIENT_ORDER_ID + "\",\"recvWindow\":" + Fixture.RECV_WINDOW
        + ",\"timestamp\":" + timestamp + ",\"apiKey\":\"" + Fixture.API_KEY + "\",\"signature\":\""
        + hmac.sign(payload) + "\"}}";
    CompletableFuture<WsOrderReply> reply = new CompletableFuture<>();
    pending.put(id, reply);
    synchronized (this) {
      sends = sends.thenCompose(ws -> ws.sendText(frame, true));
    }
    return reply;
  }

  /** Checks a reply: the expected order, or an exception. */
  public static long check(WsOrderReply r) {
    if (r.status() != 200 || r.result() == null) {
      throw new IllegalStateException("raw ws order.place: status " + r.status() + " " + r.error());
    }
    return RestPair.expect("raw ws order.place", Fixture.ORDER_ID, r.result().orderId());
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      socket.abort();
    }
  }
}
