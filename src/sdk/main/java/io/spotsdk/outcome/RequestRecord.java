package io.spotsdk.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What was sent, kept on every outcome that is not a plain success so an unknown can be settled later:
 * the operation, its parameters (never the signature or API key), the signed timestamp and recvWindow.
 *
 * @param operation the operation, as the spec names it
 * @param transport "REST" or "WS"
 * @param params the parameters sent, as strings, without signature or API key
 * @param timestamp the signed {@code timestamp} in ms, or null for unsigned calls
 * @param recvWindow the {@code recvWindow} in ms, or null for unsigned calls
 * @param sentAt when the request was handed to the transport
 */
public record RequestRecord(
    String operation, String transport, Map<String, String> params, Long timestamp, BigDecimal recvWindow, Instant sentAt) {
  /**
   * Copies the parameters, so the record cannot change after the call.
   *
   * @param operation the operation
   * @param transport "REST" or "WS"
   * @param params the parameters sent
   * @param timestamp the signed timestamp, or null
   * @param recvWindow the recvWindow, or null
   * @param sentAt when the request was handed to the transport
   */
  public RequestRecord {
    params = Map.copyOf(params);
  }

  /**
   * One parameter as sent.
   *
   * @param name the parameter's name, as the spec spells it
   * @return its value, or null when it was not sent
   */
  public String param(String name) {
    return params.get(name);
  }

  /**
   * The symbol the call was for, to settle an unknown order by query.
   *
   * @return the {@code symbol} parameter, or null when there was none
   */
  public String symbol() {
    return params.get("symbol");
  }

  /**
   * The id of the order this call creates (place, or the replacing order of cancelReplace), to look it up.
   *
   * @return the {@code newClientOrderId} parameter, or null when there was none
   */
  public String newClientOrderId() {
    return params.get("newClientOrderId");
  }

  /**
   * The last instant at which the server may still accept this request ({@code timestamp + recvWindow});
   * after it, an order that is not found was never placed.
   *
   * @return the instant, or null for unsigned calls
   */
  public Instant acceptDeadline() {
    if (timestamp == null || recvWindow == null) {
      return null;
    }
    return Instant.ofEpochMilli(timestamp).plusMillis(recvWindow.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
  }
}
