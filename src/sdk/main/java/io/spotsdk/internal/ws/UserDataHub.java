package io.spotsdk.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.core.WsEventDescriptor;
import io.spotsdk.internal.Redaction;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.outcome.ResponseHeaders;
import io.spotsdk.reconcile.ExecutionReports;
import io.spotsdk.userdata.UserDataEvent;
import io.spotsdk.userdata.UserDataGap;
import io.spotsdk.userdata.UserDataListener;
import io.spotsdk.userdata.UserDataStream;
import io.spotsdk.userdata.UserDataSubscription;
import io.spotsdk.ws.api.WsEvents;
import io.spotsdk.ws.model.EventStreamTerminated;
import io.spotsdk.ws.model.ExecutionReport;
import io.spotsdk.ws.model.ListStatus;
import io.spotsdk.ws.model.StreamSubscription;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user data stream of one client. Binance allows one subscription per account per connection, so the hub
 * holds one server subscription on the current connection and fans its events out to every listener, each
 * through its own bounded {@link Mailbox}: the socket thread only decodes and offers, never waits for a listener.
 *
 * <p>A new connection (planned or after a loss) subscribes again before it takes requests, and every listener is
 * told of the gap. After a loss with listeners still active, the hub opens the new connection itself (nobody may
 * be sending requests), retrying with backoff until it succeeds or the client closes.
 */
final class UserDataHub implements UserDataStream {
  private static final Logger LOG = LoggerFactory.getLogger("io.spotsdk.ws");
  private static final Map<String, WsEventDescriptor<?>> BY_TYPE = WsEvents.ALL.stream()
      .filter(WsEventDescriptor::userDataStream)
      .collect(Collectors.toUnmodifiableMap(WsEventDescriptor::eventType, Function.identity()));
  private static final int MAX_EARLY_EVENTS = 1024;
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration MAX_RETRY = Duration.ofSeconds(30);

  /** What the hub needs of the runtime. */
  interface Wire {
    /** The connection for the next request (opens and prepares one after a loss). */
    CompletableFuture<WsConnection> connection();

    /** The current connection, or null. */
    WsConnection current();

    /** Sends a subscribe on that connection (the session's, or a signed one). */
    CompletableFuture<Outcome<StreamSubscription>> subscribe(WsConnection c);

    /** Sends an unsubscribe of that subscription on that connection. */
    CompletableFuture<? extends Outcome<?>> unsubscribe(WsConnection c, int subscriptionId);

    boolean closed();
  }

  private final Wire wire;
  private final ObjectMapper mapper;
  private final java.util.concurrent.ExecutorService delivery;
  private final ScheduledExecutorService timer;
  private final Redaction redaction;
  private final ExecutionReportIndex index;
  private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
  /** The hub's server subscription on each connection that has one. */
  private final Map<WsConnection, Integer> subscriptions = new ConcurrentHashMap<>();
  /** A subscribe under way on a connection, shared by every listener that asks meanwhile. */
  private final Map<WsConnection, CompletableFuture<Outcome<StreamSubscription>>> subscribing = new ConcurrentHashMap<>();
  /** Events that arrived on a connection before its subscribe reply was handled (they race). */
  private final Map<WsConnection, ArrayDeque<Early>> early = new ConcurrentHashMap<>();
  private volatile boolean recovering;

  private record Early(Integer subscriptionId, JsonNode event, String raw) {}

