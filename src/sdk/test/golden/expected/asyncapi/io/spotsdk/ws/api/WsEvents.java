// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi. Do not edit.
package io.spotsdk.ws.api;

import io.spotsdk.core.WsEventDescriptor;
import io.spotsdk.ws.model.WidgetDoneEvent;
import java.util.List;

/**
 * The events of the WebSocket API, one descriptor each, as declared by the receive operations of
 * spec/spot-ws-api.yaml: the event type on the wire ({@code event.e}), the model it decodes into, and whether it
 * belongs to the user data stream.
 */
public final class WsEvents {
  private WsEvents() {}

  /**
   * {@code widgetDone}
   */
  public static final WsEventDescriptor<WidgetDoneEvent> WIDGET_DONE =
      new WsEventDescriptor<>("widgetDone", WidgetDoneEvent.class, true);

  /** Every event, in the order of the spec. */
  public static final List<WsEventDescriptor<?>> ALL = List.of(
      WIDGET_DONE);
}
