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

  /**
   * The methods over a runtime; {@link io.spotsdk.SpotWsApiClient} makes one, so user code rarely needs to.
   *
   * @param caller the runtime that signs, sends and classifies each call
   */
  public WsApi(WsCaller caller) {
    this.caller = Objects.requireNonNull(caller, "caller");
  }

  /**
   * {@code widget.place}: Place a widget.
   * <p>Places a widget at a price &lt;= the limit &amp; returns it. Ask ops&#64;example.invalid, not {&#64;link Foo} or &#64;param; a comment end *&#47;, <code>code &lt;with&gt; &#64; &amp; *&#47;</code> and a backslash-u &#92;u002a/ stay text.
   * <p>Security TRADE, weight 1, changes state, so it is never resent automatically.
   * Outcome by status:
   * <ul>
   *   <li>200 (SUCCESS)</li>
   *   <li>400 (REJECTED; code -1006: UNKNOWN; code -1007: UNKNOWN)</li>
   *   <li>429 (RATE_LIMITED): Rate limited: wait until <code>error.data.retryAfter</code> (epoch ms, &gt; now) &amp; send nothing *&#47; before; &#64;see nothing.</li>
   *   <li>4XX (REJECTED)</li>
   *   <li>5XX (UNKNOWN)</li>
   * </ul>
   *
   * @param params the parameters; checked against the spec's rules before anything is sent
   * @return a future that completes with the outcome, never exceptionally
   */
  public CompletableFuture<Outcome<Widget>> widgetPlace(WidgetPlaceParams params) {
    return caller.call(WsMethods.WIDGET_PLACE, params);
  }

  /**
   * {@code widget.status}: Query a widget by the client id it was placed with.
   * <p>Security USER_DATA, weight 4.
   * Outcome by status:
   * <ul>
   *   <li>200 (SUCCESS)</li>
   *   <li>4XX (REJECTED)</li>
   *   <li>5XX (UNKNOWN)</li>
   * </ul>
   *
   * @param params the parameters; checked against the spec's rules before anything is sent
   * @return a future that completes with the outcome, never exceptionally
   */
  public CompletableFuture<Outcome<Widget>> widgetStatus(WidgetStatusParams params) {
    return caller.call(WsMethods.WIDGET_STATUS, params);
  }
}
