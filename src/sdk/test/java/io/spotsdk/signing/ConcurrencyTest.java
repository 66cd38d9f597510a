package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One signer shared by several threads gives the same signatures as single-threaded signing. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final int PAYLOADS = 50;
  private static final int ROUNDS = 4;
  private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS);

  @AfterAll
  static void shutdown() {
    POOL.shutdownNow();
  }

  private static void assertSameAcrossThreads(Signer shared, Signer reference) throws Exception {
    List<String> payloads = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < PAYLOADS; i++) {
      String p = "symbol=BTCUSDT&quantity=" + i + "&timestamp=" + (1645423376532L + i) + (i % 3 == 0 ? "&n=１２３" : "");
      payloads.add(p);
      expected.add(reference.sign(p));
    }
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t;
      results.add(POOL.submit(() -> {
        start.await();
        int checked = 0;
        for (int r = 0; r < ROUNDS; r++) {
          for (int i = 0; i < PAYLOADS; i++) {
            int k = (i + offset * 7) % PAYLOADS; // threads work on different payloads at the same time
            assertEquals(expected.get(k), shared.sign(payloads.get(k)), "payload " + k);
            checked++;
          }
        }
        return checked;
      }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get(60, TimeUnit.SECONDS);
    }
    assertEquals(THREADS * PAYLOADS * ROUNDS, total);
  }

  @Test
  void hmac() throws Exception {
    HmacSigner shared = new HmacSigner(HmacSignerTest.SECRET);
    assertEquals("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24", shared.sign(
        "apiKey=" + HmacSignerTest.API_KEY + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL"
            + "&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT"));
    assertSameAcrossThreads(shared, new HmacSigner(HmacSignerTest.SECRET));
  }

  @Test
  void ed25519() throws Exception {
    // deterministic signatures, so a second signer over the same key is a valid reference
    assertSameAcrossThreads(new Ed25519Signer(TestKeys.ED25519.getPrivate()),
        new Ed25519Signer(TestKeys.ED25519.getPrivate()));
  }

  @Test
  void rsa() throws Exception {
    assertSameAcrossThreads(new RsaSigner(TestKeys.RSA.getPrivate()), new RsaSigner(TestKeys.RSA.getPrivate()));
  }
}
