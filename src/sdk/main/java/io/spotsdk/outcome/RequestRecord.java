package io.spotsdk.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What was sent, kept on every outcome that is not a plain success so an unknown can be settled later:
 * the operation, its parameters (never the signature or API key), the signed timestamp and recvWindow.
 *
 * @param transport "REST" or "WS"
 * @param timestamp the signed {@code timestamp} in ms, or null for unsigned calls
 * @param recvWindow the {@code recvWindow} in ms, or null for unsigned calls
 */
public record RequestRecord(
    String operation, String transport, Map<String, String> params, Long timestamp, BigDecimal recvWindow, Instant sentAt) {
  public RequestRecord {
    params = Map.copyOf(params);
  }

  public String param(String name) {
    return params.get(name);
  }

  public String symbol() {
    return params.get("symbol");
  }

  /** The id of the order this call creates (place, or the replacing order of cancelReplace), if any. */
  public String newClientOrderId() {
    return params.get("newClientOrderId");
  }

  /**
   * The last instant at which the server may still accept this request ({@code timestamp + recvWindow});
   * after it, an order that is not found was never placed. Null for unsigned calls.
   */
  public Instant acceptDeadline() {
    if (timestamp == null || recvWindow == null) {
      return null;
    }
    return Instant.ofEpochMilli(timestamp).plusMillis(recvWindow.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
  }
}
