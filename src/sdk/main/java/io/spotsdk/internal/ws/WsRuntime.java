package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.WsConnectionListener;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.WsCaller;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.Redaction;
import io.spotsdk.internal.call.Attempt;
import io.spotsdk.internal.call.CallPipeline;
import io.spotsdk.internal.call.Signing;
import io.spotsdk.internal.call.SigningRule;
import io.spotsdk.internal.call.Waits;
import io.spotsdk.internal.call.Wire;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.WsMethods;
import io.spotsdk.ws.model.SessionStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the generated WebSocket API calls: the {@link CallPipeline} with WebSocket's wire. Every call goes through
 * the rate-limit gate, is signed (or relies on a {@code session.logon}) and is sent on the connection the
 * {@link ConnectionSupervisor} gives it. A logged-on
 * session follows the client to every new connection through the same gate; when it cannot (the re-logon fails, or
 * the server revokes it) the listener hears why and signed calls are signed one by one again. Nothing is ever
 * resent, and every future completes with an outcome, never exceptionally.
 */
public final class WsRuntime implements WsCaller {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");

  /** How long things may take, and the heartbeat. */
  public record Timing(Duration connect, Duration request, Duration lifetime, Duration pingInterval,
      Duration pongTimeout) {}

  private final Credentials credentials;
  private final Clock clock;
  private final WsConnectionListener listener;
  private final CallPipeline pipeline;
  private final SigningRule sortedPayload;
  private final SigningRule session;
  private final Redaction redaction;
  private final WsStats stats = new WsStats();
  private final ConnectionSupervisor supervisor;
  private final UserDataHub userData;
  private final Executor completions;
  private volatile boolean loggedOn;

  public WsRuntime(HttpClient http, URI uri, Credentials credentials, Clock clock, BigDecimal recvWindow, Timing timing,
      ScheduledExecutorService scheduler, Executor completions, ObjectMapper mapper, OutcomeClassifier classifier,
      RateLimitGate gate, RetryPolicy retryPolicy, Sleeper sleeper, WsConnectionListener listener) {
    this.credentials = credentials;
    this.clock = clock;
    this.listener = listener;
    this.sortedPayload = Signing.wsSortedPayload(credentials, clock);
    this.session = Signing.wsSession(clock);
    this.redaction = Redaction.of(credentials == null ? null : credentials.apiKey());
    this.completions = completions;
    ConnectionSettings settings = new ConnectionSettings(mapper, classifier, scheduler, completions, timing.request(),
        timing.pingInterval(), timing.pongTimeout(), stats, redaction);
    this.supervisor = new ConnectionSupervisor(http, uri, timing.connect(), timing.lifetime(), settings, listener);
    this.pipeline = new CallPipeline("WS", gate, io.spotsdk.internal.gate.GateAccess.of(gate)::observe, retryPolicy, Waits.async(sleeper), clock, credentials,
        recvWindow, this::channel, supervisor::isClosed, false);
    this.userData = new UserDataHub(new UserDataWire(), mapper, scheduler, redaction, clock);
    supervisor.preparation(c -> relogon(c).thenCompose(userData::prepare));
    supervisor.session(this::sessionEnded);
    supervisor.userData(userData);
  }

  /** The user data stream of this client. */
  public io.spotsdk.userdata.UserDataStream userDataStream() {
    return userData;
  }

  /** How the user data stream subscribes: through the gate like any call, on the connection it is given. */
  private final class UserDataWire implements UserDataHub.Wire {
    @Override
    public CompletableFuture<WsConnection> connection() {
      return supervisor.forNextRequest();
    }

    @Override
    public WsConnection current() {
      return supervisor.current();
    }

