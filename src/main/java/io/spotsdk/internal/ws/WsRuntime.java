package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.WsCaller;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.Calls;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import io.spotsdk.signing.SigningPayloads;
import io.spotsdk.ws.api.WsMethods;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the generated WebSocket API calls. Signs (or relies on a {@code session.logon}), picks the current
 * connection, and replaces connections in a planned way: on {@code serverShutdown} or at the end of the
 * connection's lifetime it opens the new connection first, sends new requests on it, and lets the old one
 * drain. Nothing is ever resent.
 */
public final class WsRuntime implements WsCaller, WsConnection.Events {
  private static final System.Logger LOG = System.getLogger("io.spotsdk.ws");

  private final HttpClient http;
  private final URI uri;
  private final Credentials credentials;
  private final Clock clock;
  private final BigDecimal recvWindow;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration lifetime;
  private final ScheduledExecutorService scheduler;
  private final Executor completions;
  private final ObjectMapper mapper;
  private final OutcomeClassifier classifier;
  private final RateLimitGate gate;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final io.spotsdk.WsConnectionListener listener;
  private final WsStats stats = new WsStats();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final Object lock = new Object();
  private volatile WsConnection current;
  private CompletableFuture<WsConnection> replacing;
  private volatile boolean loggedOn;
  private volatile boolean closed;

  public WsRuntime(HttpClient http, URI uri, Credentials credentials, Clock clock, BigDecimal recvWindow,
      Duration connectTimeout, Duration requestTimeout, Duration lifetime, ScheduledExecutorService scheduler,
      Executor completions, ObjectMapper mapper, OutcomeClassifier classifier, RateLimitGate gate, RetryPolicy retryPolicy, Sleeper sleeper, io.spotsdk.WsConnectionListener listener) {
    this.listener = listener;
    this.gate = gate;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.http = http;
    this.uri = uri;
    this.credentials = credentials;
    this.clock = clock;
    this.recvWindow = recvWindow;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
    this.lifetime = lifetime;
    this.scheduler = scheduler;
    this.completions = completions;
    this.mapper = mapper;
    this.classifier = classifier;
  }

  public WsStats stats() {
    return stats;
  }

  /** Connections opened so far (1 + reconnects). */
  public int connectionsOpened() {
    return connectionCount.get();
  }

  public WsConnection current() {
    return current;
  }

  /** Opens the first connection. */
  public CompletableFuture<Void> connect() {
    return openNew().thenAccept(c -> {
      current = c;
      scheduleLifetime(c);
    });
  }

  private CompletableFuture<WsConnection> openNew() {
    String name = "ws-" + connectionCount.incrementAndGet();
    return WsConnection.open(http, uri, connectTimeout, name, mapper, classifier, scheduler, completions, requestTimeout,
        this, stats);
  }

  private void scheduleLifetime(WsConnection c) {
    scheduler.schedule(() -> {
      if (c == current) {
        LOG.log(System.Logger.Level.INFO, "{0}: lifetime reached; reconnecting", c);
        replace(c, "connection lifetime reached");
      }
    }, lifetime.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Planned replacement: the new connection opens (and logs on, if the old one was) before it takes new
   * requests; the old one finishes what it has in flight. Returns when the new connection is current.
   */
  public CompletableFuture<WsConnection> replace(WsConnection old) {
    return replace(old, "requested");
  }

  private CompletableFuture<WsConnection> replace(WsConnection old, String reason) {
    synchronized (lock) {
      if (replacing != null && !replacing.isDone()) {
        return replacing;
      }
      if (closed || old != current) {
        return CompletableFuture.completedFuture(current);
      }
      CompletableFuture<WsConnection> next = openNew().thenCompose(this::logOnIfNeeded);
      replacing = next.whenComplete((c, err) -> {
        if (err != null) {
          LOG.log(System.Logger.Level.WARNING, "planned reconnect failed; staying on the old connection: {0}", err.toString());
          return;
        }
        current = c;
        scheduleLifetime(c);
        if (old != null) {
          old.drainAndClose();
        }
        listener.replaced(connectionCount.get(), reason);
      });
      return replacing;
    }
  }

  private CompletableFuture<WsConnection> logOnIfNeeded(WsConnection c) {
    if (!loggedOn) {
      return CompletableFuture.completedFuture(c);
    }
    return sendOn(c, WsMethods.SESSION_LOGON, new Params()).thenApply(o -> c);
  }

  @Override
  public <T> CompletableFuture<Outcome<T>> call(WsMethodDescriptor<T> method, RequestParams request) {
    Params params = prepare(method, request);
    return attempt(method, params, 1, clock.instant().plus(retryPolicy.deadline()));
  }

  /** One attempt through the gate; the {@link RetryPolicy} decides on its outcome whether to try again. */
  private <T> CompletableFuture<Outcome<T>> attempt(WsMethodDescriptor<T> method, Params params, int n,
      java.time.Instant giveUpAt) {
    return gated(method, params).thenCompose(o -> {
      gate.observe(o);
      java.time.Duration wait = closed ? null
          : retryPolicy.retryDelay(n, method.changesState(), o, clock.instant(), giveUpAt);
      if (wait == null) {
        return CompletableFuture.completedFuture(o);
      }
      return sleeper.delay(wait).thenCompose(x -> attempt(method, params, n + 1, giveUpAt));
    });
  }

  private <T> CompletableFuture<Outcome<T>> gated(WsMethodDescriptor<T> method, Params params) {
    RateLimitGate.Decision d = gate.tryAcquire(method.weightFor(params), method.orderCount());
    if (d.proceed()) {
      return dispatch(method, params);
    }
    if (d.refused()) {
      return CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.HELD_BY_RATE_LIMIT_GATE,
          method.method() + ": " + d.refusal(), record(method, params, null, null)));
    }
    return sleeper.delay(d.waitFor()).thenCompose(x -> gated(method, params));
  }

