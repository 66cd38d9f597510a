package io.spotsdk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on 127.0.0.1 between a client and a real server, which breaks the connections it carries when told
 * to, the way networks and servers break them:
 *
 * <ul>
 *   <li>{@link Fault#FIN}: both sides are closed in order (FIN), as when a server process exits without a
 *       WebSocket close frame. Data that arrives afterwards is answered with RST by the kernel, as it would be.
 *   <li>{@link Fault#RST}: both sides are reset (SO_LINGER 0), as when a middlebox or a crashed host kills the
 *       connection.
 *   <li>{@link Fault#BLACK_HOLE}: both sockets stay open and every byte in either direction is read and dropped:
 *       a silent death that only a heartbeat can notice.
 * </ul>
 *
 * A fault hits the connections open at that moment; connections made afterwards are carried normally, so a
 * client can reconnect through the same proxy. {@link #refuseNewConnections(boolean)} makes new connections fail
 * instead (accepted, then reset before any byte is forwarded).
 *
 * <pre>{@code
 * try (TcpFaultProxy proxy = TcpFaultProxy.start(server.getPort())) {
 *   URI uri = proxy.rewrite(server.uri());          // the client connects through the proxy
 *   ...
 *   proxy.inject(TcpFaultProxy.Fault.RST);          // every open connection is reset
 * }
 * }</pre>
 */
public final class TcpFaultProxy implements AutoCloseable {
  /** What to do to the connections that are open. */
  public enum Fault {
    FIN,
    RST,
    BLACK_HOLE
  }

  private final InetSocketAddress target;
  private final ServerSocket listener;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicLong bytesFromClients = new AtomicLong();
  private final AtomicLong bytesToClients = new AtomicLong();
  private final Thread acceptor;
  private volatile boolean refuseNew;
  private volatile boolean closed;

  private TcpFaultProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "tcp-fault-proxy-accept-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of {@code 127.0.0.1:targetPort}. */
  public static TcpFaultProxy start(int targetPort) throws IOException {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
  }

  public static TcpFaultProxy start(InetSocketAddress target) throws IOException {
    return new TcpFaultProxy(target);
  }

  /** The port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** {@code serverUri} with host and port replaced by the proxy's. */
  public URI rewrite(URI serverUri) {
    try {
      return new URI(serverUri.getScheme(), serverUri.getUserInfo(), "127.0.0.1", port(), serverUri.getPath(),
          serverUri.getQuery(), serverUri.getFragment());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Breaks every connection open now. */
  public void inject(Fault fault) {
    for (Link l : links) {
      l.inject(fault);
    }
  }

  /** New connections are reset at once (true), or carried (false, the default). */
  public void refuseNewConnections(boolean refuse) {
    this.refuseNew = refuse;
  }

  /** Connections accepted so far, including refused ones. */
  public int connectionsAccepted() {
    return accepted.get();
  }

  /**
   * Connections being carried now: not broken by a fault, and not closed by the client (a client that closes is
   * seen here at once, whatever the server makes of it).
   */
  public int openConnections() {
    int n = 0;
    for (Link l : links) {
      if (l.carrying()) {
        n++;
      }
    }
    return n;
  }

  /** Waits until at least {@code n} connections have been accepted. */
  public void awaitConnections(int n, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (accepted) {
      while (accepted.get() < n) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new IllegalStateException("only " + accepted.get() + " of " + n + " connections within " + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(accepted, left);
      }
    }
  }

  /** Bytes forwarded from clients to the server (dropped bytes are not counted). */
  public long bytesFromClients() {
    return bytesFromClients.get();
  }

  /** Bytes forwarded from the server to clients. */
  public long bytesToClients() {
    return bytesToClients.get();
  }

  @Override
  public void close() {
    closed = true;
    quietly(listener::close);
    for (Link l : links) {
      l.inject(Fault.RST);
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (refuseNew) {
        reset(client);
      } else {
        try {
          Socket server = new Socket();
          server.connect(target, 5000);
          Link l = new Link(client, server);
          links.add(l);
          l.start();
        } catch (IOException e) {
          reset(client);
        }
      }
      synchronized (accepted) {
        accepted.incrementAndGet();
        accepted.notifyAll();
      }
    }
  }

  private static void reset(Socket s) {
    quietly(() -> s.setSoLinger(true, 0));
    quietly(s::close);
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void quietly(IoAction a) {
    try {
      a.run();
    } catch (IOException | RuntimeException e) {
      // the socket is being torn down; nothing left to tell
    }
  }

  /** One client connection and its twin to the server, with a pump thread per direction. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicInteger pumping = new AtomicInteger(2);
    private volatile Fault fault;
    private volatile boolean clientOpen = true;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void start() {
      pump(client, server, bytesFromClients, "c2s");
      pump(server, client, bytesToClients, "s2c");
    }

    boolean carrying() {
      return fault == null && clientOpen && !client.isClosed();
    }

    synchronized void inject(Fault f) {
      if (fault != null || client.isClosed()) {
        return;
      }
      fault = f;
      switch (f) {
        case FIN -> {
          // Orderly: FIN first on both sides, then close (later data is met with RST by the kernel).
          quietly(client::shutdownOutput);
          quietly(server::shutdownOutput);
          quietly(client::close);
          quietly(server::close);
        }
        case RST -> {
          reset(client);
          reset(server);
        }
        case BLACK_HOLE -> {
          // Both sockets stay open; the pumps keep reading and drop everything.
        }
      }
    }

    private void pump(Socket from, Socket to, AtomicLong counter, String direction) {
      Thread t = new Thread(() -> {
        byte[] buf = new byte[16384];
        try {
          InputStream in = from.getInputStream();
          OutputStream out = to.getOutputStream();
          int n;
          while ((n = in.read(buf)) >= 0) {
            if (fault != null) {
              continue; // black-holed (or being broken): read and drop
            }
            out.write(buf, 0, n);
            out.flush();
            counter.addAndGet(n);
          }
          if (fault == null) {
            quietly(to::shutdownOutput); // pass an orderly close on
          }
        } catch (IOException e) {
          if (fault == null) {
            quietly(from::close);
            quietly(to::close);
          }
        } finally {
          if (from == client) {
            clientOpen = false;
          }
          if (pumping.decrementAndGet() == 0) {
            quietly(from::close);
            quietly(to::close);
          }
        }
      }, "tcp-fault-proxy-" + direction + "-" + from.getPort());
      t.setDaemon(true);
      t.start();
    }
  }
}
