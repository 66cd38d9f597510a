package io.spotsdk.internal.ws;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Notices a connection that died without a word: no close frame, no FIN, no RST (a black-holed route, a frozen
 * peer, a NAT that forgot the flow). Nothing on the socket ever fails then; only silence tells. Every
 * {@code interval} the client pings; if nothing at all is heard (a pong, a reply, a ping, any frame) within
 * {@code pongTimeout} of a ping, the connection is declared dead. A silent death is therefore noticed at most
 * {@code interval + pongTimeout} after it happens.
 */
final class Heartbeat {
  private final ScheduledExecutorService timer;
  private final Duration interval;
  private final Duration pongTimeout;
  private final Supplier<CompletableFuture<?>> ping;
  private final Consumer<String> dead;
  private volatile long lastHeard = System.nanoTime();
  private volatile ScheduledFuture<?> ticks;
  private volatile boolean stopped;

  Heartbeat(ScheduledExecutorService timer, Duration interval, Duration pongTimeout, Supplier<CompletableFuture<?>> ping,
      Consumer<String> dead) {
    this.timer = timer;
    this.interval = interval;
    this.pongTimeout = pongTimeout;
    this.ping = ping;
    this.dead = dead;
  }

  void start() {
    ticks = Timers.every(timer, this::tick, interval);
    if (stopped) {
      Timers.cancel(ticks);
    }
  }

  /** Anything received proves the connection alive at that moment. */
  void heard() {
    lastHeard = System.nanoTime();
  }

  void stop() {
    stopped = true;
    Timers.cancel(ticks);
  }

  private void tick() {
    if (stopped) {
      return;
    }
    long sentAt = System.nanoTime();
    try {
      ping.get().whenComplete((x, err) -> {
        if (err != null && !stopped) {
          Throwable cause = Causes.root(err);
          dead.accept("a ping could not be sent (" + cause.getClass().getSimpleName() + ")");
        }
      });
    } catch (RuntimeException e) {
      dead.accept("a ping could not be sent (" + e.getClass().getSimpleName() + ")");
      return;
    }
    Timers.once(timer, () -> check(sentAt), pongTimeout);
  }

  private void check(long pingSentAt) {
    if (!stopped && lastHeard - pingSentAt < 0) {
      dead.accept("nothing heard within " + pongTimeout.toMillis() + " ms of a ping (heartbeat every "
          + interval.toMillis() + " ms)");
    }
  }
}
