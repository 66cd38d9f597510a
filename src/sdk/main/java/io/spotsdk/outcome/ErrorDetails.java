package io.spotsdk.outcome;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a non-success response carried: HTTP/WebSocket status, Binance code, msg, data, headers and the
 * raw body exactly as received (which may be HTML or empty). {@code code}, {@code msg} and {@code data} are null
 * when the body was not a Binance error payload.
 *
 * @param status the HTTP status (REST) or the WebSocket reply's status
 * @param code Binance's error code, or null
 * @param msg Binance's error message, or null
 * @param data the WebSocket error's {@code data} (e.g. {@code retryAfter}), or null
 * @param headers the response headers, never null
 * @param rawBody the body as received, never null; empty when there was none
 */
public record ErrorDetails(int status, Integer code, String msg, JsonNode data, ResponseHeaders headers, String rawBody) {
  private static final int BODY_PREVIEW = 200;

  /**
   * Replaces missing headers and body by empty ones, so readers never meet null there.
   *
   * @param status the status
   * @param code Binance's error code, or null
   * @param msg Binance's error message, or null
   * @param data the WebSocket error's {@code data}, or null
   * @param headers the response headers, or null for none
   * @param rawBody the body as received, or null for none
   */
  public ErrorDetails {
    headers = headers == null ? ResponseHeaders.EMPTY : headers;
    rawBody = rawBody == null ? "" : rawBody;
  }

  @Override
  public String toString() {
    String body = rawBody.length() > BODY_PREVIEW ? rawBody.substring(0, BODY_PREVIEW) + "..." : rawBody;
    return "status=" + status + (code != null ? " code=" + code : "") + (msg != null ? " msg=" + msg : "")
        + (data != null ? " data=" + data : "") + (code == null ? " body=" + body.replaceAll("\\s+", " ") : "");
  }
}
