package io.spotsdk.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A bare HTTP/1.1 server on 127.0.0.1 for wire behaviour WireMock will not produce: lying Content-Length, bodies
 * that trickle, idle keep-alive connections closed by the server. One thread per connection. Parameters are read
 * from the query string and from a form body (the SDK sends those of POST, PUT and DELETE in the body).
 */
final class RawHttpServer implements AutoCloseable {

  /** One request as the server read it. */
  record Request(String method, String target, Map<String, String> headers, String body) {
    String param(String name) {
      int q = target.indexOf('?');
      String v = q < 0 ? null : param(target.substring(q + 1), name);
      return v != null || body.isEmpty() ? v : param(body, name);
    }

    private static String param(String encoded, String name) {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }
  }

  /** Writes the response; returns true to keep the connection open for another request. */
  interface Handler {
    boolean respond(Request request, OutputStream out) throws IOException;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Duration idleClose;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http-server");
    t.setDaemon(true);
    return t;
  });
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** Every request read, in arrival order. */
  final List<Request> seen = new CopyOnWriteArrayList<>();
  /** One permit per idle connection the server closed. */
  final Semaphore idleClosed = new Semaphore(0);

  private RawHttpServer(Duration idleClose, Handler handler) throws IOException {
    this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    this.handler = handler;
    this.idleClose = idleClose;
    threads.execute(this::acceptLoop);
  }

  /** {@code idleClose}: close a keep-alive connection that stays idle this long (null: never). */
  static RawHttpServer start(Duration idleClose, Handler handler) throws IOException {
    return new RawHttpServer(idleClose, handler);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  static void writeHead(OutputStream out, int status, String... headerLines) throws IOException {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    for (String h : headerLines) {
      b.append(h).append("\r\n");
    }
    out.write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      boolean first = true;
      while (true) {
        s.setSoTimeout(!first && idleClose != null ? (int) idleClose.toMillis() : 0);
        Request r;
        try {
          r = readRequest(in);
        } catch (SocketTimeoutException idle) {
          idleClosed.release();
          return;
        }
        if (r == null) {
          return;
        }
        first = false;
        seen.add(r);
        if (!handler.respond(r, out)) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away or the test closed the server
    } finally {
      open.remove(s);
    }
  }

  private static Request readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0D0A0D0A) {
      int c = in.read();
      if (c < 0) {
        return null;
      }
      head.write(c);
      last4 = (last4 << 8) | c;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] requestLine = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
    }
    String length = headers.get("content-length");
    String body = length == null ? "" : new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    return new Request(requestLine[0], requestLine[1], headers, body);
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    threads.shutdownNow();
  }
}
