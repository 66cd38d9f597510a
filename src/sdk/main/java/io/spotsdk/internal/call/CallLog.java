package io.spotsdk.internal.call;

import io.spotsdk.core.Params;
import io.spotsdk.internal.Redaction;
import io.spotsdk.outcome.Outcome;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline's log lines: one line each, with the operation and the client order id, and every text that may
 * come from the wire (an explanation, a refusal) passed through {@link Redaction}.
 */
final class CallLog {
  private static final Logger GATE = LoggerFactory.getLogger("io.spotsdk.gate");
  private static final Logger RETRY = LoggerFactory.getLogger("io.spotsdk.retry");
  private static final int PREVIEW = 300;
  private static final String[] ORDER_IDS = {"newClientOrderId", "origClientOrderId", "clientOrderId",
      "listClientOrderId", "cancelNewClientOrderId"};

  private final Logger transport;
  private final Redaction redaction;

  CallLog(String transportLogger, Redaction redaction) {
    this.transport = LoggerFactory.getLogger(transportLogger);
    this.redaction = redaction;
  }

  void outcome(String op, Params p, Outcome<?> o) {
    if (o instanceof Outcome.Unknown<?> u && transport.isWarnEnabled()) {
      transport.warn("{} clientOrderId={}: outcome UNKNOWN ({}), the request may have executed: {}", op,
          orderId(p), u.cause(), redaction.preview(u.explanation(), PREVIEW));
    } else if (o instanceof Outcome.IpBanned<?> b && GATE.isWarnEnabled()) {
      GATE.warn("{} clientOrderId={}: IP banned until {}; nothing is sent until then", op,
          orderId(p), b.bannedUntil());
    }
  }

  void held(String op, Params p, Duration wait) {
    if (GATE.isInfoEnabled()) {
      GATE.info("{} clientOrderId={}: held by the rate-limit gate for {} ms", op, orderId(p),
          wait.toMillis());
    }
  }

  void refused(String op, Params p, String refusal) {
    if (GATE.isWarnEnabled()) {
      GATE.warn("{} clientOrderId={}: refused by the rate-limit gate, not sent: {}", op,
          orderId(p), redaction.preview(refusal, PREVIEW));
    }
  }

  void retry(String op, Params p, int attempt, Duration wait, Outcome<?> o) {
    if (RETRY.isInfoEnabled()) {
      RETRY.info("{} clientOrderId={}: attempt {} ended {}; retrying in {} ms", op, orderId(p),
          attempt, kind(o), wait.toMillis());
    }
  }

  void observerFailed(String op, Throwable e) {
    GATE.warn("{}: the rate-limit gate could not take in an outcome ({}); the outcome stands", op,
        redaction.describe(e));
  }

  private static String kind(Outcome<?> o) {
    if (o instanceof Outcome.Unknown<?> u) {
      return "UNKNOWN " + u.cause();
    }
    if (o instanceof Outcome.NotSent<?> n) {
      return "NOT_SENT " + n.reason();
    }
    return o.getClass().getSimpleName();
  }

  static String orderId(Params p) {
    for (String name : ORDER_IDS) {
      String v = p.get(name);
      if (v != null) {
        return v;
      }
    }
    return "-";
  }
}
