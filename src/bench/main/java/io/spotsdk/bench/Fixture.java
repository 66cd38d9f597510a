package io.spotsdk.bench;

/**
 * What every client sends and every reply carries: one account, one order. The server's bytes and the clients'
 * checks both come from here, so a client that gets a different answer fails its benchmark.
 */
public final class Fixture {
  private Fixture() {}

  public static final String API_KEY = "benchApiKey0000000000000000000000000000000000000000000000000000000";
  /** HMAC-SHA256 secret of the bench account; not a real key. */
  public static final String SECRET = "benchSecret000000000000000000000000000000000000000000000000000000";

  public static final String SYMBOL = "BTCUSDT";
  public static final String SIDE = "BUY";
  public static final String TYPE = "LIMIT";
  public static final String TIME_IN_FORCE = "GTC";
  public static final String QUANTITY = "0.00100000";
  public static final String PRICE = "50000.00000000";
  /** Fixed, so the fixed reply echoes it (the SDK checks the echo) and every client sends the same params. */
  public static final String CLIENT_ORDER_ID = "bench-order-000000000000001";
  public static final String RECV_WINDOW = "5000";

  public static final long ORDER_ID = 28457113L;
  public static final long SERVER_TIME = 1764000000123L;
  /** The Binance code of the rejected reply in the frame benchmark (insufficient balance). */
  public static final int REJECT_CODE = -2010;
  /** The code the server answers to a bad signature. */
  public static final int BAD_SIGNATURE_CODE = -1022;

  public static final String ORDER_JSON = "{\"symbol\":\"BTCUSDT\",\"orderId\":28457113,\"orderListId\":-1,"
      + "\"clientOrderId\":\"" + CLIENT_ORDER_ID + "\",\"transactTime\":1764000000123,\"price\":\"50000.00000000\","
      + "\"origQty\":\"0.00100000\",\"executedQty\":\"0.00000000\",\"origQuoteOrderQty\":\"0.00000000\","
      + "\"cummulativeQuoteQty\":\"0.00000000\",\"status\":\"NEW\",\"timeInForce\":\"GTC\",\"type\":\"LIMIT\","
      + "\"side\":\"BUY\",\"workingTime\":1764000000123,\"fills\":[],\"selfTradePreventionMode\":\"EXPIRE_MAKER\"}";
  public static final String TIME_JSON = "{\"serverTime\":" + SERVER_TIME + "}";
  public static final String BAD_SIGNATURE_JSON =
      "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}";
  public static final String REJECT_JSON =
      "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}";

  /**
   * The WebSocket API's rateLimits, realistic in shape. The limits are raised far above Binance's (6000 weight a
   * minute, 100 orders per 10 s): the SDK's gate paces against limits it learns from replies, and a benchmark that
   * places thousands of orders a second would otherwise measure the gate holding requests, as it should.
   */
  public static final String RATE_LIMITS_JSON = "[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\","
      + "\"intervalNum\":1,\"limit\":1000000000,\"count\":3},{\"rateLimitType\":\"ORDERS\",\"interval\":\"SECOND\","
      + "\"intervalNum\":10,\"limit\":1000000000,\"count\":1},{\"rateLimitType\":\"ORDERS\",\"interval\":\"DAY\","
      + "\"intervalNum\":1,\"limit\":1000000000,\"count\":1}]";

  /** A WebSocket API reply around a result or an error; only the id differs between replies. */
  public static String wsSuccess(String id, String resultJson) {
    return "{\"id\":" + id + ",\"status\":200,\"result\":" + resultJson + ",\"rateLimits\":" + RATE_LIMITS_JSON + "}";
  }

  public static String wsError(String id, int status, String errorJson) {
    return "{\"id\":" + id + ",\"status\":" + status + ",\"error\":" + errorJson + ",\"rateLimits\":"
        + RATE_LIMITS_JSON + "}";
  }
}
