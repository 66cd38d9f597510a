package io.spotsdk.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * A minimal WebSocket server on a raw {@link ServerSocket}, for wire behaviour a library server does not produce
 * on demand: a frame in the very TCP write that carries the handshake response (so the client reads it before
 * its {@code buildAsync} has returned), or a handshake refused with an HTTP status. Connections are numbered from 1.
 */
final class RawWsServer implements AutoCloseable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Text frames sent together with the handshake response of connection n (none when empty). */
  volatile IntFunction<List<String>> greeting = n -> List.of();
  /** The reply to a request on connection n; null sends none. */
  volatile BiFunction<Integer, JsonNode, String> script = (n, req) -> ScriptedWsServer.ok(req, "{}");
  /** When set, handshakes are answered with this HTTP status instead of 101. */
  volatile int refuseWithStatus;

  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final List<Integer> receivedOn = new CopyOnWriteArrayList<>();
  final AtomicInteger handshakes = new AtomicInteger();
  final AtomicInteger upgraded = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final List<OutputStream> outputs = new CopyOnWriteArrayList<>();
  private final ServerSocket listener;
  private volatile boolean closed;

  RawWsServer() throws IOException {
    listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    Thread t = new Thread(this::acceptLoop, "raw-ws-accept");
    t.setDaemon(true);
    t.start();
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/ws-api/v3");
  }

  /** Connections whose socket is still open at this end. */
  int openSockets() {
    int n = 0;
    for (Socket s : sockets) {
      if (!s.isClosed()) {
        n++;
      }
    }
    return n;
  }

  /** Sends a close frame on every open connection (the client sees onClose). */
  void closeAll(int code) {
    byte[] payload = {(byte) (code >> 8), (byte) code};
    for (OutputStream out : outputs) {
      write(out, frame(0x8, payload));
    }
  }

  private static void write(OutputStream out, byte[] bytes) {
    synchronized (out) {
      try {
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // that connection is gone
      }
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    for (Socket s : sockets) {
      s.close();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = listener.accept();
        sockets.add(s);
        Thread t = new Thread(() -> serve(s), "raw-ws-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    OutputStream out = null;
    try (s) {
      InputStream in = s.getInputStream();
      out = s.getOutputStream();
      String key = readHandshake(in);
      handshakes.incrementAndGet();
      int refuse = refuseWithStatus;
      if (refuse != 0 || key == null) {
        out.write(("HTTP/1.1 " + (refuse == 0 ? 400 : refuse) + " Refused\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return;
      }
      int n = upgraded.incrementAndGet();
      ByteArrayOutputStream first = new ByteArrayOutputStream();
      first.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      for (String text : greeting.apply(n)) {
        first.write(frame(0x1, text.getBytes(StandardCharsets.UTF_8)));
      }
      write(out, first.toByteArray()); // one write: the client reads the frames with the response
      outputs.add(out);
      DataInputStream data = new DataInputStream(in);
      while (true) {
        int b0 = data.read();
        if (b0 < 0) {
          return;
        }
        int b1 = data.readUnsignedByte();
        long len = b1 & 0x7F;
        if (len == 126) {
          len = data.readUnsignedShort();
        } else if (len == 127) {
          len = data.readLong();
        }
        byte[] mask = new byte[4];
        if ((b1 & 0x80) != 0) {
          data.readFully(mask);
        }
        byte[] payload = new byte[(int) len];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
          payload[i] ^= mask[i % 4];
        }
        int opcode = b0 & 0x0F;
        if (opcode == 0x8) {
          write(out, frame(0x8, payload));
          outputs.remove(out);
          return;
        } else if (opcode == 0x9) {
          write(out, frame(0xA, payload));
        } else if (opcode == 0x1) {
          JsonNode req = JSON.readTree(payload);
          received.add(req);
          receivedOn.add(n);
          String reply = script.apply(n, req);
          if (reply != null) {
            write(out, frame(0x1, reply.getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      outputs.remove(out);
    }
  }

  private static String readHandshake(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("eof in handshake");
      }
      head.append((char) c);
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return null;
  }

  private static String accept(String key) {
    try {
      byte[] sha = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unmasked server frame. */
  private static byte[] frame(int opcode, byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x80 | opcode);
    if (payload.length < 126) {
      b.write(payload.length);
    } else if (payload.length < 65536) {
      b.write(126);
      b.write(payload.length >> 8);
      b.write(payload.length & 0xFF);
    } else {
      b.write(127);
      for (int i = 7; i >= 0; i--) {
        b.write((int) ((long) payload.length >> (8 * i)) & 0xFF);
      }
    }
    b.writeBytes(payload);
    return b.toByteArray();
  }
}
