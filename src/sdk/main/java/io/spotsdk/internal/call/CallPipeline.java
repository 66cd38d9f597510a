package io.spotsdk.internal.call;

import io.spotsdk.internal.gate.GateAccess;
import io.spotsdk.internal.gate.GateDecision;
import io.spotsdk.internal.gate.PipelineGate;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.InvalidRequestException;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.internal.Calls;
import io.spotsdk.internal.NoResponse;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.Redaction;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one call path of both transports: prepare (validate, create client ids, check credentials and recvWindow:
 * before the gate, so a request that will never be sent spends no weight), then for each attempt: gate (acquire;
 * hold or refuse), sign (the channel's {@link SigningRule}), send (the transport's {@link Wire}, which classifies
 * the reply with the one classifier), observe (the gate learns from the outcome), and retry as the
 * {@link RetryPolicy} says.
 *
 * <p>Written once over {@link CompletableFuture}. REST's wire and waits complete on the caller's thread, so a REST
 * call runs there from start to end; WebSocket's complete later, on its connection's threads. The gate loop runs
 * in place while waits complete at once, so a synchronous caller never builds a deep stack.
 *
 * <p>Every attempt ends in an outcome: what escapes a stage is judged by whether the write began
 * ({@link NoResponse}). The one exception that reaches the caller is a typed error about the caller's own input,
 * found before anything was sent.
 */
public final class CallPipeline {
  private final String transport;
  private final PipelineGate gate;
  private final Consumer<Outcome<?>> observer;
  private final RetryPolicy retryPolicy;
  private final Waits waits;
  private final Clock clock;
  private final Credentials credentials;
  private final BigDecimal defaultRecvWindow;
  private final Wire wire;
  private final BooleanSupplier closed;
  private final Redaction redaction;
  private final CallLog log;
  private final boolean inputErrorsThrow;

  /**
   * {@code transport} names the records ("REST", "WS") and the logger ("io.spotsdk.rest", "io.spotsdk.ws");
   * {@code observer} is the gate's learning half (normally {@code gate::observe}). With {@code inputErrorsThrow}
   * (REST, whose caller waits) a typed input error found before the write reaches the caller; otherwise (WebSocket,
   * whose futures must complete normally) it is NotSent.
   */
  public CallPipeline(String transport, RateLimitGate gate, Consumer<Outcome<?>> observer, RetryPolicy retryPolicy,
      Waits waits, Clock clock, Credentials credentials, BigDecimal defaultRecvWindow, Wire wire,
      BooleanSupplier closed, boolean inputErrorsThrow) {
    this.inputErrorsThrow = inputErrorsThrow;
    this.transport = transport;
    this.gate = GateAccess.of(gate);
    this.observer = observer;
    this.retryPolicy = retryPolicy;
    this.waits = waits;
    this.clock = clock;
    this.credentials = credentials;
    this.defaultRecvWindow = defaultRecvWindow;
    this.wire = wire;
    this.closed = closed;
    this.redaction = Redaction.of(credentials == null ? null : credentials.apiKey());
    this.log = new CallLog("io.spotsdk." + transport.toLowerCase(java.util.Locale.ROOT), redaction);
  }

  public Redaction redaction() {
    return redaction;
  }

  /** A call ready to go: its parameters final, its input checked; nothing spent, nothing sent. */
  public static final class Call<T> {
    final CallDescriptor<T> descriptor;
    final String operation;
    final Params params;
    final boolean signed;
    final BigDecimal recvWindow;

    private Call(CallDescriptor<T> descriptor, String operation, Params params, boolean signed, BigDecimal recvWindow) {
      this.descriptor = descriptor;
      this.operation = operation;
      this.params = params;
      this.signed = signed;
      this.recvWindow = recvWindow;
    }
  }

  /** Stage 1. Bad input, missing credentials and a bad recvWindow are typed errors here, before the gate. */
  public <T> Call<T> prepare(CallDescriptor<T> descriptor, String operation, RequestParams request, boolean signed) {
    return prepared(descriptor, operation, Calls.prepare(request, descriptor.clientIdParams()), signed);
  }

  /** Stage 1 for parameters the SDK wrote itself (a re-logon). */
  public <T> Call<T> prepared(CallDescriptor<T> descriptor, String operation, Params params, boolean signed) {
    BigDecimal recvWindow = null;
    if (signed) {
      Calls.requireCredentials(operation, descriptor.security(), credentials);
      recvWindow = Calls.recvWindow(operation, params.get("recvWindow"), defaultRecvWindow);
    }
    return new Call<>(descriptor, operation, params, signed, recvWindow);
  }

  /** Runs the call with retries on the wire's channels; the future never fails, except for a typed input error. */
  public <T> CompletableFuture<Outcome<T>> run(Call<T> c) {
    if (closed.getAsBoolean()) {
      return CompletableFuture.completedFuture(NoResponse.clientClosed(c.operation, attempt(c).record()));
    }
    return attempts(c, wire::channel, 1, clock.instant().plus(retryPolicy.deadline()));
  }

  /** One attempt on a given channel, through the gate, without retries (a re-logon on a new connection). */
  public <T> CompletableFuture<Outcome<T>> once(Call<T> c, Wire.Channel channel) {
    return attempt(c, () -> CompletableFuture.completedFuture(channel));
  }

