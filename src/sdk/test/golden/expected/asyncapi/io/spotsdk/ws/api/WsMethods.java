// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;

import com.fasterxml.jackson.core.type.TypeReference;
import io.spotsdk.core.Meaning;
import io.spotsdk.core.SecurityType;
import io.spotsdk.core.Settlement;
import io.spotsdk.core.WsMethodDescriptor;
import io.spotsdk.model.Widget;
import java.util.List;

/**
 * The methods of the Binance Spot WebSocket API, one descriptor each, as declared in spec/spot-ws-api.yaml:
 * result type, security, weight, whether it changes state, the ids it creates, its REST twin and what each
 * response {@code status} means. Result types are the same Java classes as the REST client's.
 */
public final class WsMethods {
  private WsMethods() {}

  /**
   * {@code widget.place}: Place a widget.
   * <p>Places a widget at a price &lt;= the limit &amp; returns it. Ask ops&#64;example.invalid, not {&#64;link Foo} or &#64;param; a comment end *&#47;, <code>code &lt;with&gt; &#64; &amp; *&#47;</code> and a backslash-u &#92;u002a/ stay text.
   * <p>Security TRADE, weight 1, changes state, so it is never resent automatically. REST twin: {@code placeWidget}.
   */
  public static final WsMethodDescriptor<Widget> WIDGET_PLACE =
      WsMethodDescriptor.<Widget>builder("widget.place", new TypeReference<Widget>() {})
          .security(SecurityType.TRADE)
          .weight(1)
          .weightRule("side", "SELL", false, 2)
          .weightRange("price", false, 1000L, 9999L, 0, 3)
          .weightRange("price", false, 10000L, Long.MAX_VALUE, 0, 5)
          .orderCount(1)
          .changesState(true)
          .clientIdParam("newClientWidgetId")
          .echo("symbol", "symbol")
          .echo("clientWidgetId", "newClientWidgetId")
          .settledBy(Settlement.of("widget", "widget.status", "EXISTS", "symbol", "symbol", "origClientWidgetId", "newClientWidgetId"))
          .settledBy(Settlement.of("change", "widget.status", "LISTED", "symbol", "symbol", "origClientWidgetId", "widget.clientWidgetId").withMatch("clientWidgetId", "newClientWidgetId", "symbol", "symbol"))
          .restTwin("placeWidget")
          .status("200", Meaning.SUCCESS)
          .status("400", Meaning.REJECTED,
              Meaning.byCode(-1006, Meaning.UNKNOWN),
              Meaning.byCode(-1007, Meaning.UNKNOWN))
          .status("429", Meaning.RATE_LIMITED)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  /**
   * {@code widget.status}: Query a widget by the client id it was placed with.
   * <p>Security USER_DATA, weight 4.
   */
  public static final WsMethodDescriptor<Widget> WIDGET_STATUS =
      WsMethodDescriptor.<Widget>builder("widget.status", new TypeReference<Widget>() {})
          .security(SecurityType.USER_DATA)
          .weight(4)
          .changesState(false)
          .status("200", Meaning.SUCCESS)
          .status("4XX", Meaning.REJECTED)
          .status("5XX", Meaning.UNKNOWN)
          .build();

  /** Every method, in the order of the spec. */
  public static final List<WsMethodDescriptor<?>> ALL = List.of(
      WIDGET_PLACE,
      WIDGET_STATUS);
}
