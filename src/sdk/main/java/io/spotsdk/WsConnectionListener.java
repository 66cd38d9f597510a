package io.spotsdk;

/** Told about the connections behind a {@link SpotWsApiClient}. Called on an SDK thread: return quickly. */
public interface WsConnectionListener {
  /**
   * A planned reconnect finished: new requests now go to connection number {@code connectionNumber}.
   * {@code reason} says why: {@code serverShutdown}, the connection lifetime, a call to {@code reconnect()}, or a
   * connection lost earlier.
   *
   * @param connectionNumber the new connection's number, counted from 1 over the client's life
   * @param reason why the connection was replaced
   */
  default void replaced(int connectionNumber, String reason) {}

  /**
   * The current connection ended without a plan (close frame, FIN or RST, a failed send, or a silent heartbeat);
   * requests in flight on it were completed at once. {@code reason} is what ended it. The next call opens a new
   * connection.
   *
   * @param reason what ended the connection
   */
  default void lost(String reason) {}

  /**
   * The {@code session.logon} session ended and is not restored: the server revoked it (a reply with
   * {@code "id":null} and status 401), or logging on again on a new connection failed. From now on signed calls
   * carry their API key and signature again; call {@code sessionLogon()} to start a new session.
   *
   * @param reason why the session ended
   */
  default void sessionLost(String reason) {}
}
