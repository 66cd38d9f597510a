package io.spotsdk.fuzz;

import java.util.List;

/** Valid messages of every shape the decoders meet; the fuzz tests mutate these. {@code %ID%} is the request id. */
final class Corpus {
  private Corpus() {}

  static final String ORDER = "{\"symbol\":\"BTCUSDT\",\"orderId\":28,\"orderListId\":-1,\"clientOrderId\":\"%CID%\","
      + "\"transactTime\":1507725176595,\"price\":\"52000.00\",\"origQty\":\"0.01000000\",\"executedQty\":\"0.00000000\","
      + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\",\"side\":\"BUY\","
      + "\"workingTime\":1507725176595,\"selfTradePreventionMode\":\"NONE\",\"fills\":[]}";

  static final String CANCEL_REPLACE_409 = "{\"code\":-2021,\"msg\":\"Order cancel-replace partially failed.\",\"data\":{"
      + "\"cancelResult\":\"SUCCESS\",\"newOrderResult\":\"FAILURE\",\"cancelResponse\":" + ORDER.replace("\"NEW\"", "\"CANCELED\"")
      + ",\"newOrderResponse\":{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}}}";

  static final String RATE_LIMITS = "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,"
      + "\"limit\":6000,\"count\":12},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\",\"intervalNum\":10,\"limit\":50,\"count\":1}]";

  /** WebSocket API reply frames (and the two frames that carry no request id). */
  static final List<String> WS_FRAMES = List.of(
      "{\"id\":%ID%,\"status\":200,\"result\":" + ORDER + ",\"rateLimits\":" + RATE_LIMITS + "}",
      "{\"id\":%ID%,\"status\":400,\"error\":{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"},\"rateLimits\":" + RATE_LIMITS + "}",
      "{\"id\":%ID%,\"status\":418,\"error\":{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1659146036555. Please use WebSocket Streams for live updates to avoid bans.\",\"data\":{\"serverTime\":1659142907531,\"retryAfter\":1659146036555}}}",
      "{\"id\":%ID%,\"status\":429,\"error\":{\"code\":-1003,\"msg\":\"Too much request weight used; please use WebSocket Streams for live updates to avoid polling the API.\",\"data\":{\"serverTime\":1659142907531,\"retryAfter\":1659142907645}}}",
      "{\"id\":%ID%,\"status\":409,\"error\":" + CANCEL_REPLACE_409 + "}",
      "{\"id\":%ID%,\"status\":500,\"error\":{\"code\":-1006,\"msg\":\"An unexpected response was received from the message bus. Execution status unknown.\"}}",
      "{\"id\":%ID%,\"status\":403,\"error\":{\"code\":-1002,\"msg\":\"blocked\"}}",
      "{\"id\":null,\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}",
      "{\"event\":{\"e\":\"serverShutdown\",\"E\":1729089520123}}");

  /** A REST response: status, header lines, body. */
  record Http(int status, List<String> headers, String body) {}

  static final List<String> USAGE_HEADERS = List.of("X-MBX-USED-WEIGHT-1M: 12", "X-MBX-ORDER-COUNT-10S: 1", "X-MBX-ORDER-COUNT-1D: 5");

  static final List<Http> HTTP = List.of(
      new Http(200, USAGE_HEADERS, ORDER),
      new Http(400, USAGE_HEADERS, "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}"),
      new Http(418, List.of("Retry-After: 120"), "{\"code\":-1003,\"msg\":\"Way too much request weight used; IP banned until 1659146036555.\"}"),
      new Http(429, List.of("Retry-After: 1"), "{\"code\":-1015,\"msg\":\"Too many new orders.\"}"),
      new Http(409, USAGE_HEADERS, CANCEL_REPLACE_409),
      new Http(503, List.of("Content-Type: text/html"), "<html><body><h1>503 Service Unavailable</h1></body></html>"),
      new Http(500, List.of(), ""),
      new Http(403, List.of("Content-Type: text/html"), "<html><body>403 Forbidden</body></html>"),
      new Http(408, USAGE_HEADERS, "{\"code\":-1007,\"msg\":\"Timeout waiting for response from backend server. Send status unknown; execution status unknown.\"}"));
}
