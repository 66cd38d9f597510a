package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import io.spotsdk.core.Params;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.model.RateLimit;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.ratelimit.RateLimitUsage;
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
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One WebSocket API connection: correlates replies to requests by id. A request is registered before its frame
 * can leave, gets a deadline, and is completed exactly once: by its reply, by its deadline, or by the connection
 * closing. Frames leave through a single writer, because the JDK WebSocket allows one outstanding send.
 */
public final class WsConnection {
  private static final System.Logger LOG = System.getLogger("io.spotsdk.ws");
  private static final TypeReference<List<RateLimit>> RATE_LIMITS = new TypeReference<>() {};

  /** What the connection tells its owner. */
  public interface Events {
    void serverShutdown(WsConnection connection);

    void closed(WsConnection connection);
  }

  private final String name;
  private final ObjectMapper mapper;
  private final OutcomeClassifier classifier;
  private final ScheduledExecutorService scheduler;
  private final Executor completions;
  private final Duration requestTimeout;
  private final Events events;
  private final WsStats stats;
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean writing = new AtomicBoolean();
  private final AtomicLong ids = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile WebSocket socket;
  private volatile boolean draining;
  private volatile String sessionApiKey;

  private WsConnection(String name, ObjectMapper mapper, OutcomeClassifier classifier, ScheduledExecutorService scheduler,
      Executor completions, Duration requestTimeout, Events events, WsStats stats) {
    this.name = name;
    this.mapper = mapper;
    this.classifier = classifier;
    this.scheduler = scheduler;
    this.completions = completions;
    this.requestTimeout = requestTimeout;
    this.events = events;
    this.stats = stats;
  }

  /** Opens a connection; the future fails if the handshake does. */
  public static CompletableFuture<WsConnection> open(HttpClient http, URI uri, Duration connectTimeout, String name,
      ObjectMapper mapper, OutcomeClassifier classifier, ScheduledExecutorService scheduler, Executor completions,
      Duration requestTimeout, Events events, WsStats stats) {
    WsConnection c = new WsConnection(name, mapper, classifier, scheduler, completions, requestTimeout, events, stats);
    return http.newWebSocketBuilder().connectTimeout(connectTimeout).buildAsync(uri, c.new Listener())
        .thenApply(ws -> {
          c.socket = ws;
          return c;
        });
  }

  /** Wraps an already open socket; for tests that must control when a send completes. */
  static WsConnection attached(WebSocket socket, ObjectMapper mapper, OutcomeClassifier classifier,
      ScheduledExecutorService scheduler, Duration requestTimeout, Events events) {
    WsConnection c = new WsConnection("attached", mapper, classifier, scheduler, Runnable::run, requestTimeout, events,
        new WsStats());
    c.socket = socket;
    return c;
  }

  public boolean isOpen() {
    return !closed.get() && !draining;
  }

  public int inFlight() {
    return pending.size();
  }

  /** The API key of a {@code session.logon} on this connection, or null. */
  public String sessionApiKey() {
    return sessionApiKey;
  }

  public void sessionApiKey(String apiKey) {
    this.sessionApiKey = apiKey;
  }

  /** Sends one request; the future always completes, never exceptionally. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> CompletableFuture<Outcome<T>> send(WsMethodDescriptor<T> method, Params params, Supplier<RequestRecord> record) {
    if (closed.get()) {
      return CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED,
          method.method() + ": the connection is closed", record.get()));
    }
    long id = ids.incrementAndGet();
    Pending p = new Pending(id, method, RequestFrames.request(id, method.method(), params), record);
    pending.put(id, p); // registered before the frame can leave: a fast reply always finds it
    p.deadline = scheduler.schedule(() -> expire(p), requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
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
    if (sent.isCompletedExceptionally() && pending.remove(p.id, p)) {
      // Part of the frame may be on the wire; only the server knows whether it was whole.
      finish(p, new Outcome.Unknown<>(UnknownCause.CONNECTION_LOST, null, RateLimitUsage.EMPTY, p.record.get(),
          p.method.method() + ": writing the request failed part-way"));
    }
  }

  private void expire(Pending p) {
    endWithoutReply(p, "the deadline passed before the request could be written", UnknownCause.NO_REPLY,
        "no reply within " + requestTimeout.toMillis() + " ms");
  }

  private void failPending(Pending p) {
    endWithoutReply(p, "the connection closed before the request was written", UnknownCause.CONNECTION_LOST,
        "the connection closed after the request was written");
  }

  /** A request that will get no reply: never written, it was not sent; once writing began, it is unknown. */
  private void endWithoutReply(Pending p, String notSentWhy, UnknownCause cause, String unknownWhy) {
    if (!pending.remove(p.id, p)) {
      return;
    }
    String m = p.method.method() + ": ";
    if (p.cancelIfQueued()) {
      finish(p, new Outcome.NotSent<>(NotSentReason.CLIENT_CLOSED, m + notSentWhy, p.record.get()));
    } else {
      finish(p, new Outcome.Unknown<>(cause, null, RateLimitUsage.EMPTY, p.record.get(), m + unknownWhy));
    }
  }

