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

/** The settings both clients share; each client's builder adds its own. Every setting has a safe default. */
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

  /** Testnet unless set; production must be chosen explicitly. */
  public B environment(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
    return self();
  }

  /** API key and signer; signed calls need them. */
  public B credentials(Credentials credentials) {
    this.credentials = credentials;
    return self();
  }

  public B connectTimeout(Duration connectTimeout) {
    this.connectTimeout = positive(connectTimeout, "connectTimeout");
    return self();
  }

  /** The clock that stamps signed requests and measures waits; inject one in tests. */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** Default recvWindow in ms for signed calls (Binance's max is 60000). */
  public B recvWindow(BigDecimal recvWindowMillis) {
    Objects.requireNonNull(recvWindowMillis, "recvWindow");
    this.recvWindow = Calls.checkRecvWindow("client builder", recvWindowMillis);
    return self();
  }

  /** Retries of reads (never of calls that change state once they may have reached the server). */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /** How the client waits (backoff, rate-limit holds); inject one in tests. */
  public B sleeper(Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return self();
  }

  /**
   * The gate to send through. Give the REST and WebSocket clients the same gate: Binance counts weight per IP
   * and orders per account. Default: a gate of this client's own, on its clock.
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
