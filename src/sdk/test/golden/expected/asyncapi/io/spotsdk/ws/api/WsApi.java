// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;

import io.spotsdk.core.WsCaller;
import io.spotsdk.model.Widget;
import io.spotsdk.outcome.Outcome;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The Binance Spot WebSocket API, one method per method of spec/spot-ws-api.yaml. Every call is handed to the
 * {@link WsCaller} with its {@link WsMethods} descriptor; the future completes with an {@link Outcome}, never
 * exceptionally.
 */
public final class WsApi {
  private final WsCaller caller;

  public WsApi(WsCaller caller) {
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * {@code widget.place}: Place a widget.
   * <p>Security TRADE, weight 1, changes state, so it is never resent automatically.
   */
  public CompletableFuture<Outcome<Widget>> widgetPlace(WidgetPlaceParams params) {
    return caller.call(WsMethods.WIDGET_PLACE, params);
  }
}
