package io.spotsdk.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every HTTP request on 127.0.0.1 with exactly the current case's status, headers and body bytes, with no
 * library between the case and the wire. Adds Content-Length and Connection: close when the case does not.
 */
final class CaseHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "conformance-http");
    t.setDaemon(true);
    return t;
  });
  private volatile byte[] response = new byte[0];
  final AtomicInteger requests = new AtomicInteger();

  CaseHttpServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  void answer(ConformanceCase c) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(c.status()).append(" Case\r\n");
    boolean length = false;
    boolean connection = false;
    for (Map.Entry<String, String> h : c.headers().entrySet()) {
      head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      length |= h.getKey().equalsIgnoreCase("Content-Length");
      connection |= h.getKey().equalsIgnoreCase("Connection");
    }
    if (!length) {
      head.append("Content-Length: ").append(c.body().length).append("\r\n");
    }
    if (!connection) {
      head.append("Connection: close\r\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(c.body());
    response = out.toByteArray();
    requests.set(0);
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      if (!readRequest(s.getInputStream())) {
        return;
      }
      requests.incrementAndGet();
      s.getOutputStream().write(response);
      s.getOutputStream().flush();
      s.shutdownOutput();
    } catch (IOException ignored) {
      // the client went away first
    }
  }

  /** Reads the head and any Content-Length body of one request; false at end of stream. */
  private static boolean readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      String sofar = b.toString(StandardCharsets.ISO_8859_1);
      if (sofar.endsWith("\r\n\r\n")) {
        for (String line : sofar.split("\r\n")) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            in.readNBytes(Integer.parseInt(line.substring(15).trim()));
          }
        }
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
