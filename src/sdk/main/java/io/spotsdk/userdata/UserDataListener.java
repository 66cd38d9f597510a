package io.spotsdk.userdata;

/**
 * Receives the events of one user data stream subscription, in order, one call at a time, on an SDK executor
 * thread (never the socket's). A slow listener only fills its own bounded buffer: replies to requests are never
 * delayed by it. What it does not get, it is told of: {@link #onGap} for events that may be missing,
 * {@link #onClosed} when nothing more will come. What a listener throws is logged and does not end the
 * subscription.
 */
@FunctionalInterface
public interface UserDataListener {
  /**
   * One event: a known type carries its typed model ({@link UserDataEvent#as}), an unknown one its raw text.
   * {@code eventStreamTerminated} arrives here too (and then {@link #onClosed}).
   *
   * @param event the event
   */
  void onEvent(UserDataEvent event);

  /**
   * Events may have been missed here: the buffer overflowed, or the connection was replaced and the subscription
   * made again. Anything that depends on every event (open orders, balances) should be refreshed by a query.
   *
   * @param gap what happened, and how many events were dropped when that is known
   */
  default void onGap(UserDataGap gap) {}

  /**
   * The subscription ended; no more calls follow. {@code reason} says why: {@code eventStreamTerminated},
   * {@code unsubscribed}, the client closed, or resubscribing after a reconnect failed.
   *
   * @param reason why it ended
   */
  default void onClosed(String reason) {}
}
