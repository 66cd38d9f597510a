package io.spotsdk.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * An HTTP/1.1 server on 127.0.0.1 that writes whatever bytes the test gives it, lies and all: no library between
 * the test and the wire. One response per connection, then the connection is closed. Each request line is given
 * to {@code next}, which returns the raw response (status line, headers, body) to write.
 */
final class RawHttpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "raw-http");
    t.setDaemon(true);
    return t;
  });
  final AtomicReference<Function<String, byte[]>> next = new AtomicReference<>();

  RawHttpServer(Function<String, byte[]> responder) throws IOException {
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.next.set(responder);
    pool.execute(this::acceptLoop);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  private void acceptLoop() {
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
      String head = readHead(s.getInputStream());
      if (head == null) {
        return;
      }
      String requestLine = head.substring(0, Math.max(0, head.indexOf("\r\n")));
      OutputStream out = s.getOutputStream();
      out.write(next.get().apply(requestLine));
      out.flush();
      s.shutdownOutput();
    } catch (IOException ignored) {
      // the client gave up first; nothing to do
    }
  }

  /** Reads up to the blank line after the headers, then any Content-Length body. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      b.write(c);
      int n = b.size();
      if (n >= 4 && b.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        String head = b.toString(StandardCharsets.ISO_8859_1);
        int len = contentLength(head);
        in.readNBytes(len);
        return head;
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return 0;
  }

  /** A response as raw bytes: status line, header lines as given (no checks), the body. */
  static byte[] response(String statusLine, Iterable<String> headers, byte[] body) {
    StringBuilder h = new StringBuilder(statusLine).append("\r\n");
    for (String header : headers) {
      h.append(header).append("\r\n");
    }
    h.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