    @Override
    public CompletableFuture<Outcome<io.spotsdk.ws.model.StreamSubscription>> subscribe(WsConnection c) {
      // A logged-on connection subscribes with its session; otherwise the request is signed on its own.
      boolean session = c.sessionApiKey() != null;
      var method = session ? WsMethods.USER_DATA_STREAM_SUBSCRIBE : WsMethods.USER_DATA_STREAM_SUBSCRIBE_SIGNATURE;
      return pipeline.once(pipeline.prepared(method, method.method(), new Params(), !session), new Connection(c));
    }

    @Override
    public CompletableFuture<? extends Outcome<?>> unsubscribe(WsConnection c, int subscriptionId) {
      Params p = new Params();
      p.add("subscriptionId", Integer.valueOf(subscriptionId));
      return pipeline.once(pipeline.prepared(WsMethods.USER_DATA_STREAM_UNSUBSCRIBE,
          WsMethods.USER_DATA_STREAM_UNSUBSCRIBE.method(), p, false), new Connection(c));
    }

    @Override
    public boolean closed() {
      return supervisor.isClosed();
    }
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
    // Bad input, missing credentials and a bad recvWindow are typed errors, before the gate and anything sent.
    return CallerFuture.of(pipeline.run(pipeline.prepare(method, method.method(), request, needsSignature(method))),
        completions);
  }

  private static boolean needsSignature(WsMethodDescriptor<?> method) {
    return method.security().signed() || method == WsMethods.SESSION_LOGON;
  }

  /** WebSocket's wire: the supervisor's current connection, or why there is none. */
  private CompletableFuture<Wire.Channel> channel() {
    return supervisor.forNextRequest().handle((c, err) -> {
      if (c != null) {
        return new Connection(c);
      }
      Throwable cause = Causes.root(err);
      if (supervisor.isClosed() || cause instanceof ConnectionSupervisor.ClientClosedException) {
        throw new CompletionException(new NotSentException(NotSentReason.CLIENT_CLOSED, "the client is closed"));
      }
      throw new CompletionException(new NotSentException(NotSentReason.CONNECT_FAILED,
          "no connection could be opened (" + redaction.describe(cause) + ")"));
    });
  }

  /** One connection as a channel: its frames, its correlation, and its session. */
  private final class Connection implements Wire.Channel {
    private final WsConnection c;

    Connection(WsConnection c) {
      this.c = c;
    }

    @Override
    public SigningRule signing(CallDescriptor<?> call) {
      // subscribe.signature is signed on its own even on a logged-on connection: that is what it is for.
      return call == WsMethods.SESSION_LOGON || call == WsMethods.USER_DATA_STREAM_SUBSCRIBE_SIGNATURE
          || c.sessionApiKey() == null ? sortedPayload : session;
    }

    @Override
    public <T> CompletableFuture<Outcome<T>> send(CallDescriptor<T> call, Attempt a) {
      WsMethodDescriptor<T> method = (WsMethodDescriptor<T>) call;
      Instant sentAt = clock.instant();
      CompletableFuture<Outcome<T>> f = c.send(method, a.wire(), a.sentAt(sentAt));
      if (method == WsMethods.SESSION_LOGON) {
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
  }

  /** A new connection logs on again, through the gate like any call, before it takes requests. */
  private CompletableFuture<WsConnection> relogon(WsConnection c) {
    if (!loggedOn || credentials == null) {
      return CompletableFuture.completedFuture(c);
    }
    CompletableFuture<Outcome<SessionStatus>> logon;
    try {
      logon = pipeline.once(pipeline.prepared(WsMethods.SESSION_LOGON, WsMethods.SESSION_LOGON.method(), new Params(),
          true), new Connection(c));
    } catch (RuntimeException e) {
      logon = CompletableFuture.failedFuture(e);
    }
    return logon.handle((o, err) -> {
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
      LOG.warn("session ended: {}", redaction.apply(why));
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

  /**
   * Closes every connection; every call from now on is {@code NotSent(CLIENT_CLOSED)}. The future completes once
   * no handshake is under way any more.
   */
  public CompletableFuture<Void> close() {
    CompletableFuture<Void> closing = supervisor.close();
    userData.close();
    return closing;
  }
}
