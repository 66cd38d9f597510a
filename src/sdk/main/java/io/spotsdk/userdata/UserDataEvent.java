package io.spotsdk.userdata;

import java.util.Optional;

/**
 * One user data stream event. {@link #as} gives the typed model of a known event type
 * ({@code io.spotsdk.ws.model.ExecutionReport}, {@code OutboundAccountPosition}, {@code BalanceUpdate},
 * {@code ListStatus}, {@code EventStreamTerminated}, {@code ExternalLockUpdate}); an event this version does not
 * know, or cannot read, has no model but keeps its raw text, so nothing the server sends is lost.
 */
public final class UserDataEvent {
  private static final int PREVIEW = 200;

  private final Integer subscriptionId;
  private final String eventType;
  private final Object payload;
  private final String raw;

  /**
   * An event; the SDK makes these.
   *
   * @param subscriptionId the subscription it came on, or null when the frame named none
   * @param eventType its {@code e}, or null when it had none
   * @param payload the typed model, or null when the type is unknown or the event could not be read
   * @param raw the frame's text
   */
  public UserDataEvent(Integer subscriptionId, String eventType, Object payload, String raw) {
    this.subscriptionId = subscriptionId;
    this.eventType = eventType;
    this.payload = payload;
    this.raw = raw;
  }

  /**
   * The subscription the event came on, as the server numbered it on its connection.
   *
   * @return the subscriptionId, or null when the frame named none
   */
  public Integer subscriptionId() {
    return subscriptionId;
  }

  /**
   * The event type on the wire.
   *
   * @return {@code e}, e.g. {@code executionReport}; null when absent
   */
  public String eventType() {
    return eventType;
  }

  /**
   * Whether this version knows the event type and could read it.
   *
   * @return true when {@link #payload()} is a typed model
   */
  public boolean known() {
    return payload != null;
  }

  /**
   * The typed model, whatever its type.
   *
   * @return the model, or null for an unknown or unreadable event
   */
  public Object payload() {
    return payload;
  }

  /**
   * The typed model, if it is of the given type.
   *
   * @param <T> the model type
   * @param type e.g. {@code ExecutionReport.class}
   * @return the model, or empty when the event is of another type (or unknown)
   */
  public <T> Optional<T> as(Class<T> type) {
    return type.isInstance(payload) ? Optional.of(type.cast(payload)) : Optional.empty();
  }

  /**
   * The frame as it arrived.
   *
   * @return the raw JSON text
   */
  public String raw() {
    return raw;
  }

  @Override
  public String toString() {
    String r = raw == null ? "" : raw.length() > PREVIEW ? raw.substring(0, PREVIEW) + "..." : raw;
    return "UserDataEvent[" + eventType + ", subscriptionId=" + subscriptionId + (known() ? "" : ", unknown") + ", " + r
        + "]";
  }
}
