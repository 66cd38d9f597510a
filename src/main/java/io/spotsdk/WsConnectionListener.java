package io.spotsdk;

/** Told about the connections behind a {@link SpotWsApiClient}. Called on an SDK thread: return quickly. */
public interface WsConnectionListener {
  /** A planned reconnect finished: new requests now go to connection number {@code connectionNumber}. */
  default void replaced(int connectionNumber, String reason) {}

  /** The current connection closed without a plan; requests in flight on it were completed at once. */
  default void lost(String reason) {}
}