  private Params prepare(WsMethodDescriptor<?> method, RequestParams request) {
    Params params = Calls.prepare(request, method.clientIdParams());
    if (needsSignature(method)) {
      Calls.requireCredentials(method.method(), method.security(), credentials);
      Calls.recvWindow(method.method(), params.get("recvWindow"), recvWindow);
    }
    return params;
  }

  private static boolean needsSignature(WsMethodDescriptor<?> method) {
    return method.security().signed() || method == WsMethods.SESSION_LOGON;
  }

  private <T> CompletableFuture<Outcome<T>> dispatch(WsMethodDescriptor<T> method, Params params) {
    WsConnection c = current;
    if (c == null || !c.isOpen()) {
      CompletableFuture<WsConnection> r;
      synchronized (lock) {
        r = replacing;
      }
      if (!closed && r != null && !r.isDone()) {
        return r.thenCompose(conn -> sendOn(conn, method, params));
      }
      if (!closed && c != null && !c.isOpen()) {
        return replace(c).handle((conn, err) -> conn).thenCompose(conn -> conn == null || !conn.isOpen()
            ? notConnected(method, params) : sendOn(conn, method, params));
      }
      return notConnected(method, params);
    }
    return sendOn(c, method, params);
  }

  private <T> CompletableFuture<Outcome<T>> notConnected(WsMethodDescriptor<T> method, Params params) {
    return CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED,
        method.method() + ": not connected", record(method, params, null, null)));
  }

  private <T> CompletableFuture<Outcome<T>> sendOn(WsConnection c, WsMethodDescriptor<T> method, Params params) {
    Params wire = params.copy();
    Long timestamp = null;
    BigDecimal window = null;
    boolean logon = method == WsMethods.SESSION_LOGON;
    if (needsSignature(method)) {
      window = Calls.recvWindow(method.method(), params.get("recvWindow"), recvWindow);
      timestamp = clock.millis();
      wire.remove("signature").remove("apiKey");
      wire.put("recvWindow", window.toPlainString(), Params.Kind.NUMBER);
      wire.put("timestamp", Long.toString(timestamp), Params.Kind.NUMBER);
      if (logon || c.sessionApiKey() == null) {
        wire.put("apiKey", credentials.apiKey());
        Map<String, String> payload = new LinkedHashMap<>();
        for (Params.Param p : wire.asList()) {
          payload.put(p.name(), p.value());
        }
        String signature;
        try {
          signature = credentials.signer().sign(SigningPayloads.wsPayload(payload));
        } catch (RuntimeException e) {
          return CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.SIGNING_FAILED,
              method.method() + ": signing failed (" + e.getClass().getSimpleName() + ")", record(method, params, timestamp, window)));
        }
        wire.put("signature", signature);
      }
    }
    Long ts = timestamp;
    BigDecimal rw = window;
    java.time.Instant sentAt = clock.instant();
    CompletableFuture<Outcome<T>> f = c.send(method, wire, () -> record(method, params, ts, rw, sentAt));
    if (logon) {
      f = f.thenApply(o -> {
        if (o.isSuccess()) {
          c.sessionApiKey(credentials.apiKey());
          loggedOn = true;
        }
        return o;
      });
    } else if (method == WsMethods.SESSION_LOGOUT) {
      f = f.thenApply(o -> {
        if (o.isSuccess()) {
          c.sessionApiKey(null);
          loggedOn = false;
        }
        return o;
      });
    }
    return f;
  }

  private RequestRecord record(WsMethodDescriptor<?> method, Params params, Long timestamp, BigDecimal window) {
    return record(method, params, timestamp, window, clock.instant());
  }

  private RequestRecord record(WsMethodDescriptor<?> method, Params params, Long timestamp, BigDecimal window,
      java.time.Instant sentAt) {
    return Calls.record(method.method(), "WS", params, timestamp, window, sentAt);
  }

  @Override
  public void serverShutdown(WsConnection connection) {
    replace(connection, "serverShutdown");
  }

  @Override
  public void closed(WsConnection connection) {
    // Requests in flight were already completed by the connection. The next call opens a new connection
    // (see dispatch()); nothing is resent.
    if (connection == current && !closed) {
      listener.lost(connection + " closed");
    }
  }

  public void close() {
    closed = true;
    WsConnection c = current;
    if (c != null) {
      c.closeNow(1000, "client closed");
    }
  }
}
