package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.WsConnectionListener;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.WsCaller;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.Calls;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.Redaction;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import io.spotsdk.signing.SigningPayloads;
import io.spotsdk.ws.api.WsMethods;
import io.spotsdk.ws.model.SessionStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * What the generated WebSocket API calls. Every call goes through the rate-limit gate, is signed (or relies on a
 * {@code session.logon}) and is sent on the connection the {@link ConnectionSupervisor} gives it. A logged-on
 * session follows the client to every new connection through the same gate; when it cannot (the re-logon fails, or
 * the server revokes it) the listener hears why and signed calls are signed one by one again. Nothing is ever
 * resent, and every future completes with an outcome, never exceptionally.
 */
public final class WsRuntime implements WsCaller {
  private static final System.Logger LOG = System.getLogger("io.spotsdk.ws");

  /** How long things may take, and the heartbeat. */
  public record Timing(Duration connect, Duration request, Duration lifetime, Duration pingInterval,
      Duration pongTimeout) {}

  private final Credentials credentials;
  private final Clock clock;
  private final BigDecimal recvWindow;
  private final RateLimitGate gate;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final WsConnectionListener listener;
  private final Redaction redaction;
  private final WsStats stats = new WsStats();
  private final ConnectionSupervisor supervisor;
  private volatile boolean loggedOn;

  public WsRuntime(HttpClient http, URI uri, Credentials credentials, Clock clock, BigDecimal recvWindow, Timing timing,
      ScheduledExecutorService scheduler, Executor completions, ObjectMapper mapper, OutcomeClassifier classifier,
      RateLimitGate gate, RetryPolicy retryPolicy, Sleeper sleeper, WsConnectionListener listener) {
    this.credentials = credentials;
    this.clock = clock;
    this.recvWindow = recvWindow;
    this.gate = gate;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.listener = listener;
    this.redaction = Redaction.of(credentials == null ? null : credentials.apiKey());
    ConnectionSettings settings = new ConnectionSettings(mapper, classifier, scheduler, completions, timing.request(),
        timing.pingInterval(), timing.pongTimeout(), stats, redaction);
    this.supervisor = new ConnectionSupervisor(http, uri, timing.connect(), timing.lifetime(), settings, listener);
    supervisor.preparation(this::relogon);
    supervisor.session(this::sessionEnded);
  }

  public WsStats stats() {
    return stats;
  }

  /** Connections opened so far (1 + reconnects). */
  public int connectionsOpened() {
    return supervisor.connectionsOpened();
  }

  public WsConnection current() {
    return supervisor.current();
  }

  /** Opens the first connection. */
  public CompletableFuture<Void> connect() {
    return supervisor.connect().thenAccept(c -> { });
  }

  /**
   * A planned reconnect now; completes when the new connection is current. Fails if it could not be opened (the
   * old one stays); after {@link #close()} there is nothing to reconnect and it completes at once.
   */
  public CompletableFuture<Void> reconnect() {
    if (supervisor.isClosed()) {
      return CompletableFuture.completedFuture(null);
    }
    return supervisor.replace(supervisor.current(), "requested by the caller").handle((c, err) -> {
      if (err != null && !(Causes.root(err) instanceof ConnectionSupervisor.ClientClosedException)) {
        throw new java.util.concurrent.CompletionException(Causes.root(err));
      }
      return null;
    });
  }

  @Override
  public <T> CompletableFuture<Outcome<T>> call(WsMethodDescriptor<T> method, RequestParams request) {
    Params params = prepare(method, request); // bad input is a typed error, before anything is sent
    if (supervisor.isClosed()) {
      return CompletableFuture.completedFuture(clientClosed(method, params));
    }
    // Past the gate every step settles its own failures (a connection never completes a request exceptionally),
    // so whatever still escapes happened before the request reached a connection: it was not sent.
    CompletableFuture<Outcome<T>> f;
    try {
      f = attempt(method, params, 1, clock.instant().plus(retryPolicy.deadline()));
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.exceptionally(e -> new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED, method.method()
        + ": failed before it reached a connection (" + redaction.describe(Causes.root(e)) + ")",
        record(method, params, null, null)));
  }

  /** One attempt through the gate; the {@link RetryPolicy} decides on its outcome whether to try again. */
  private <T> CompletableFuture<Outcome<T>> attempt(WsMethodDescriptor<T> method, Params params, int n,
      Instant giveUpAt) {
    return gated(method, params, p -> dispatch(method, p)).thenCompose(o -> {
      observe(o);
      Duration wait = supervisor.isClosed() ? null : retryDelay(n, method, o, giveUpAt);
      if (wait == null) {
        return CompletableFuture.completedFuture(o);
      }
      try {
        // A later attempt that fails before reaching a connection sent nothing: this outcome stands.
        return sleeper.delay(wait).thenCompose(x -> attempt(method, params, n + 1, giveUpAt))
            .handle((later, e) -> e == null ? later : o);
      } catch (RuntimeException e) {
        return CompletableFuture.completedFuture(o);
      }
    });
  }

