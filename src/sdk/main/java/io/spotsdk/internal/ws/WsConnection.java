package io.spotsdk.internal.ws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.core.Params;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.NoResponse;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.Redaction;
import io.spotsdk.model.RateLimit;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.outcome.RateLimitUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket API connection: correlates replies to requests by id. A request is registered before its frame
 * can leave, gets a deadline, and is completed exactly once: by its reply, by its deadline, or by the connection
 * ending. Frames leave through a single writer, because the JDK WebSocket allows one outstanding send.
 *
 * <p>The connection ends on a close frame, on an error the JDK reports, on the first send the JDK fails (after a
 * FIN or RST it may report nothing else), and when its {@link Heartbeat} hears nothing. Whichever comes first
 * aborts the socket and settles every request in flight: written ones {@code Unknown}, the rest {@code NotSent}.
 */
public final class WsConnection {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");
  private static final TypeReference<List<RateLimit>> RATE_LIMITS = new TypeReference<>() {};
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
  private static final int PREVIEW = 200;

  /** What the connection tells its owner. */
  public interface Events {
    /** The server announced it will close this connection. */
    void serverShutdown(WsConnection connection);

    /** The connection ended, planned or not; {@link #closeReason()} says why. */
    void closed(WsConnection connection);

    /** The server ended the logged-on session ({@code {"id":null,"status":401,...}}). */
    default void sessionRevoked(WsConnection connection, String why) {}

    /** An event frame other than serverShutdown (the user data stream's); on the socket thread, so never blocks. */
    default void userDataEvent(WsConnection connection, JsonNode frame, String raw) {}
  }

  private final String name;
  private final ConnectionSettings settings;
  private final Events events;
  private final Redaction redaction;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean shutdownAnnounced = new AtomicBoolean();
  private final AtomicBoolean replacementClaimed = new AtomicBoolean();
  private final CompletableFuture<Void> released = new CompletableFuture<>();
  private final Heartbeat heartbeat;
  private final DeadlineQueue deadlines;
  private volatile WebSocket socket;
  private volatile boolean draining;
  private volatile String sessionApiKey;
  private volatile String closeReason;

  private WsConnection(String name, ConnectionSettings settings, Events events) {
    this.name = name;
    this.settings = settings;
    this.events = events;
    this.redaction = settings.redaction();
    this.deadlines = new DeadlineQueue(settings.timer(), settings.requestTimeout(), this::expire);
    this.heartbeat = settings.pingInterval() == null ? null
        : new Heartbeat(settings.timer(), settings.pingInterval(), settings.pongTimeout(), this::ping, this::lost);
  }

