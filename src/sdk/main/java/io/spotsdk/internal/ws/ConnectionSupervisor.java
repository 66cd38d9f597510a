package io.spotsdk.internal.ws;

import io.spotsdk.WsConnectionListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one current connection for a client and owns every connection the client ever opens.
 *
 * <ul>
 *   <li>Planned replacement ({@code serverShutdown}, the lifetime, {@code reconnect()}): the new connection opens
 *       and is prepared (re-logon) before it takes new requests; the old one drains. A {@code serverShutdown}
 *       that arrives before the handshake has even returned is kept on its connection and acted on when that
 *       connection becomes current: every notice leads to exactly one replacement.
 *   <li>After a loss, the next request opens a new connection.
 *   <li>{@link #close()} closes every connection, the current one, draining ones and one still being opened (that
 *       one as soon as its handshake returns), and nothing is scheduled any more.
 * </ul>
 */
final class ConnectionSupervisor implements WsConnection.Events {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  /** What a fresh connection goes through before it takes requests (the session's re-logon). */
  interface Preparation extends Function<WsConnection, CompletableFuture<WsConnection>> {}

  /** The session's view of connection events. */
  interface SessionEvents {
    void revoked(WsConnection connection, String why);
  }

  private final HttpClient http;
  private final URI uri;
  private final Duration connectTimeout;
  private final Duration lifetime;
  private final ConnectionSettings settings;
  private final WsConnectionListener listener;
  private final AtomicInteger attempts = new AtomicInteger();
  private final AtomicInteger opened = new AtomicInteger();
  private final Object lock = new Object();
  private final Set<WsConnection> live = ConcurrentHashMap.newKeySet();
  private final Set<CompletableFuture<WsConnection>> opening = ConcurrentHashMap.newKeySet();
  private Preparation preparation = CompletableFuture::completedFuture;
  private SessionEvents session = (c, why) -> { };
  private UserDataHub userData;
  private volatile WsConnection current;
  private CompletableFuture<WsConnection> replacing;
  private volatile boolean closed;

  ConnectionSupervisor(HttpClient http, URI uri, Duration connectTimeout, Duration lifetime, ConnectionSettings settings,
      WsConnectionListener listener) {
    this.http = http;
    this.uri = uri;
    this.connectTimeout = connectTimeout;
    this.lifetime = lifetime;
    this.settings = settings;
    this.listener = listener;
  }

  void preparation(Preparation p) {
    this.preparation = p;
  }

  void session(SessionEvents s) {
    this.session = s;
  }

  void userData(UserDataHub hub) {
    this.userData = hub;
  }

  int connectionsOpened() {
    return opened.get();
  }

  WsConnection current() {
    return current;
  }

  boolean isClosed() {
    return closed;
  }

