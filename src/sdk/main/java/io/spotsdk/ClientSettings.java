package io.spotsdk;

import io.spotsdk.internal.Calls;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.retry.Sleeper;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings both clients share; each client's builder adds its own. Every setting has a safe default, and a
 * value the client could never work with is refused here, with {@link InvalidSettingException} or
 * {@link InvalidRequestException}, before anything is sent.
 *
 * @param <B> the builder type, so that each setter returns the client's own builder
 */
public abstract class ClientSettings<B extends ClientSettings<B>> {
  Environment environment = Environment.TESTNET;
  Credentials credentials;
  Duration connectTimeout;
  Clock clock = Clock.systemUTC();
  BigDecimal recvWindow = BigDecimal.valueOf(5000);
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  Sleeper sleeper = Sleeper.SYSTEM;
  RateLimitGate gate;

  ClientSettings(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Where the client sends: testnet unless set, so production must be chosen explicitly.
   *
   * @param environment {@link Environment#PRODUCTION}, {@link Environment#TESTNET} or a custom one
   * @return this builder
   */
  public B environment(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return self();
  }

  /**
   * The API key and the signer. Signed calls (orders, account) need them; market data does not. Without them a
   * signed call ends {@code NotSent} before anything is written.
   *
   * @param credentials the key and signer, or null for a client that only reads market data
   * @return this builder
   */
  public B credentials(Credentials credentials) {
    this.credentials = credentials;
    return self();
  }

  /**
   * How long opening a connection may take. A call whose connection could not be opened in time provably never
   * left, so it ends {@code NotSent(CONNECT_FAILED)} and may be retried.
   *
   * @param connectTimeout positive
   * @return this builder
   * @throws InvalidSettingException if it is zero or negative
   */
  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return self();
  }

  /**
   * The clock that stamps signed requests and measures waits; inject one in tests.
   *
   * @param clock the time source; the system UTC clock unless set
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * The recvWindow of signed calls that do not give their own: how long after its timestamp the server still
   * accepts a request. 5000 ms unless set; Binance's maximum is 60000.
   *
   * @param recvWindowMillis milliseconds, positive, at most 60000, at most 3 decimals
   * @return this builder
   * @throws InvalidRequestException if the value is outside those bounds
   */
  public B recvWindow(BigDecimal recvWindowMillis) {
    Objects.requireNonNull(recvWindowMillis, "recvWindow");
    this.recvWindow = Calls.checkRecvWindow("client builder", recvWindowMillis);
    return self();
  }

  /**
   * When reads are tried again; calls that change state are never retried once they may have reached the server.
   *
   * @param retryPolicy {@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()} turns retries off
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * How the client waits (backoff, rate-limit holds); inject one in tests so waits are instant and exact.
   *
   * @param sleeper {@link Sleeper#SYSTEM} unless set
   * @return this builder
   */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * The gate to send through. Give the REST and WebSocket clients the same gate: Binance counts weight per IP
   * and orders per account. Default: a gate of this client's own, on its clock.
   *
   * @param gate the gate, shared with the other clients of the same IP and account
   * @return this builder
   */
  public B rateLimitGate(RateLimitGate gate) {
    this.gate = Objects.requireNonNull(gate, "gate");
    return self();
  }

  RateLimitGate gateOrDefault() {
    return gate != null ? gate : RateLimitGate.builder().clock(clock).build();
  }

  static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isZero() || d.isNegative()) {
      throw new InvalidSettingException(name, "must be positive");
    }
    return d;
  }
}
