package io.spotsdk.core;

import java.util.Objects;

/**
 * An event of the WebSocket API as declared by a receive operation of spec/spot-ws-api.yaml: its type on the wire
 * ({@code event.e}), the model it decodes into, and whether it belongs to the user data stream (its frames carry a
 * {@code subscriptionId}).
 *
 * @param <T> the model the event decodes into
 */
public final class WsEventDescriptor<T> {
  private final String eventType;
  private final Class<T> type;
  private final boolean userDataStream;

  /**
   * One event; the generated {@code WsEvents} makes these.
   *
   * @param eventType the {@code e} of the event on the wire
   * @param type the model it decodes into
   * @param userDataStream whether its frames carry a subscriptionId
   */
  public WsEventDescriptor(String eventType, Class<T> type, boolean userDataStream) {
    this.eventType = Objects.requireNonNull(eventType, "eventType");
    this.type = Objects.requireNonNull(type, "type");
    this.userDataStream = userDataStream;
  }

  /**
   * The event type on the wire.
   *
   * @return the {@code e} of the event, e.g. {@code executionReport}
   */
  public String eventType() {
    return eventType;
  }

  /**
   * The model the event decodes into.
   *
   * @return the generated record class
   */
  public Class<T> type() {
    return type;
  }

  /**
   * Whether the event belongs to the user data stream.
   *
   * @return true when its frames carry a subscriptionId
   */
  public boolean userDataStream() {
    return userDataStream;
  }

  @Override
  public String toString() {
    return eventType;
  }
}