  /** Opens the first connection. */
  CompletableFuture<WsConnection> connect() {
    CompletableFuture<WsConnection> first;
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new ClientClosedException());
      }
      first = openPrepared().thenApply(c -> adopt(c, null, null));
      replacing = first;
    }
    first.whenComplete((c, err) -> {
      if (c != null) {
        replaceIfAnnounced(c);
      }
    });
    return first;
  }

  /**
   * The connection for the next request: the current one if open, else the replacement under way, else a new
   * one (after a loss). Fails when the client is closed or no connection could be opened.
   */
  CompletableFuture<WsConnection> forNextRequest() {
    WsConnection c = current;
    if (c != null && c.isOpen()) {
      return CompletableFuture.completedFuture(c);
    }
    synchronized (lock) {
      if (closed) {
        return CompletableFuture.failedFuture(new ClientClosedException());
      }
      if (replacing != null && !replacing.isDone()) {
        return replacing;
      }
      c = current;
      if (c != null && c.isOpen()) {
        return CompletableFuture.completedFuture(c);
      }
      String why = c == null ? "connecting" : "the connection was lost (" + c.closeReason() + ")";
      return replace(c, why);
    }
  }

  /**
   * Planned replacement of {@code old}: returns when the new connection is current. A replacement under way is
   * shared, not doubled.
   */
  CompletableFuture<WsConnection> replace(WsConnection old, String reason) {
    CompletableFuture<WsConnection> next;
    synchronized (lock) {
      if (replacing != null && !replacing.isDone()) {
        return replacing;
      }
      if (closed) {
        return CompletableFuture.failedFuture(new ClientClosedException());
      }
      if (old != current) {
        return CompletableFuture.completedFuture(current);
      }
      LOG.info("reconnecting: {}", settings.redaction().apply(reason));
      next = openPrepared().thenApply(c -> adopt(c, old, reason));
      replacing = next;
    }
    next.whenComplete((c, err) -> {
      if (err != null) {
        LOG.warn("reconnect ({}) failed; {}: {}", settings.redaction().apply(reason),
            old != null && old.isOpen() ? "staying on the old connection" : "the next call tries again",
            settings.redaction().describe(Causes.root(err)));
      } else {
        replaceIfAnnounced(c);
      }
    });
    return next;
  }

  private CompletableFuture<WsConnection> openPrepared() {
    String name = "ws-" + attempts.incrementAndGet();
    CompletableFuture<WsConnection> handshake;
    try {
      handshake = WsConnection.open(http, uri, connectTimeout, name, settings, this);
    } catch (RuntimeException e) {
      handshake = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<WsConnection> tracked = handshake.thenApply(this::track);
    opening.add(tracked);
    tracked.whenComplete((c, err) -> opening.remove(tracked));
    return tracked.thenCompose(preparation);
  }

  /** Every connection whose handshake returned is owned here, unless the client closed meanwhile. */
  private WsConnection track(WsConnection c) {
    synchronized (lock) {
      if (closed) {
        c.closeNow(1000, "client closed");
        c.abort(); // never used: no need to wait for the close frame
        throw new ClientClosedException();
      }
      live.add(c);
      opened.incrementAndGet();
    }
    if (!c.isOpen()) {
      live.remove(c);
    }
    return c;
  }

  private WsConnection adopt(WsConnection c, WsConnection old, String reason) {
    synchronized (lock) {
      if (closed) {
        c.closeNow(1000, "client closed");
        throw new ClientClosedException();
      }
      if (!c.isOpen()) {
        throw new IllegalStateException("the new connection ended before use: " + c.closeReason());
      }
      current = c;
    }
    Timers.once(settings.timer(), () -> {
      if (c == current) {
        replace(c, "connection lifetime reached");
      }
    }, lifetime);
    if (old != null) {
      old.drainAndClose();
      tell(() -> listener.replaced(opened.get(), reason));
    }
    return c;
  }

  private void replaceIfAnnounced(WsConnection c) {
    if (c.shutdownAnnounced() && c == current && !closed && c.claimReplacement()) {
      replace(c, "serverShutdown");
    }
  }

  @Override
  public void serverShutdown(WsConnection connection) {
    replaceIfAnnounced(connection); // if it is not current yet, adopting it will do this
  }

  @Override
  public void closed(WsConnection connection) {
    live.remove(connection);
    if (connection == current && !closed) {
      tell(() -> listener.lost(connection.closeReason()));
    }
    if (userData != null) {
      userData.connectionClosed(connection);
    }
  }

  @Override
  public void userDataEvent(WsConnection connection, com.fasterxml.jackson.databind.JsonNode frame, String raw) {
    if (userData != null) {
      userData.onEvent(connection, frame, raw);
    }
  }

  @Override
  public void sessionRevoked(WsConnection connection, String why) {
    session.revoked(connection, why);
  }

  /** Told to the user's listener; whatever it throws stays there. */
  void tell(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("the WsConnectionListener threw {}", e.getClass().getName());
    }
  }

  /**
   * Closes every connection. Waits a little (bounded) for handshakes under way and close frames; a handshake that
   * returns later is closed the moment it does. The returned future completes once no handshake is under way any
   * more (at once, or at most the connect timeout later): until then the HttpClient's threads are still needed.
   */
  CompletableFuture<Void> close() {
    List<WsConnection> all;
    List<CompletableFuture<WsConnection>> handshakes;
    synchronized (lock) {
      if (closed) {
        return quiet(new ArrayList<>(opening));
      }
      closed = true;
      all = new ArrayList<>(live);
      handshakes = new ArrayList<>(opening);
    }
    List<CompletableFuture<?>> waits = new ArrayList<>(handshakes);
    for (WsConnection c : all) {
      waits.add(c.closeNow(1000, "client closed"));
    }
    try {
      CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // a handshake failed or is still under way: it is closed on return
    }
    for (WsConnection c : all) {
      c.abort(); // a close frame that did not leave in time
    }
    live.clear();
    return quiet(handshakes);
  }

  private static CompletableFuture<Void> quiet(List<CompletableFuture<WsConnection>> handshakes) {
    return CompletableFuture.allOf(handshakes.toArray(new CompletableFuture<?>[0])).handle((x, e) -> null);
  }

  /** The client was closed. */
  static final class ClientClosedException extends IllegalStateException {
    ClientClosedException() {
      super("the client is closed");
    }
  }
}
