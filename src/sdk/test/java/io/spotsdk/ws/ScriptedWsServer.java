package io.spotsdk.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/** A real WebSocket server on 127.0.0.1 whose answer to each request frame is scripted by the test. */
final class ScriptedWsServer extends WebSocketServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<WebSocket> connections = new CopyOnWriteArrayList<>();
  final AtomicInteger pongs = new AtomicInteger();
  final CountDownLatch started = new CountDownLatch(1);
  volatile BiConsumer<WebSocket, JsonNode> script = (ws, req) -> ws.send(ok(req, "{}"));

  ScriptedWsServer() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
    setConnectionLostTimeout(0);
  }

  static ScriptedWsServer launch() throws InterruptedException {
    ScriptedWsServer s = new ScriptedWsServer();
    s.start();
    if (!s.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server did not start");
    }
    return s;
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + getPort() + "/ws-api/v3");
  }

  static String ok(JsonNode req, String resultJson) {
    return "{\"id\":" + req.get("id") + ",\"status\":200,\"result\":" + resultJson
        + ",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000,\"count\":3}]}";
  }

  static String error(JsonNode req, int status, String errorJson) {
    return "{\"id\":" + req.get("id") + ",\"status\":" + status + ",\"error\":" + errorJson + "}";
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    paths.add(handshake.getResourceDescriptor());
    connections.add(conn);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    connections.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonNode req;
    try {
      req = JSON.readTree(message);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    received.add(req);
    script.accept(conn, req);
  }

  @Override
  public void onMessage(WebSocket conn, ByteBuffer message) {}

  @Override
  public void onWebsocketPong(WebSocket conn, Framedata f) {
    pongs.incrementAndGet();
    super.onWebsocketPong(conn, f);
  }

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