  private <T> CompletableFuture<Outcome<T>> gated(WsMethodDescriptor<T> method, Params params,
      Function<Params, CompletableFuture<Outcome<T>>> send) {
    if (supervisor.isClosed()) {
      return CompletableFuture.completedFuture(clientClosed(method, params));
    }
    var d = io.spotsdk.internal.gate.GateAccess.tryAcquire(gate, method.weightFor(params), method.orderCount());
    if (d.proceed()) {
      return send.apply(params);
    }
    if (d.refused()) {
      return CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.HELD_BY_RATE_LIMIT_GATE,
          method.method() + ": " + d.refusal(), record(method, params, null, null)));
    }
    return sleeper.delay(d.waitFor()).thenCompose(x -> gated(method, params, send));
  }

  private void observe(Outcome<?> o) {
    try {
      io.spotsdk.internal.gate.GateAccess.observe(gate, o);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "the rate-limit gate could not take in an outcome: {0}", redaction.describe(e));
    }
  }

  private Duration retryDelay(int n, WsMethodDescriptor<?> method, Outcome<?> o, Instant giveUpAt) {
    try {
      return retryPolicy.retryDelay(n, method.changesState(), o, clock.instant(), giveUpAt);
    } catch (RuntimeException e) {
      return null; // no retry is always safe
    }
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
    return supervisor.forNextRequest().<CompletableFuture<Outcome<T>>>handle((c, err) -> {
      if (c != null) {
        return sendOn(c, method, params);
      }
      Throwable cause = Causes.root(err);
      if (supervisor.isClosed() || cause instanceof ConnectionSupervisor.ClientClosedException) {
        return CompletableFuture.completedFuture(clientClosed(method, params));
      }
      return CompletableFuture.completedFuture(new Outcome.NotSent<T>(NotSentReason.CONNECT_FAILED,
          method.method() + ": no connection could be opened (" + redaction.describe(cause) + ")",
          record(method, params, null, null)));
    }).thenCompose(Function.identity());
  }

  private <T> Outcome<T> clientClosed(WsMethodDescriptor<T> method, Params params) {
    return new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED, method.method() + ": the client is closed",
        record(method, params, null, null));
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
    Instant sentAt = clock.instant();
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

  /** A new connection logs on again, through the gate like any call, before it takes requests. */
  private CompletableFuture<WsConnection> relogon(WsConnection c) {
    if (!loggedOn || credentials == null) {
      return CompletableFuture.completedFuture(c);
    }
    CompletableFuture<Outcome<SessionStatus>> logon;
    try {
      logon = gated(WsMethods.SESSION_LOGON, new Params(), p -> sendOn(c, WsMethods.SESSION_LOGON, p));
    } catch (RuntimeException e) {
      logon = CompletableFuture.failedFuture(e);
    }
    return logon.handle((o, err) -> {
      if (o != null) {
        observe(o);
      }
      if (o == null || !o.isSuccess()) {
        sessionEnded(c, "re-logon on the new connection failed: "
            + (o == null ? redaction.describe(Causes.root(err)) : describe(o)));
      }
      return c;
    });
  }

  /** The session is gone: later signed calls carry apiKey and signature again, and the listener hears why. */
  private void sessionEnded(WsConnection c, String why) {
    boolean hadSession = loggedOn || (c != null && c.sessionApiKey() != null);
    if (c != null) {
      c.sessionApiKey(null);
    }
    loggedOn = false;
    if (hadSession) {
      LOG.log(System.Logger.Level.WARNING, "session ended: {0}", why);
      supervisor.tell(() -> listener.sessionLost(why));
    }
  }

  private String describe(Outcome<?> o) {
    StringBuilder b = new StringBuilder(o.getClass().getSimpleName());
    o.error().ifPresent(d -> b.append(" status ").append(d.status()).append(d.code() == null ? "" : " code " + d.code())
        .append(d.msg() == null ? "" : " " + redaction.preview(d.msg(), 200)));
    if (o instanceof Outcome.NotSent<?> n) {
      b.append(' ').append(n.reason()).append(": ").append(redaction.preview(n.explanation(), 200));
    } else if (o instanceof Outcome.Unknown<?> u) {
      b.append(' ').append(u.cause());
    }
    return b.toString();
  }

  private RequestRecord record(WsMethodDescriptor<?> method, Params params, Long timestamp, BigDecimal window) {
    return record(method, params, timestamp, window, clock.instant());
  }

  private RequestRecord record(WsMethodDescriptor<?> method, Params params, Long timestamp, BigDecimal window,
      Instant sentAt) {
    return Calls.record(method.method(), "WS", params, timestamp, window, sentAt);
  }

  /**
   * Closes every connection; every call from now on is {@code NotSent(CLIENT_CLOSED)}. The future completes once
   * no handshake is under way any more.
   */
  public CompletableFuture<Void> close() {
    return supervisor.close();
  }
}
