package io.spotsdk;

import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.ws.SharedHttpClient;
import io.spotsdk.internal.ws.WsRuntime;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.ws.api.WsApi;
import io.spotsdk.ws.api.WsBlockingApi;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Binance Spot WebSocket API client, over the JDK's {@code java.net.http.WebSocket}. Every call returns a
 * {@link CompletableFuture} of the same {@link io.spotsdk.outcome.Outcome} types as REST; it always completes
 * (reply, deadline or closed connection) and never completes exceptionally. {@link #blocking()} waits for you.
 *
 * <pre>{@code
 * try (SpotWsApiClient ws = SpotWsApiClient.builder().credentials(Credentials.ed25519(key, pem)).connect()) {
 *   ws.api().sessionLogon().join();                  // later signed calls need no signature
 *   Outcome<Order> o = ws.blocking().orderPlace(new OrderPlaceParams().symbol("BTCUSDT")...);
 * }
 * }</pre>
 *
 * <p>A connection that dies is noticed: by a close frame, by the JDK's error, by the first send that fails (after
 * a TCP FIN or RST the JDK may report nothing else), and, when it dies silently, by the heartbeat within
 * {@code pingInterval + pongTimeout} (20 seconds by default). Requests in flight on it complete at once (written:
 * {@code Unknown}; never written: {@code NotSent}) and the next call opens a new connection.
 *
 * <p>{@link #close()} closes every connection and stops every thread of this client; afterwards every call is
 * {@code NotSent(CLIENT_CLOSED)}. All clients share one JDK HttpClient whose threads end when the last client closes.
 */
public final class SpotWsApiClient implements AutoCloseable {
  static {
    io.spotsdk.internal.ClientCallers.installWs(client -> ((SpotWsApiClient) client).runtime);
  }

  private final WsRuntime runtime;
  private final WsApi api;
  private final WsBlockingApi blocking;
  private final ScheduledThreadPoolExecutor scheduler;
  private final SharedHttpClient.Lease http;
  private final Environment environment;
  private final RateLimitGate gate;

  private SpotWsApiClient(Builder b) {
    this.environment = b.environment;
    if (b.environment.wsApiUri() == null) {
      throw new IllegalArgumentException("environment " + b.environment.name() + " has no WebSocket API URI");
    }
    this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "spot-sdk-ws-timer");
      t.setDaemon(true);
      return t;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    this.gate = b.gateOrDefault();
    this.http = SharedHttpClient.acquire();
    URI uri = b.returnRateLimits ? b.environment.wsApiUri() : withQuery(b.environment.wsApiUri(), "returnRateLimits=false");
    WsRuntime.Timing timing = new WsRuntime.Timing(b.connectTimeout, b.requestTimeout, b.lifetime, b.pingInterval,
        b.pongTimeout);
    this.runtime = new WsRuntime(http.http(), uri, b.credentials, b.clock, b.recvWindow, timing, scheduler,
        b.completions, Json.MAPPER, new OutcomeClassifier(Json.MAPPER, b.clock), gate, b.retryPolicy, b.sleeper,
        b.listener);
    this.api = new WsApi(runtime);
    this.blocking = new WsBlockingApi(api);
  }

  private static URI withQuery(URI uri, String q) {
    String s = uri.toString();
    return URI.create(s + (s.contains("?") ? "&" : "?") + q);
  }

  /**
   * Starts a client for testnet with the default settings; {@link Builder#connect()} opens it.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Every method, asynchronous: each future completes with an outcome, never exceptionally.
   *
   * @return the asynchronous API of this client
   */
  public WsApi api() {
    return api;
  }

  /**
   * Every method, waiting for the outcome (bounded by the request timeout).
   *
   * @return the blocking API of this client
   */
  public WsBlockingApi blocking() {
    return blocking;
  }



  /**
   * The user data stream on this client's connection: account events delivered to listeners, each with a bounded
   * buffer, resubscribed after every reconnect (with a gap notice).
   *
   * @return the user data stream of this client
   */
  public io.spotsdk.userdata.UserDataStream userDataStream() {
    return runtime.userDataStream();
  }

  /**
   * Frames that could not be routed: unmatched ids, malformed frames, late replies.
   *
   * @return the counts so far
   */
  public WsStats stats() {
    return runtime.stats();
  }

  /**
   * Connections opened so far: 1, plus one per reconnect.
   *
   * @return the number of connections this client opened
   */
  public int connectionsOpened() {
    return runtime.connectionsOpened();
  }

  /**
   * A planned reconnect now: new connection first, then the old one drains. Completes when the new connection
   * takes requests; fails if it could not be opened (the old one stays). After {@link #close()} it does nothing.
   *
   * @return a future that completes when the new connection takes requests
   */
  public CompletableFuture<Void> reconnect() {
    return runtime.reconnect();
  }

  /**
   * Where this client sends.
   *
   * @return the environment it was built with
   */
  public Environment environment() {
    return environment;
  }

  /**
   * The rate-limit gate this client sends through; give it to the REST client too, so both count the same limits.
   *
   * @return the gate
   */
  public RateLimitGate rateLimitGate() {
    return gate;
  }

  /**
   * Closes every connection (in flight: written {@code Unknown}, queued {@code NotSent}), stops this client's
   * timer thread and releases its hold on the shared HttpClient. Returns within a few seconds at most. A
   * handshake still under way (a reconnect racing the close) is closed as soon as it returns; the hold is
   * released then, at most the connect timeout later, because the JDK needs its threads to finish it.
   */
  @Override
  public void close() {
    CompletableFuture<Void> quiet = CompletableFuture.completedFuture(null);
    try {
      quiet = runtime.close();
    } finally {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      quiet.whenComplete((x, e) -> http.close());
    }
  }

  @Override
  public String toString() {
    return "SpotWsApiClient[" + environment.name() + " " + environment.wsApiUri() + "]";
  }

  /** Builder; testnet by default. */
  public static final class Builder extends ClientSettings<Builder> {
    private Duration requestTimeout = Duration.ofSeconds(15);
    private Duration lifetime = Duration.ofHours(23).plusMinutes(50);
    private Duration pingInterval = Duration.ofSeconds(10);
    private Duration pongTimeout = Duration.ofSeconds(10);
    private boolean returnRateLimits = true;
    private Executor completions = ForkJoinPool.commonPool();
    private WsConnectionListener listener = new WsConnectionListener() { };

    private Builder() {
      super(Duration.ofSeconds(10));
    }

    /**
     * How long a written request waits for its reply (default 15 s); past it the outcome is UNKNOWN (NO_REPLY).
     *
     * @param d positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "requestTimeout");
      return this;
    }

    /**
     * When to replace a connection in a planned way (default 23 h 50 min); Binance closes them after 24 hours.
     *
     * @param d positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder connectionLifetime(Duration d) {
      this.lifetime = positive(d, "connectionLifetime");
      return this;
    }

    /**
     * How often the client pings the server (default 10 s). With {@link #pongTimeout} it bounds how long a
     * connection that died silently (no close frame, no FIN, no RST) goes unnoticed: at most
     * {@code pingInterval + pongTimeout}, 20 seconds by default.
     *
     * @param d positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder pingInterval(Duration d) {
      this.pingInterval = positive(d, "pingInterval");
      return this;
    }

    /**
     * How long after a ping the connection may stay silent before it is declared dead (default 10 s). Anything
     * heard counts, not only the pong, so a busy connection is never declared dead.
     *
     * @param d positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder pongTimeout(Duration d) {
      this.pongTimeout = positive(d, "pongTimeout");
      return this;
    }

    /**
     * Whether replies carry the rate-limit usage by default. False adds {@code ?returnRateLimits=false} to the URL;
     * a request can still ask for them.
     *
     * @param returnRateLimits true unless set
     * @return this builder
     */
    public Builder returnRateLimits(boolean returnRateLimits) {
      this.returnRateLimits = returnRateLimits;
      return this;
    }

    /**
     * Where the stages you attach to a call's future run (default: the common pool), the non-async ones
     * ({@code thenApply}, {@code whenComplete}, ...) too, so a slow callback never stalls the socket nor the
     * completion of another call. A caller blocked in {@code join()} or {@code get()} wakes as soon as the reply is
     * read, without waiting for this executor.
     *
     * @param executor runs the completions of every call's future
     * @return this builder
     */
    public Builder completionExecutor(Executor executor) {
      this.completions = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Told when a connection is replaced or lost, e.g. to log it or to resubscribe.
     *
     * @param listener the listener; by default nobody is told
     * @return this builder
     */
    public Builder listener(WsConnectionListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Connects and waits for the handshake, bounded by the connect timeout.
     *
     * @return the connected client; close it when done
     * @throws java.io.UncheckedIOException if the connection could not be opened
     * @throws IllegalArgumentException if the environment has no WebSocket API URI
     */
    public SpotWsApiClient connect() {
      SpotWsApiClient c = new SpotWsApiClient(this);
      try {
        c.runtime.connect().join();
      } catch (CompletionException e) {
        c.close();
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new UncheckedIOException("could not connect to " + environment.wsApiUri() + ": " + cause,
            new java.io.IOException(cause));
      }
      return c;
    }
  }
}