  private <T> CompletableFuture<Outcome<T>> attempts(Call<T> c, Supplier<CompletableFuture<Wire.Channel>> channel,
      int n, Instant giveUpAt) {
    return attempt(c, channel).thenCompose(o -> {
      Duration wait = closed.getAsBoolean() ? null : retryDelay(c, n, o, giveUpAt);
      if (wait == null) {
        return CompletableFuture.completedFuture(o);
      }
      log.retry(c.operation, c.params, n, wait, o);
      // A later attempt that fails before it is sent sent nothing: this outcome stands.
      return waits.after(wait).thenCompose(x -> attempts(c, channel, n + 1, giveUpAt))
          .handle((later, e) -> e == null ? later : o);
    });
  }

  private Duration retryDelay(Call<?> c, int n, Outcome<?> o, Instant giveUpAt) {
    try {
      return retryPolicy.retryDelay(n, c.descriptor.changesState(), o, clock.instant(), giveUpAt);
    } catch (RuntimeException e) {
      return null; // no retry is always safe
    }
  }

  private Attempt attempt(Call<?> c) {
    return new Attempt(c.descriptor, c.operation, transport, c.params, c.recvWindow);
  }

  /** One attempt: through the gate, which lets it pass (signed and sent), holds it, or refuses it. */
  private <T> CompletableFuture<Outcome<T>> attempt(Call<T> c, Supplier<CompletableFuture<Wire.Channel>> channel) {
    Attempt a = attempt(c);
    return throughGate(c, a, () -> signedAndSent(c, a, channel));
  }

  /**
   * Stage 2, the gate, as one stage: acquire before the attempt, observe its outcome after, whatever it was (a
   * refusal, a failure judged by {@link NoResponse}, or a classified response).
   */
  private <T> CompletableFuture<Outcome<T>> throughGate(Call<T> c, Attempt a,
      Supplier<CompletableFuture<Outcome<T>>> send) {
    CompletableFuture<Outcome<T>> f;
    try {
      f = gated(c, a, send);
    } catch (RuntimeException | Error e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handle((o, e) -> o != null ? o : this.<T>failure(c, a, e)).thenApply(o -> {
      observe(c, o);
      log.outcome(c.operation, c.params, o);
      return o;
    });
  }

  /** Acquiring: waits as told (in place while waits complete at once); a refused request never leaves. */
  private <T> CompletableFuture<Outcome<T>> gated(Call<T> c, Attempt a, Supplier<CompletableFuture<Outcome<T>>> next) {
    while (true) {
      if (closed.getAsBoolean()) {
        return CompletableFuture.completedFuture(NoResponse.clientClosed(c.operation, a.record()));
      }
      GateDecision d = gate.tryAcquire(c.descriptor.weightFor(c.params), c.descriptor.orderCount());
      if (d.proceed()) {
        return next.get();
      }
      if (d.refused()) {
        log.refused(c.operation, c.params, d.refusal());
        return CompletableFuture.completedFuture(NoResponse.heldByGate(c.operation, d.refusal(), a.record()));
      }
      log.held(c.operation, c.params, d.waitFor());
      CompletableFuture<Void> w = waits.after(d.waitFor());
      if (!w.isDone()) {
        return w.handle((x, e) -> e).thenCompose(e -> e == null ? gated(c, a, next)
            : CompletableFuture.completedFuture(NoResponse.gateWaitCut(c.operation, a.record())));
      }
      if (w.isCompletedExceptionally()) {
        return CompletableFuture.completedFuture(NoResponse.gateWaitCut(c.operation, a.record()));
      }
    }
  }

  /** Stages 3 and 4: sign by the channel's rule, then send on it. */
  private <T> CompletableFuture<Outcome<T>> signedAndSent(Call<T> c, Attempt a,
      Supplier<CompletableFuture<Wire.Channel>> channel) {
    return channel.get().thenCompose(ch -> {
      try {
        (c.signed ? ch.signing(c.descriptor) : SigningRule.NONE).sign(a);
      } catch (NotSentException e) {
        return CompletableFuture.failedFuture(e);
      }
      return ch.send(c.descriptor, a);
    });
  }

  /** What escaped a stage, judged by whether the write began; a typed input error found before it is rethrown. */
  private <T> Outcome<T> failure(Call<T> c, Attempt a, Throwable thrown) {
    Throwable e = thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    if (e instanceof NotSentException n) {
      return NoResponse.notSent(n.reason(), c.operation, n.getMessage(), a.record());
    }
    if (inputErrorsThrow && e instanceof InvalidRequestException bad && !a.mayHaveBeenSent()) {
      throw bad;
    }
    if (!a.mayHaveBeenSent() && closed.getAsBoolean()) {
      return NoResponse.clientClosed(c.operation, a.record());
    }
    return NoResponse.internalFailure(c.operation, a.mayHaveBeenSent(), redaction.describe(e), a.record());
  }

  /** The outcome stands whatever its observer (the rate-limit gate, learning from it) makes of it. */
  private void observe(Call<?> c, Outcome<?> o) {
    try {
      observer.accept(o);
    } catch (RuntimeException | Error e) {
      log.observerFailed(c.operation, e);
    }
  }
}