  private void finish(Pending p, Outcome<?> outcome) {
    if (!p.claimCompletion()) {
      return;
    }
    completions.execute(() -> p.future.complete(outcome));
    if (draining && pending.isEmpty()) {
      closeNow(1000, "drained");
    }
  }

  void onFrame(String raw) {
    JsonNode n;
    try {
      n = mapper.readTree(raw);
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
        LOG.log(System.Logger.Level.INFO, "{0}: serverShutdown received; reconnecting", name);
        events.serverShutdown(this);
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
    if (p == null) {
      if (id != null && id > 0 && id <= ids.get()) {
        stats.lateReplies.incrementAndGet();
      } else {
        stats.unmatchedReplies.incrementAndGet();
      }
      LOG.log(System.Logger.Level.WARNING, "{0}: reply with id {1} matches no request in flight; dropped: {2}", name,
          idNode, preview(raw));
      return;
    }
    JsonNode status = n.get("status");
    if (status == null || !status.canConvertToInt() || !status.isIntegralNumber()) {
      stats.malformedFrames.incrementAndGet();
      finish(p, new Outcome.Unknown<>(UnknownCause.UNREADABLE_RESPONSE, null, RateLimitUsage.EMPTY, p.record.get(),
          p.method.method() + ": the reply has no valid status: " + preview(raw)));
      return;
    }
    RateLimitUsage usage = usage(n.get("rateLimits"));
    Outcome<?> outcome = classifier.fromWs(p.method, status.asInt(), n.get("result"), n.get("error"), usage, raw, p.record);
    finish(p, outcome);
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
      return RateLimitUsage.fromRateLimits(mapper.convertValue(rateLimits, RATE_LIMITS));
    } catch (IllegalArgumentException e) {
      return RateLimitUsage.EMPTY;
    }
  }

  private void malformed(String why, String raw) {
    stats.malformedFrames.incrementAndGet();
    LOG.log(System.Logger.Level.WARNING, "{0}: malformed frame ({1}) ignored: {2}", name, why, preview(raw));
  }

  private static String preview(String raw) {
    return raw.length() > 200 ? raw.substring(0, 200) + "..." : raw;
  }

  /**
   * Stops taking requests and closes once the ones in flight have completed (each still has its deadline,
   * so this always ends).
   */
  public void drainAndClose() {
    draining = true;
    if (pending.isEmpty()) {
      closeNow(1000, "drained");
    } else {
      scheduler.schedule(() -> closeNow(1000, "drain deadline"), requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    }
  }

  /** Closes now; every request in flight completes at once. */
  public void closeNow(int code, String reason) {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    WebSocket ws = socket;
    if (ws != null) {
      try {
        ws.sendClose(code, reason).orTimeout(2, TimeUnit.SECONDS).whenComplete((x, e) -> ws.abort());
      } catch (RuntimeException e) {
        ws.abort();
      }
    }
    failAll();
    events.closed(this);
  }

  private void failAll() {
    for (Pending p : pending.values()) {
      failPending(p);
    }
  }

  private void lost(String why) {
    if (closed.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.INFO, "{0}: connection lost: {1}", name, why);
      WebSocket ws = socket;
      if (ws != null) {
        ws.abort();
      }
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
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        try {
          onFrame(frame);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.ERROR, name + ": failed to handle a frame", e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      // The JDK answers the ping with a pong carrying the same payload; we only need to keep reading.
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost("closed by server: " + statusCode + " " + reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost(error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }
}
