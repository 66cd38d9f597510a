package io.spotsdk.userdata;

import java.util.concurrent.CompletableFuture;

/**
 * One listener's subscription to the user data stream. It follows the client across reconnects (each time with a
 * {@link UserDataGap}); it ends on {@link #close()}, on {@code eventStreamTerminated}, when the client closes, or
 * when it cannot be made again after a reconnect. Its listener hears {@link UserDataListener#onClosed} once.
 */
public interface UserDataSubscription extends AutoCloseable {
  /**
   * The server's id for it on the current connection; it changes when a reconnect subscribes again.
   *
   * @return the subscriptionId, or null when it is not subscribed right now
   */
  Integer subscriptionId();

  /**
   * Whether events still come.
   *
   * @return false once it has ended
   */
  boolean isActive();

  /**
   * Why it ended.
   *
   * @return the reason, or null while active
   */
  String closeReason();

  /**
   * Events dropped so far because the listener's buffer was full (each drop was also told as a gap).
   *
   * @return the count
   */
  long dropped();

  /**
   * Ends it: sends {@code userDataStream.unsubscribe} for it (the future completes when the reply came, or at
   * once when there is no connection), and the listener hears {@code onClosed("unsubscribed")}.
   *
   * @return completes when done; never exceptionally
   */
  CompletableFuture<Void> unsubscribe();

  /** Same as {@link #unsubscribe()}, without waiting. */
  @Override
  void close();
}
