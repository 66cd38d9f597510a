package io.spotsdk.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spotsdk.bench.Fixture;
import io.spotsdk.bench.Hmac;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Binance Spot stand-in on 127.0.0.1, run in its own JVM by the harness ({@link ServerProcess}): REST
 * {@code GET /api/v3/time} and signed {@code POST /api/v3/order}, and the WebSocket API's {@code time} and
 * {@code order.place}. Every reply is the same bytes for every client (WebSocket replies differ only in the id).
 * Signatures are checked on every request; a bad one gets 400 -1022. The last request of each endpoint is kept
 * as raw text (parsed only when asked, so recording costs nothing per request) and served on
 * {@code GET /bench/last?what=time|order|ws.time|ws.order.place}.
 *
 * <p>It prints {@code READY <restPort> <wsPort>} when both listen, and exits when its standard input closes (the
 * harness died) or on {@code SIGTERM}.
 */
public final class StandInServer {
  private static final byte[] TIME = Fixture.TIME_JSON.getBytes(StandardCharsets.UTF_8);
  private static final byte[] ORDER = Fixture.ORDER_JSON.getBytes(StandardCharsets.UTF_8);
  private static final byte[] BAD_SIGNATURE = Fixture.BAD_SIGNATURE_JSON.getBytes(StandardCharsets.UTF_8);
  // decimals keep their text (0.00100000 stays as sent), as Binance signs it
  private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

  private final Hmac hmac = new Hmac(Fixture.SECRET);
  /** what -> the last raw request of it: "method path\nquery\nbody\napiKey" or the WebSocket frame. */
  private final Map<String, String> last = new ConcurrentHashMap<>();

  public static void main(String[] args) throws Exception {
    StandInServer s = new StandInServer();
    ExecutorService pool = Executors.newFixedThreadPool(48, r -> {
      Thread t = new Thread(r, "stand-in-http");
      t.setDaemon(true);
      return t;
    });
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    http.createContext("/", s::handle);
    http.setExecutor(pool);
    http.start();
    Ws ws = s.new Ws(new InetSocketAddress("127.0.0.1", 0));
    ws.setTcpNoDelay(true);
    ws.setReuseAddr(true);
    ws.start();
    ws.started.await();
    System.out.println("READY " + http.getAddress().getPort() + " " + ws.getPort());
    System.out.flush();
    // The harness holds our stdin open; when it goes away, so do we.
    while (System.in.read() >= 0) {
      // keep reading
    }
    http.stop(0);
    ws.stop(100);
    System.exit(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String query = ex.getRequestURI().getRawQuery();
      byte[] bodyBytes = ex.getRequestBody().readAllBytes();
      Headers h = ex.getResponseHeaders();
      switch (path) {
        case "/api/v3/time" -> {
          usageHeaders(h, false);
          send(ex, 200, TIME);
        }
        case "/api/v3/order" -> {
          String body = new String(bodyBytes, StandardCharsets.UTF_8);
          String apiKey = ex.getRequestHeaders().getFirst("X-MBX-APIKEY");
          last.put("order", ex.getRequestMethod() + "\n" + nz(query) + "\n" + body + "\n" + apiKey);
          boolean ok = "POST".equals(ex.getRequestMethod()) && Fixture.API_KEY.equals(apiKey)
              && restSignatureValid(nz(query), body);
          usageHeaders(h, ok);
          send(ex, ok ? 200 : 400, ok ? ORDER : BAD_SIGNATURE);
        }
        case "/bench/last" -> {
          h.add("Content-Type", "text/plain;charset=UTF-8");
          send(ex, 200, describe(query == null ? "" : query.replace("what=", "")).getBytes(StandardCharsets.UTF_8));
        }
        default -> send(ex, 404, "{\"code\":-1,\"msg\":\"not here\"}".getBytes(StandardCharsets.UTF_8));
      }
      if (path.equals("/api/v3/time")) {
        last.put("time", ex.getRequestMethod() + "\n" + nz(query) + "\n\n");
      }
    }
  }