  UserDataHub(Wire wire, ObjectMapper mapper, ScheduledExecutorService timer, Redaction redaction, Clock clock) {
    this.wire = wire;
    this.mapper = mapper;
    // Listeners get threads of their own, never the completions' executor: a listener stuck in onEvent must not
    // hold back the futures of replies (the common pool may have a single thread).
    this.delivery = java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "spot-sdk-user-data");
      t.setDaemon(true);
      return t;
    });
    this.timer = timer;
    this.redaction = redaction;
    this.index = new ExecutionReportIndex(clock);
  }

  @Override
  public ExecutionReports executionReports() {
    return index;
  }

  @Override
  public CompletableFuture<Outcome<UserDataSubscription>> subscribe(UserDataListener listener, int buffer) {
    if (listener == null) {
      throw new NullPointerException("listener");
    }
    if (buffer < 1) {
      throw new IllegalArgumentException("buffer must be at least 1, not " + buffer);
    }
    Listener l = new Listener(new Mailbox(listener, buffer, delivery));
    listeners.add(l); // before the reply: the first events may be handled before the subscribe's future completes
    return wire.connection().thenCompose(this::ensureSubscribed).handle((o, err) -> {
      if (o != null && o.isSuccess()) {
        return success(l, o);
      }
      if (o != null) {
        l.end("subscribing failed: " + o.getClass().getSimpleName());
        return cast(o);
      }
      l.end("subscribing failed: no connection");
      NotSentReason why = wire.closed() ? NotSentReason.CLIENT_CLOSED : NotSentReason.CONNECT_FAILED;
      return new Outcome.NotSent<>(why, "no connection to subscribe on (" + redaction.describe(Causes.root(err)) + ")",
          null);
    });
  }

  @SuppressWarnings("unchecked")
  private static Outcome<UserDataSubscription> cast(Outcome<?> o) {
    return (Outcome<UserDataSubscription>) o; // not a Success: it carries no value
  }

  private static Outcome<UserDataSubscription> success(Listener l, Outcome<StreamSubscription> o) {
    if (o instanceof Outcome.Success<StreamSubscription> s) {
      return new Outcome.Success<>(l, s.status(), s.headers(), s.usage());
    }
    return new Outcome.Success<>(l, 200, ResponseHeaders.EMPTY, RateLimitUsage.EMPTY);
  }

  /** The hub's subscription on {@code c}: the one it has, the one under way, or a new one. */
  private CompletableFuture<Outcome<StreamSubscription>> ensureSubscribed(WsConnection c) {
    Integer id = subscriptions.get(c);
    if (id != null) {
      return CompletableFuture.completedFuture(new Outcome.Success<>(new StreamSubscription(id), 200,
          ResponseHeaders.EMPTY, RateLimitUsage.EMPTY));
    }
    CompletableFuture<Outcome<StreamSubscription>>[] mine = new CompletableFuture[1];
    CompletableFuture<Outcome<StreamSubscription>> f = subscribing.computeIfAbsent(c, k -> {
      early.put(k, new ArrayDeque<>());
      return mine[0] = new CompletableFuture<>();
    });
    if (mine[0] == null) {
      return f;
    }
    CompletableFuture<Outcome<StreamSubscription>> sent;
    try {
      sent = wire.subscribe(c);
    } catch (RuntimeException e) {
      sent = CompletableFuture.completedFuture(new Outcome.NotSent<>(NotSentReason.SIGNING_FAILED,
          "cannot subscribe: " + redaction.describe(e), null));
    }
    sent.whenComplete((o, err) -> {
      if (o != null && o.isSuccess() && o.orThrow() != null && o.orThrow().subscriptionId() != null) {
        bind(c, o.orThrow().subscriptionId());
      } else {
        early.remove(c);
      }
      subscribing.remove(c, mine[0]);
      if (err != null) {
        mine[0].completeExceptionally(err);
      } else {
        mine[0].complete(o);
      }
    });
    return f;
  }

  /**
   * The subscribe reply was handled (on a completion thread). The events that raced ahead of it are handled first,
   * under the same lock as the socket thread's, so that listeners get every event in the order it arrived.
   */
  private void bind(WsConnection c, int id) {
    index.watching();
    synchronized (this) {
      subscriptions.put(c, id);
      ArrayDeque<Early> waiting = early.remove(c);
      if (waiting != null) {
        for (Early e : waiting) {
          handle(c, e.subscriptionId(), e.event(), e.raw());
        }
      }
    }
    if (!c.isOpen() && c.closeReason() != null) {
      subscriptions.remove(c);
    }
  }

  /** A frame with an {@code event} object other than serverShutdown; on the socket thread. */
  void onEvent(WsConnection c, JsonNode frame, String raw) {
    JsonNode sidNode = frame.get("subscriptionId");
    Integer sid = sidNode != null && sidNode.canConvertToInt() && sidNode.isIntegralNumber() ? sidNode.asInt() : null;
    JsonNode event = frame.get("event");
    // Handling never waits (offers to bounded mailboxes), so holding the lock here does not slow the socket.
    synchronized (this) {
      ArrayDeque<Early> waiting = early.get(c);
      if (waiting != null && !subscriptions.containsKey(c)) {
        if (waiting.size() < MAX_EARLY_EVENTS) {
          waiting.add(new Early(sid, event, raw));
        } else {
          LOG.warn("{}: more than {} events before the subscribe reply; dropped", c.name(), MAX_EARLY_EVENTS);
          index.gap();
        }
        return;
      }
      handle(c, sid, event, raw);
    }
  }

  private void handle(WsConnection c, Integer sid, JsonNode event, String raw) {
    Integer ours = subscriptions.get(c);
    if (ours == null || (sid != null && !sid.equals(ours))) {
      LOG.debug("{}: an event for subscription {} that is not the client's: ignored", c.name(), sid);
      return;
    }
    String type = event.path("e").isTextual() ? event.path("e").asText() : null;
    Object payload = decode(c, type, event);
    if (payload instanceof ExecutionReport r) {
      index.record(r);
    } else if (payload instanceof ListStatus l) {
      index.record(l);
    }
    boolean terminated = payload instanceof EventStreamTerminated || "eventStreamTerminated".equals(type);
    UserDataEvent e = new UserDataEvent(sid, type, payload, raw);
    for (Listener l : listeners) {
      if (!l.mailbox.offer(e, terminated)) {
        index.gap(); // an event was dropped: its reports may be missing
      }
    }
    if (terminated) {
      LOG.info("{}: eventStreamTerminated for subscription {}", c.name(), sid);
      subscriptions.remove(c, ours);
      index.gap();
      endAll("eventStreamTerminated");
    }
  }

  private Object decode(WsConnection c, String type, JsonNode event) {
    WsEventDescriptor<?> d = type == null ? null : BY_TYPE.get(type);
    if (d == null) {
      LOG.debug("{}: user data event of unknown type {}: delivered raw", c.name(), type);
      return null;
    }
    try {
      return mapper.treeToValue(event, d.type());
    } catch (Exception | StackOverflowError ex) {
      LOG.warn("{}: a {} event could not be read ({}): delivered raw", c.name(), type, redaction.describe(ex));
      return null;
    }
  }

  /** A fresh connection, before it takes requests: subscribe again if anyone listens, and tell them of the gap. */
  CompletableFuture<WsConnection> prepare(WsConnection c) {
    if (activeListeners().isEmpty()) {
      return CompletableFuture.completedFuture(c);
    }
    index.gap();
    return ensureSubscribed(c).handle((o, err) -> {
      if (o != null && o.isSuccess()) {
        for (Listener l : activeListeners()) {
          l.mailbox.gap(UserDataGap.Reason.RESUBSCRIBED, "subscribed again on connection " + c.name()
              + "; events in between may be missing");
        }
      } else {
        String why = o != null ? o.getClass().getSimpleName() + o.error().map(d -> " " + d.status() + " "
            + d.code()).orElse("") : redaction.describe(Causes.root(err));
        endAll("subscribing again on a new connection failed: " + why);
      }
      return c;
    });
  }

  /** A connection ended. If listeners remain and the current connection carries no subscription, recover. */
  void connectionClosed(WsConnection c) {
    boolean had = subscriptions.remove(c) != null;
    early.remove(c);
    if (had && !activeListeners().isEmpty() && !wire.closed()) {
      WsConnection now = wire.current();
      if (now == null || now == c || !subscriptions.containsKey(now)) {
        index.gap();
        recover(FIRST_RETRY, "the connection was lost (" + c.closeReason() + ")");
      }
    }
  }

  private void recover(Duration nextWait, String why) {
    if (recovering) {
      return;
    }
    recovering = true;
    Timers.once(timer, () -> attemptRecovery(nextWait, why), Duration.ZERO);
  }

  private void attemptRecovery(Duration nextWait, String why) {
    if (wire.closed() || activeListeners().isEmpty()) {
      recovering = false;
      return;
    }
    LOG.info("user data stream: reconnecting to resubscribe: {}", redaction.apply(why));
    wire.connection().whenComplete((c, err) -> {
      if (c != null && subscriptions.containsKey(c)) {
        recovering = false;
        return;
      }
      if (wire.closed()) {
        recovering = false;
        return;
      }
      Duration later = nextWait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : nextWait.multipliedBy(2);
      if (Timers.once(timer, () -> attemptRecovery(later, why), nextWait) == null) {
        recovering = false;
      }
    });
  }

  private List<Listener> activeListeners() {
    List<Listener> out = new ArrayList<>();
    for (Listener l : listeners) {
      if (l.active()) {
        out.add(l);
      }
    }
    return out;
  }

  private void endAll(String reason) {
    for (Listener l : listeners) {
      l.end(reason);
    }
  }

  /** The client closes: every listener hears it. */
  void close() {
    endAll("the client closed");
    delivery.shutdown(); // what is queued (the onClosed calls) is still delivered; idle threads end
  }

  private final class Listener implements UserDataSubscription {
    private final Mailbox mailbox;
    private volatile String closeReason;

    Listener(Mailbox mailbox) {
      this.mailbox = mailbox;
    }

    boolean active() {
      return closeReason == null;
    }

    boolean end(String reason) {
      synchronized (this) {
        if (closeReason != null) {
          return false;
        }
        closeReason = reason;
      }
      listeners.remove(this);
      mailbox.close(reason);
      return true;
    }

    @Override
    public Integer subscriptionId() {
      WsConnection c = wire.current();
      return active() && c != null ? subscriptions.get(c) : null;
    }

    @Override
    public boolean isActive() {
      return active();
    }

    @Override
    public String closeReason() {
      return closeReason;
    }

    @Override
    public long dropped() {
      return mailbox.dropped();
    }

    @Override
    public CompletableFuture<Void> unsubscribe() {
      if (!end("unsubscribed")) {
        return CompletableFuture.completedFuture(null);
      }
      if (!activeListeners().isEmpty()) {
        return CompletableFuture.completedFuture(null); // the others still listen on the shared subscription
      }
      List<CompletableFuture<?>> sent = new ArrayList<>();
      for (Map.Entry<WsConnection, Integer> e : subscriptions.entrySet()) {
        if (subscriptions.remove(e.getKey(), e.getValue()) && e.getKey().isOpen()) {
          sent.add(wire.unsubscribe(e.getKey(), e.getValue()));
        }
      }
      index.gap();
      return CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).handle((x, err) -> null);
    }

    @Override
    public void close() {
      unsubscribe();
    }

    @Override
    public String toString() {
      return "UserDataSubscription[" + (active() ? "active" : "closed: " + closeReason) + ", dropped=" + dropped() + "]";
    }
  }
}
