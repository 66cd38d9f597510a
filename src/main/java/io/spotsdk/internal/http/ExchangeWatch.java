package io.spotsdk.internal.http;

import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * What one exchange knows about itself while HttpClient runs it: whether the request has started to go on the wire.
 * Before that moment nothing can have reached the server, whatever fails.
 */
final class ExchangeWatch {
  static final String ATTRIBUTE = "io.spotsdk.exchange-watch";

  private volatile boolean writeStarted;

  static ExchangeWatch of(HttpContext context) {
    Object w = context == null ? null : context.getAttribute(ATTRIBUTE);
    return w instanceof ExchangeWatch ? (ExchangeWatch) w : null;
  }

  /** Called on the calling thread just before the first byte of the request is written. */
  void writeStarting() {
    writeStarted = true;
  }

  boolean writeStarted() {
    return writeStarted;
  }
}
