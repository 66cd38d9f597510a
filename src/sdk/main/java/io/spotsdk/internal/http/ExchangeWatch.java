package io.spotsdk.internal.http;

import java.time.Duration;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * What one exchange knows about itself while HttpClient runs it: whether the request has started to go on the wire
 * (before that moment nothing can have reached the server, whatever fails), and whether its response deadline
 * passed. The deadline starts with the write and bounds the whole response, status line to last body byte; when it
 * passes, the exchange is cancelled, which closes the connection under the reading thread.
 */
final class ExchangeWatch {
  static final String ATTRIBUTE = "io.spotsdk.exchange-watch";

  private final Cancellable exchange;
  private final ResponseDeadlines deadlines;
  private final Duration deadline;
  private volatile long deadlineAt;
  private volatile boolean armed;
  private volatile boolean writeStarted;
  private volatile boolean expired;

  ExchangeWatch(Cancellable exchange, ResponseDeadlines deadlines, Duration deadline) {
    this.exchange = exchange;
    this.deadlines = deadlines;
    this.deadline = deadline;
  }

  static ExchangeWatch of(HttpContext context) {
    Object w = context == null ? null : context.getAttribute(ATTRIBUTE);
    return w instanceof ExchangeWatch ? (ExchangeWatch) w : null;
  }

  /** Called on the calling thread just before the first byte of the request is written. */
  void writeStarting() {
    if (!armed) {
      deadlineAt = System.nanoTime() + deadline.toNanos();
      // Armed before the mark: if arming fails (client closing), the request provably never left.
      deadlines.arm(this);
      armed = true;
    }
    writeStarted = true;
  }

  boolean pastDeadline(long nanoTime) {
    return nanoTime - deadlineAt >= 0;
  }

  /** On the sweeper thread. */
  void expire() {
    expired = true;
    exchange.cancel();
  }

  boolean writeStarted() {
    return writeStarted;
  }

  boolean expired() {
    return expired;
  }

  Duration deadline() {
    return deadline;
  }

  /** The exchange is over, one way or another: the deadline no longer applies. */
  void finish() {
    if (armed) {
      deadlines.disarm(this);
    }
  }
}
