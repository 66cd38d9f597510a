package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.retry.RetryPolicy;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A caller's slow callback stalls neither the socket nor the completion of any other call: with a completions
 * executor of one thread (the common pool has one worker on 2 CPUs), a callback blocked on that thread must not keep
 * a second call's caller waiting for a reply that has arrived.
 */
class WsCallbackIsolationTest {
  @Test
  void aBlockedCallbackDoesNotHoldBackAnotherCallsReply() throws Exception {
    ExecutorService callbacks = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-callbacks"));
    BlockingQueue<Runnable> held = new LinkedBlockingQueue<>();
    CountDownLatch release = new CountDownLatch(1);
    try (ScriptedWsServer server = ScriptedWsServer.launch();
        SpotWsApiClient client = SpotWsApiClient.builder()
            .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
            .retryPolicy(RetryPolicy.none()).completionExecutor(callbacks).connect()) {
      server.script = (ws, req) -> held.add(() -> ws.send(ScriptedWsServer.ok(req, "{}")));

      CompletableFuture<? extends Outcome<?>> first = client.api().ping();
      Runnable firstReply = held.poll(10, TimeUnit.SECONDS);
      assertTrue(firstReply != null, "the first request reached the server");
      // attached while the call is in flight, so it runs wherever the SDK completes the call
      AtomicReference<String> ranOn = new AtomicReference<>();
      CountDownLatch callbackBlocked = new CountDownLatch(1);
      first.thenAccept(o -> {
        ranOn.set(Thread.currentThread().getName());
        callbackBlocked.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      firstReply.run();
      assertTrue(callbackBlocked.await(10, TimeUnit.SECONDS), "the first call's callback ran");
      assertTrue(ranOn.get().equals("test-callbacks"), "the callback ran on the completions executor, not " + ranOn.get());

      server.script = (ws, req) -> ws.send(ScriptedWsServer.ok(req, "{}"));
      CompletableFuture<? extends Outcome<?>> second = client.api().ping();
      Outcome<?> o = second.get(5, TimeUnit.SECONDS); // TimeoutException: held behind the blocked callback
      assertTrue(o.isSuccess(), "the second call: " + o);
      assertFalse(first.isCompletedExceptionally());
    } finally {
      release.countDown();
      callbacks.shutdownNow();
    }
  }
}