  /** Opens a connection; the future fails if the handshake does. */
  static CompletableFuture<WsConnection> open(HttpClient http, URI uri, Duration connectTimeout, String name,
      ConnectionSettings settings, Events events) {
    WsConnection c = new WsConnection(name, settings, events);
    return http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, c.new Listener())
        .thenApply(ws -> {
          c.attach(ws);
          return c;
        });
  }

  /** Wraps an already open socket; for tests that must control when a send completes. No heartbeat. */
  static WsConnection attached(WebSocket socket, ObjectMapper mapper, OutcomeClassifier classifier,
      ScheduledExecutorService scheduler, Duration requestTimeout, Events events) {
    WsConnection c = new WsConnection("attached", new ConnectionSettings(mapper, classifier, scheduler, Runnable::run,
        requestTimeout, null, null, new WsStats(), Redaction.FIELDS), events);
    c.attach(socket);
    return c;
  }

  private synchronized void attach(WebSocket ws) {
    if (socket == null) {
      socket = ws;
      if (heartbeat != null) {
        heartbeat.start();
      }
    }
    if (closed.get()) {
      abort(); // ended before the handshake had even returned
    }
  }

  public String name() {
    return name;
  }

  public boolean isOpen() {
    return !closed.get() && !draining;
  }

  public int inFlight() {
    return pending.size();
  }

  /** Why the connection ended; null while it is open. */
  public String closeReason() {
    return closeReason;
  }

  /** Completes once the socket has been let go. */
  CompletableFuture<Void> released() {
    return released;
  }

  /** The API key of a {@code session.logon} on this connection, or null. */
  public String sessionApiKey() {
    return sessionApiKey;
  }

  public void sessionApiKey(String apiKey) {
    this.sessionApiKey = apiKey;
  }

  /** Whether the server announced a shutdown of this connection. */
  boolean shutdownAnnounced() {
    return shutdownAnnounced.get();
  }

  /** True for exactly one caller: the one that plans this connection's replacement after a shutdown notice. */
  boolean claimReplacement() {
    return replacementClaimed.compareAndSet(false, true);
  }

  /** Sends one request; the future always completes, never exceptionally. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> CompletableFuture<Outcome<T>> send(WsMethodDescriptor<T> method, Params params, Supplier<RequestRecord> record) {
    if (closed.get()) {
      return CompletableFuture.completedFuture(NoResponse.notWritten(method.method(),
          "the connection is closed" + why(), record.get()));
    }
    long id = ids.incrementAndGet();
    Pending p = new Pending(id, method, RequestFrames.request(id, method.method(), params), record);
    pending.put(id, p); // registered before the frame can leave: a fast reply always finds it
    if (!deadlines.add(p)) {
      // The client's timer has stopped: it is closing. Without a deadline the request must not leave.
      endWithoutReply(p, "the client closed before the request was written", UnknownCause.CONNECTION_LOST,
          "the client closed after the request was written");
      return (CompletableFuture) p.future;
    }
    if (closed.get()) {
      failPending(p);
    } else {
      outbox.add(p);
      drainOutbox();
    }
    return (CompletableFuture) p.future;
  }

  private void drainOutbox() {
    while (writing.compareAndSet(false, true)) {
      Pending p = outbox.poll();
      if (p == null) {
        writing.set(false);
        if (outbox.isEmpty()) {
          return;
        }
        continue;
      }
      if (!p.startWriting()) {
        writing.set(false);
        continue; // completed while queued (deadline or close): it must never leave
      }
      CompletableFuture<WebSocket> sent = write(p);
      if (sent.isDone()) {
        afterWrite(p, sent);
        writing.set(false);
      } else {
        sent.whenComplete((ws, err) -> {
          afterWrite(p, sent);
          writing.set(false);
          drainOutbox();
        });
        return;
      }
    }
  }

  private CompletableFuture<WebSocket> write(Pending p) {
    try {
      return socket.sendText(p.frame, true);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void afterWrite(Pending p, CompletableFuture<WebSocket> sent) {
    if (!sent.isCompletedExceptionally()) {
      return;
    }
    Throwable err = Causes.root(sent.handle((x, e) -> e).join());
    String m = p.method.method();
    if (SendFailure.isEncoding(err)) {
      if (pending.remove(p.id, p)) {
        finish(p, NoResponse.notWritten(m, "the request text is not valid Unicode; nothing was written",
            p.record.get()));
      }
      return;
    }
    if (pending.remove(p.id, p)) {
      if (p.singleWrite) {
        finish(p, NoResponse.notWritten(m,
            "the connection failed before the request could be written (" + err.getClass().getSimpleName() + ")",
            p.record.get()));
      } else {
        finish(p, NoResponse.lost(UnknownCause.CONNECTION_LOST, m,
            "writing the request failed part-way (" + err.getClass().getSimpleName() + ")", p.record.get()));
      }
    }
    lost("a send failed: " + redaction.describe(err));
  }

  private CompletableFuture<?> ping() {
    WebSocket ws = socket;
    return ws == null ? CompletableFuture.completedFuture(null) : ws.sendPing(ByteBuffer.allocate(0));
  }

  private void expire(Pending p) {
    endWithoutReply(p, "the deadline passed before the request could be written", UnknownCause.NO_REPLY,
        "no reply within " + settings.requestTimeout().toMillis() + " ms");
  }

  private void failPending(Pending p) {
    endWithoutReply(p, "the connection closed before the request was written" + why(), UnknownCause.CONNECTION_LOST,
        "the connection closed after the request was written" + why());
  }

  private String why() {
    String r = closeReason;
    return r == null ? "" : " (" + r + ")";
  }

  /** A request that will get no reply: never written, it was not sent; once writing began, it is unknown. */
  private void endWithoutReply(Pending p, String notSentWhy, UnknownCause cause, String unknownWhy) {
    if (!pending.remove(p.id, p)) {
      return;
    }
    if (p.cancelIfQueued()) {
      finish(p, NoResponse.notWritten(p.method.method(), notSentWhy, p.record.get()));
    } else {
      finish(p, NoResponse.lost(cause, p.method.method(), unknownWhy, p.record.get()));
    }
  }

  private void finishInline(Pending p, Outcome<?> outcome) {
    if (!p.claimCompletion()) {
      return;
    }
    p.future.complete(outcome);
    if (draining && pending.isEmpty()) {
      closeNow(1000, "drained");
    }
  }

  private void finish(Pending p, Outcome<?> outcome) {
    if (!p.claimCompletion()) {
      return;
    }
    try {
      settings.completions().execute(() -> p.future.complete(outcome));
    } catch (RuntimeException e) {
      // The caller's executor is shut down (or broken): completing here beats never completing.
      p.future.complete(outcome);
    }
    if (draining && pending.isEmpty()) {
      closeNow(1000, "drained");
    }
  }

  /**
   * Routes one frame. One safety net covers all of it: if anything throws once a request has been taken out of
   * the table (a classifier failure, an absurd number, a bug), that request still completes, as
   * {@code Unknown(UNREADABLE_RESPONSE)}: a reply came, so it was executed or not, and we cannot tell which.
   */
  void onFrame(String raw) {
    Pending[] taken = new Pending[1];
    try {
      route(raw, taken);
    } catch (RuntimeException | StackOverflowError e) {
      String what = redaction.describe(e);
      LOG.warn("{}: a frame could not be handled ({}): {}", name, what, redaction.preview(raw, PREVIEW));
      Pending p = taken[0];
      if (p != null) {
        finish(p, OutcomeClassifier.unreadableReply(p.method.method(), statusOf(raw), ResponseHeaders.EMPTY, raw,
            recordOf(p), "a reply came but could not be read (" + what + ")"));
      }
    }
  }

  private void route(String raw, Pending[] taken) {
    // The usual reply in one streaming pass; any other frame, or a reply to no request in flight, as a tree.
    ReplyFrame f = ReplyFrame.read(settings.mapper(), raw);
    if (f != null) {
      Pending p = pending.remove(f.id);
      if (p != null) {
        taken[0] = p;
        // On this (reader) thread: only the SDK's own stages run here; the caller's run on the completions
        // executor (CallerFuture), and a caller blocked in join() wakes without a hop.
        finishInline(p, settings.classifier().fromWs(p.method, f.status, f.result, f.code, f.msg, f.data, f.usage, raw,
            p.record));
        return;
      }
    }
    routeTree(raw, taken);
  }

  private void routeTree(String raw, Pending[] taken) {
    JsonNode n;
    try {
      n = settings.mapper().readTree(raw);
    } catch (Exception e) {
      malformed("not JSON", raw);
      return;
    }
    if (n == null || !n.isObject()) {
      malformed("not a JSON object", raw);
      return;
    }
    JsonNode event = n.get("event");
    if (event != null && event.isObject()) {
      if ("serverShutdown".equals(event.path("e").asText())) {
        LOG.info("{}: serverShutdown received", name);
        if (shutdownAnnounced.compareAndSet(false, true)) {
          events.serverShutdown(this);
        }
      } else {
        events.userDataEvent(this, n, raw);
      }
      return;
    }
    JsonNode idNode = n.get("id");
    if (idNode == null || !(idNode.isNull() || idNode.isIntegralNumber() || idNode.isTextual())) {
      malformed("no usable id", raw);
      return;
    }
    Long id = idNode.isIntegralNumber() && idNode.canConvertToLong() ? Long.valueOf(idNode.asLong()) : parseId(idNode);
    Pending p = id == null ? null : pending.remove(id);
    taken[0] = p;
    if (p == null) {
      unmatched(n, idNode, id, raw);
      return;
    }
    JsonNode status = n.get("status");
    if (status == null || !status.canConvertToInt() || !status.isIntegralNumber()) {
      settings.stats().malformedFrames.incrementAndGet();
      finish(p, OutcomeClassifier.unreadableReply(p.method.method(), 0, ResponseHeaders.EMPTY, null, p.record.get(),
          "the reply has no valid status: " + redaction.preview(raw, PREVIEW)));
      return;
    }
    RateLimitUsage usage = usage(n.get("rateLimits"));
    Outcome<?> outcome = settings.classifier().fromWs(p.method, status.asInt(), n.get("result"), n.get("error"),
        usage, raw, p.record);
    finish(p, outcome);
  }

  private void unmatched(JsonNode n, JsonNode idNode, Long id, String raw) {
    if (id != null && id > 0 && id <= ids.get()) {
      settings.stats().lateReplies.incrementAndGet();
    } else {
      settings.stats().unmatchedReplies.incrementAndGet();
    }
    LOG.warn("{}: reply with id {} matches no request in flight; dropped: {}", name,
        redaction.preview(idNode.toString(), 60), redaction.preview(raw, PREVIEW));
    if (idNode.isNull() && n.path("status").asInt() == 401) {
      // Binance's word that the logged-on session's API key is no longer valid.
      JsonNode err = n.path("error");
      String why = "the server ended the session: status 401"
          + (err.has("code") ? ", code " + err.path("code").asText() : "")
          + (err.has("msg") ? ", " + redaction.preview(err.path("msg").asText(), PREVIEW) : "");
      events.sessionRevoked(this, why);
    }
  }

  private static RequestRecord recordOf(Pending p) {
    try {
      return p.record.get();
    } catch (RuntimeException e) {
      return null; // the net must not fall through a hole of its own
    }
  }

  private static int statusOf(String raw) {
    try {
      int i = raw.indexOf("\"status\"");
      if (i < 0) {
        return 0;
      }
      int j = raw.indexOf(':', i) + 1;
      while (j < raw.length() && raw.charAt(j) == ' ') {
        j++;
      }
      int k = j;
      while (k < raw.length() && k - j < 3 && Character.isDigit(raw.charAt(k))) {
        k++;
      }
      return k > j ? Integer.parseInt(raw.substring(j, k)) : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static Long parseId(JsonNode idNode) {
    if (!idNode.isTextual()) {
      return null;
    }
    try {
      return Long.parseLong(idNode.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private RateLimitUsage usage(JsonNode rateLimits) {
    if (rateLimits == null || !rateLimits.isArray() || rateLimits.isEmpty()) {
      return RateLimitUsage.EMPTY;
    }
    try {
      return RateLimitUsage.fromRateLimits(settings.mapper().convertValue(rateLimits, RATE_LIMITS));
    } catch (IllegalArgumentException e) {
      return RateLimitUsage.EMPTY;
    }
  }

  private void malformed(String why, String raw) {
    settings.stats().malformedFrames.incrementAndGet();
    LOG.warn("{}: malformed frame ({}) ignored: {}", name, why, redaction.preview(raw, PREVIEW));
  }

  /**
   * Stops taking requests and closes once the ones in flight have completed (each still has its deadline,
   * so this always ends).
   */
  public void drainAndClose() {
    draining = true;
    if (pending.isEmpty()) {
      closeNow(1000, "drained");
    } else if (Timers.once(settings.timer(), () -> closeNow(1000, "drain deadline"),
        settings.requestTimeout().plusSeconds(1)) == null) {
      closeNow(1000, "client closed");
    }
  }

  /**
   * Closes now; every request in flight completes at once. The close frame gets a short grace to leave before
   * the socket is aborted; the returned future completes when the socket is let go.
   */
  public CompletableFuture<Void> closeNow(int code, String reason) {
    if (!closed.compareAndSet(false, true)) {
      return released;
    }
    closeReason = reason;
    stopHeartbeat();
    WebSocket ws = socket;
    if (ws == null) {
      released.complete(null);
    } else {
      try {
        ws.sendClose(code, reason).whenComplete((x, e) -> abort());
      } catch (RuntimeException e) {
        abort();
      }
      if (!released.isDone() && Timers.once(settings.timer(), this::abort, CLOSE_GRACE) == null) {
        abort();
      }
    }
    failAll();
    events.closed(this);
    return released;
  }

  /** Drops the socket at once (no close frame). */
  void abort() {
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.abort();
      } catch (RuntimeException e) {
        // already gone
      }
    }
    released.complete(null);
  }

  private void stopHeartbeat() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
  }

  private void failAll() {
    for (Pending p : pending.values()) {
      failPending(p);
    }
  }

  /** The connection died: abort the socket and settle everything in flight, once. */
  private void lost(String why) {
    if (closed.compareAndSet(false, true)) {
      closeReason = why;
      LOG.warn("{}: connection lost: {}", name, redaction.apply(why));
      stopHeartbeat();
      abort();
      failAll();
      events.closed(this);
    }
  }

  @Override
  public String toString() {
    return "WsConnection[" + name + ", inFlight=" + pending.size() + (closed.get() ? ", closed" : "") + "]";
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      attach(webSocket); // frames may arrive before buildAsync completes: the socket is known from here on
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      heard();
      String frame = null;
      if (last && text.length() == 0) {
        frame = data.toString(); // a frame in one piece, as most are: no copy
      } else {
        text.append(data);
        if (last) {
          frame = text.toString();
          text.setLength(0);
        }
      }
      if (frame != null) {
        try {
          onFrame(frame);
        } catch (RuntimeException e) {
          LOG.error("{}: failed to handle a frame: {}", name, redaction.describe(e));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      heard();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      // The JDK answers the ping with a pong carrying the same payload; we only need to keep reading.
      heard();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      heard();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost("closed by the server: " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost(redaction.describe(error));
    }

    private void heard() {
      if (heartbeat != null) {
        heartbeat.heard();
      }
    }
  }
}