  private static void usageHeaders(Headers h, boolean order) {
    h.add("Content-Type", "application/json;charset=UTF-8");
    h.add("X-MBX-USED-WEIGHT-1M", order ? "3" : "1");
    if (order) {
      h.add("X-MBX-ORDER-COUNT-10S", "1");
      h.add("X-MBX-ORDER-COUNT-1D", "1");
    }
    h.add("x-mbx-uuid", "5f0e4c1a-6c3b-4f55-9d5e-0d1b6c9b2a71");
    h.add("x-mbx-traceid", "5f0e4c1a-6c3b-4f55-9d5e-0d1b6c9b2a71");
    h.add("Cache-Control", "no-cache, no-store, must-revalidate");
    h.add("X-Content-Type-Options", "nosniff");
    h.add("Strict-Transport-Security", "max-age=31536000; includeSubdomains");
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Binance signs the query string followed by the body, each without its signature parameter. */
  private boolean restSignatureValid(String query, String body) {
    String[] q = withoutSignature(query);
    String[] b = withoutSignature(body);
    String signature = q[1] != null ? q[1] : b[1];
    return hmac.verify(q[0] + b[0], signature);
  }

  /** [the text without its signature=... parameter, the signature or null]. */
  private static String[] withoutSignature(String s) {
    int at = s.startsWith("signature=") ? 0 : s.indexOf("&signature=");
    if (at < 0) {
      return new String[] {s, null};
    }
    int start = at == 0 ? 0 : at + 1;
    int end = s.indexOf('&', start);
    String sig = s.substring(start + "signature=".length(), end < 0 ? s.length() : end);
    String rest = at == 0 ? (end < 0 ? "" : s.substring(end + 1)) : s.substring(0, at) + (end < 0 ? "" : s.substring(end));
    return new String[] {rest, sig};
  }

  /** The last request of one kind as {@link Recorded} text, parsed now. */
  private String describe(String what) {
    String raw = last.get(what);
    if (raw == null) {
      return "";
    }
    try {
      if (what.startsWith("ws.")) {
        JsonNode frame = JSON.readTree(raw);
        List<String> params = new ArrayList<>();
        JsonNode p = frame.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          params.add(e.getKey() + "=" + e.getValue()); // as JSON: a string and a number differ
        }
        return new Recorded(frame.path("method").asText(), "ws", "params", params,
            p.path("apiKey").asText(null), wsSignatureValid(p)).toText();
      }
      String[] parts = raw.split("\n", -1);
      List<String> params = new ArrayList<>();
      String carrier = parts[1].isEmpty() ? (parts[2].isEmpty() ? "none" : "body") : (parts[2].isEmpty() ? "query" : "query+body");
      for (String s : new String[] {parts[1], parts[2]}) {
        if (!s.isEmpty()) {
          params.addAll(List.of(s.split("&")));
        }
      }
      String apiKey = parts.length > 3 ? parts[3] : null;
      boolean valid = what.equals("time") || restSignatureValid(parts[1], parts[2]);
      return new Recorded(parts[0], what, carrier, params, apiKey, valid).toText();
    } catch (IOException | RuntimeException e) {
      return "error=" + e;
    }
  }

  /** The WebSocket API signs its params without signature, sorted by name, as name=value joined by '&'. */
  private boolean wsSignatureValid(JsonNode params) {
    JsonNode sig = params.get("signature");
    if (sig == null) {
      return false;
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("signature")) {
        sorted.put(e.getKey(), e.getValue().asText());
      }
    }
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return hmac.verify(b.toString(), sig.asText()) && Fixture.API_KEY.equals(params.path("apiKey").asText());
  }

  /** The WebSocket API on /ws-api/v3 (any path is accepted). */
  final class Ws extends WebSocketServer {
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    Ws(InetSocketAddress address) {
      super(address, 2);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      String id = "null";
      try {
        JsonNode frame = JSON.readTree(message);
        id = frame.path("id").toString();
        String method = frame.path("method").asText();
        last.put("ws." + method, message);
        switch (method) {
          case "time" -> conn.send(Fixture.wsSuccess(id, Fixture.TIME_JSON));
          case "order.place" -> conn.send(wsSignatureValid(frame.path("params"))
              ? Fixture.wsSuccess(id, Fixture.ORDER_JSON)
              : Fixture.wsError(id, 400, Fixture.BAD_SIGNATURE_JSON));
          default -> conn.send(Fixture.wsError(id, 400, "{\"code\":-1020,\"msg\":\"This operation is not supported.\"}"));
        }
      } catch (IOException | RuntimeException e) {
        conn.send(Fixture.wsError(id, 400, "{\"code\":-1100,\"msg\":\"Illegal characters found in a parameter.\"}"));
      }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      System.err.println("stand-in ws error: " + ex);
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
