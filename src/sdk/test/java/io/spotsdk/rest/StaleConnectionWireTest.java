package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.signing.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that closes idle keep-alive connections after 20 ms. Orders sent 50 ms or 500 ms after the previous
 * batch must not go out on the connections it closed: the server would never see them and the client would have to
 * call them unknown. A false unknown is an order the client called Unknown that the server never received.
 */
class StaleConnectionWireTest {
  static final int ORDERS = 20;
  static final Duration SERVER_IDLE_CLOSE = Duration.ofMillis(20);

  private volatile CountDownLatch batch = new CountDownLatch(ORDERS);

  @ParameterizedTest(name = "orders {0} ms after the server closed idle connections")
  @ValueSource(ints = {50, 500})
  void noOrderGoesOutOnAConnectionTheServerClosed(int idleMillis) throws Exception {
    try (RawHttpServer server = RawHttpServer.start(SERVER_IDLE_CLOSE, (req, out) -> {
      // the order echoes the client order id it was placed with, as Binance's does
      byte[] body = RestOutcomeWireTest.ORDER_JSON.replace("\"abc\"", "\"" + req.param("newClientOrderId") + "\"")
          .getBytes(StandardCharsets.UTF_8);
      // Hold every response until the whole batch arrived, so the batch opens (or reuses) ORDERS connections.
      CountDownLatch b = batch;
      b.countDown();
      try {
        b.await(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      RawHttpServer.writeHead(out, 200, "Content-Type: application/json", "Content-Length: " + body.length);
      out.write(body);
      out.flush();
      return true;
    });
        SpotRestClient client = SpotRestClient.builder()
            .environment(Environment.custom(server.uri(), null))
            .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET))
            .readTimeout(Duration.ofSeconds(3))
            .build()) {
      ExecutorService callers = Executors.newFixedThreadPool(ORDERS);

      List<Outcome<Order>> warm = sendBatch(client, callers, "warm");
      assertTrue(warm.stream().allMatch(Outcome::isSuccess), "warm-up batch: " + warm);
      long batchEnded = System.nanoTime();
      assertTrue(server.idleClosed.tryAcquire(ORDERS, 5, TimeUnit.SECONDS), "the server closed the idle connections");
      long waitMore = TimeUnit.MILLISECONDS.toNanos(idleMillis) - (System.nanoTime() - batchEnded);
      if (waitMore > 0) {
        TimeUnit.NANOSECONDS.sleep(waitMore); // the idle time is the scenario, not a synchronisation
      }

      batch = new CountDownLatch(ORDERS);
      List<Outcome<Order>> after = sendBatch(client, callers, "after");
      Set<String> seenIds = server.seen.stream().map(r -> r.param("newClientOrderId")).collect(Collectors.toSet());
      long falseUnknowns = 0;
      for (int i = 0; i < ORDERS; i++) {
        if (after.get(i) instanceof Outcome.Unknown<?> && !seenIds.contains("after-" + i)) {
          falseUnknowns++;
        }
      }
      assertEquals(0, falseUnknowns, "orders called Unknown that the server never saw: " + after);
      assertTrue(after.stream().allMatch(Outcome::isSuccess), "every order after the idle time: " + after);
      callers.shutdownNow();
    }
  }

  private static List<Outcome<Order>> sendBatch(SpotRestClient client, ExecutorService callers, String prefix) {
    List<CompletableFuture<Outcome<Order>>> fs = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String id = prefix + "-" + i;
      fs.add(CompletableFuture.supplyAsync(
          () -> client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId(id)), callers));
    }
    return fs.stream().map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).collect(Collectors.toList());
  }
}
