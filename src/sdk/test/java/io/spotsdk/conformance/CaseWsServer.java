package io.spotsdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** Answers every request frame on 127.0.0.1 with the current case's reply frame, {@code {{id}}} set to its id. */
final class CaseWsServer extends WebSocketServer implements AutoCloseable {
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile String frame = "";
  final AtomicInteger requests = new AtomicInteger();

  private CaseWsServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  static CaseWsServer launch() throws InterruptedException {
    CaseWsServer s = new CaseWsServer();
    s.start();
    if (!s.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the WebSocket server did not start");
    }
    return s;
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/ws-api/v3");
  }

  void answer(ConformanceCase c) {
    frame = new String(c.body(), StandardCharsets.UTF_8);
    requests.set(0);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonNode id;
    try {
      id = ConformanceCase.JSON.readTree(message).get("id");
    } catch (Exception e) {
      throw new IllegalStateException("a request frame that is not JSON: " + message, e);
    }
    requests.incrementAndGet();
    conn.send(frame.replace("{{id}}", id.toString()));
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {}

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void close() throws InterruptedException {
    stop(2000);
  }
}
