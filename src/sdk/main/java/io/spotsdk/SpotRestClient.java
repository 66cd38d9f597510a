package io.spotsdk;

import io.spotsdk.core.RestCaller;
import io.spotsdk.internal.Json;
import io.spotsdk.internal.OutcomeClassifier;
import io.spotsdk.internal.http.ApacheHttpTransport;
import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.TransportSettings;
import io.spotsdk.internal.rest.RestRuntime;
import io.spotsdk.internal.rest.TransportStage;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.ratelimit.RateLimitGate;
import java.time.Duration;

/**
 * The Binance Spot REST client. Thread-safe; create one per process (or per API key) and close it at the end.
 *
 * <pre>{@code
 * try (SpotRestClient client = SpotRestClient.builder()            // testnet unless told otherwise
 *     .credentials(Credentials.ed25519(apiKey, pkcs8Pem))
 *     .build()) {
 *   Outcome<Order> o = client.trade().newOrder(new TradeApi.NewOrderRequest()
 *       .symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT)
 *       .timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.001")).price(new BigDecimal("50000")));
 *   if (o instanceof Outcome.Unknown<Order> u) { ... settle by query, never resend ... }
 * }
 * }</pre>
 */
public final class SpotRestClient implements AutoCloseable {
  static {
    io.spotsdk.internal.ClientCallers.installRest(client -> ((SpotRestClient) client).runtime);
  }

  private final HttpTransport transport;
  private final RestRuntime runtime;
  private final MarketApi market;
  private final TradeApi trade;
  private final AccountApi account;
  private final Environment environment;
  private final RateLimitGate gate;

  private SpotRestClient(Builder b) {
    this.environment = b.environment;
    this.transport = new ApacheHttpTransport(new TransportSettings(b.connectTimeout, b.readTimeout,
        b.responseDeadline != null ? b.responseDeadline : b.readTimeout.multipliedBy(2), b.maxResponseBodyBytes,
        b.maxConnections, io.spotsdk.internal.SdkVersion.USER_AGENT));
    this.gate = b.gateOrDefault();
    this.runtime = new RestRuntime(new TransportStage(transport, b.environment.restBaseUri(), b.clock),
        new OutcomeClassifier(Json.MAPPER, b.clock), gate, io.spotsdk.internal.gate.GateAccess.of(gate)::observe, b.retryPolicy, b.sleeper, b.clock,
        b.credentials, b.recvWindow);
    this.market = new MarketApi(runtime);
    this.trade = new TradeApi(runtime);
    this.account = new AccountApi(runtime);
  }

  /**
   * Starts a client for testnet with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Market data, unsigned: ping, time, exchangeInfo.
   *
   * @return the market operations of this client
   */
  public MarketApi market() {
    return market;
  }

  /**
   * Orders: place, test, cancel, cancelReplace, cancel all. None is ever resent once it may have reached the server.
   *
   * @return the trade operations of this client
   */
  public TradeApi trade() {
    return trade;
  }

  /**
   * Signed reads: query order, open orders, account, order rate limits. These settle an UNKNOWN order.
   *
   * @return the account operations of this client
   */
  public AccountApi account() {
    return account;
  }


  /**
   * Where this client sends.
   *
   * @return the environment it was built with
   */
  public Environment environment() {
    return environment;
  }

  /**
   * The rate-limit gate this client sends through; share it with the WebSocket client.
   *
   * @return the gate
   */
  public RateLimitGate rateLimitGate() {
    return gate;
  }

  /** Releases connections and the client's thread. Later calls return NotSent(CLIENT_CLOSED). Idempotent. */
  @Override
  public void close() {
    runtime.close();
    transport.close();
  }

  @Override
  public String toString() {
    return "SpotRestClient[" + environment.name() + " " + environment.restBaseUri() + "]";
  }

  /** Builder; every setting has a safe default except credentials, which signed calls need. */
  public static final class Builder extends ClientSettings<Builder> {
    /**
     * 16 MiB. The largest body among this SDK's operations is an unfiltered exchangeInfo (every symbol with its
     * filters and permission sets), a few MiB and growing with listings; 16 MiB leaves it room. Memory follows the
     * bytes received, not this number, so the cap costs nothing on normal responses and bounds a broken or hostile
     * server at 16 MiB per concurrent call.
     */
    static final int DEFAULT_MAX_RESPONSE_BODY_BYTES = 16 * 1024 * 1024;
    /** The largest array a JVM reliably allocates. */
    private static final long MAX_BODY_CAP = Integer.MAX_VALUE - 8;

    // Binance's matching engine answers -1007 after 10 s; wait a little longer than that for the reply.
    private Duration readTimeout = Duration.ofSeconds(15);
    private Duration responseDeadline;
    private int maxResponseBodyBytes = DEFAULT_MAX_RESPONSE_BODY_BYTES;
    private int maxConnections = 32;

    private Builder() {
      super(Duration.ofSeconds(5));
    }

    /**
     * The longest silence while waiting for response bytes after the request was written; past it the outcome is
     * UNKNOWN (TIMEOUT). It restarts with every byte received: {@link #responseDeadline} bounds the whole response.
     * Default 15 s, longer than the 10 s after which Binance's matching engine answers -1007.
     *
     * @param readTimeout positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The longest time from writing a request to the last byte of its response, however the bytes trickle in;
     * past it the outcome is UNKNOWN (TIMEOUT). Each attempt has its own; reads keep their overall retry deadline
     * ({@link io.spotsdk.retry.RetryPolicy#deadline()}). Default: twice the read timeout, i.e. the read timeout
     * for the response to begin (Binance answers within about 10 s, -1007 at worst) and as long again for it to
     * arrive whole.
     *
     * @param responseDeadline positive
     * @return this builder
     * @throws InvalidSettingException if it is zero or negative
     */
    public Builder responseDeadline(Duration responseDeadline) {
      this.responseDeadline = positive(responseDeadline, "responseDeadline");
      return this;
    }

    /**
     * The largest response body taken in, in bytes (default 16 MiB). A longer body is cut off, the connection
     * dropped, and the outcome is UNKNOWN (UNREADABLE_RESPONSE) with the first bytes of the body kept. A declared
     * Content-Length is never trusted to size memory.
     *
     * @param maxResponseBodyBytes at least 1, below 2 GiB
     * @return this builder
     * @throws InvalidSettingException if it is out of that range
     */
    public Builder maxResponseBodyBytes(long maxResponseBodyBytes) {
      if (maxResponseBodyBytes < 1 || maxResponseBodyBytes > MAX_BODY_CAP) {
        throw new InvalidSettingException("maxResponseBodyBytes", "must be in [1, " + MAX_BODY_CAP + "]");
      }
      this.maxResponseBodyBytes = (int) maxResponseBodyBytes;
      return this;
    }

    /**
     * How many connections the client keeps open at most (default 32); further concurrent calls wait for one.
     *
     * @param maxConnections at least 1
     * @return this builder
     * @throws InvalidSettingException if it is below 1
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new InvalidSettingException("maxConnections", "must be >= 1");
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Makes the client. Nothing is connected yet: the first call opens a connection.
     *
     * @return the client; close it when done
     */
    public SpotRestClient build() {
      return new SpotRestClient(this);
    }
  }
}
