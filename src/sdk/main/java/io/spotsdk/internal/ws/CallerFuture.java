package io.spotsdk.internal.ws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The future a WebSocket call hands its caller. It may be completed on the socket's reader thread, which wakes a
 * caller blocked in {@code join()} or {@code get()} at once, without a hop through an executor; but every stage a
 * caller attaches runs on the completions executor, also the non-async ones ({@code thenApply}, {@code whenComplete},
 * ...), so a caller's slow callback can never stall the reader, nor the completion of any other call. Stages
 * attached after completion run where attached, as with any future.
 */
final class CallerFuture<T> extends CompletableFuture<T> {
  private final Executor callbacks;

  CallerFuture(Executor callbacks) {
    this.callbacks = callbacks;
  }

  /** A future for the caller that settles as {@code inner} does, on the thread that settles {@code inner}. */
  static <T> CallerFuture<T> of(CompletableFuture<T> inner, Executor callbacks) {
    CallerFuture<T> f = new CallerFuture<>(callbacks);
    inner.whenComplete((v, e) -> {
      if (e == null) {
        f.complete(v);
      } else {
        f.completeExceptionally(e);
      }
    });
    return f;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CallerFuture<>(callbacks);
  }

  @Override
  public Executor defaultExecutor() {
    return callbacks;
  }

  @Override
  public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
    return thenApplyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
    return thenAcceptAsync(action, callbacks);
  }

  @Override
  public CompletableFuture<Void> thenRun(Runnable action) {
    return thenRunAsync(action, callbacks);
  }

  @Override
  public <U, V> CompletableFuture<V> thenCombine(CompletionStage<? extends U> other,
      BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, callbacks);
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(CompletionStage<? extends U> other,
      BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, callbacks);
  }

  @Override
  public CompletableFuture<Void> acceptEither(CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, callbacks);
  }

  @Override
  public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> thenCompose(Function<? super T, ? extends CompletionStage<U>> fn) {
    return thenComposeAsync(fn, callbacks);
  }

  @Override
  public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return handleAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return whenCompleteAsync(action, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return exceptionallyAsync(fn, callbacks);
  }

  @Override
  public CompletableFuture<T> exceptionallyCompose(Function<Throwable, ? extends CompletionStage<T>> fn) {
    return exceptionallyComposeAsync(fn, callbacks);
  }
}
