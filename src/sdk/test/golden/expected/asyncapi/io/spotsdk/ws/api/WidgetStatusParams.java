// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.core.ParamRules;
import io.spotsdk.core.ParamSink;
import io.spotsdk.core.RequestParams;
import java.util.regex.Pattern;

/**
 * Parameters of {@code widget.status}: Query a widget by the client id it was placed with.
 * <p>{@code apiKey} is added by the signer, never by the caller.
 * <p>{@code timestamp} is added by the signer, never by the caller.
 * <p>{@code signature} is added by the signer, never by the caller.
 * <p>Mutable and not thread-safe: build one per call.
 */
public final class WidgetStatusParams implements RequestParams {
  private static final Pattern SYMBOL_PATTERN =
      Pattern.compile("^\\S+$");

  private String symbol;
  private String origClientWidgetId;

  /** No parameters set yet: set what the call needs, then pass these to {@code widget.status}. */
  public WidgetStatusParams() {}

  /**
   * Sets {@code symbol} (required). A symbol. Never blank.
   *
   * @param symbol the value to send
   * @return these parameters
   */
  public WidgetStatusParams symbol(String symbol) {
    this.symbol = symbol;
    return this;
  }

  /**
   * The {@code symbol} to send.
   *
   * @return the value set, or null when it is not sent
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Sets {@code origClientWidgetId}; null leaves it out.
   *
   * @param origClientWidgetId the value to send
   * @return these parameters
   */
  public WidgetStatusParams origClientWidgetId(String origClientWidgetId) {
    this.origClientWidgetId = origClientWidgetId;
    return this;
  }

  /**
   * The {@code origClientWidgetId} to send.
   *
   * @return the value set, or null when it is not sent
   */
  public String origClientWidgetId() {
    return origClientWidgetId;
  }

  @Override
  public void validate() {
    if (symbol == null) {
      throw InvalidRequestException.missing("widget.status", "symbol");
    }
    ParamRules.minLength("widget.status", "symbol", symbol, 1);
    ParamRules.pattern("widget.status", "symbol", symbol, SYMBOL_PATTERN);
  }

  @Override
  public void writeTo(ParamSink sink) {
    sink.add("symbol", symbol);
    sink.add("origClientWidgetId", origClientWidgetId);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("WidgetStatusParams{");
    if (symbol != null) b.append("symbol=").append(symbol).append(' ');
    if (origClientWidgetId != null) b.append("origClientWidgetId=").append(origClientWidgetId).append(' ');
    return b.append('}').toString();
  }
}
