package io.spotsdk.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.retry.RetryPolicy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Opening and closing many clients leaves no thread behind. */
class WsThreadsTest {
  static final Pattern JDK_SELECTOR = Pattern.compile("HttpClient-\\d+-SelectorManager");
  static final Pattern JDK_WORKER = Pattern.compile("HttpClient-\\d+-Worker-\\d+");
  static final Pattern SDK_IO = Pattern.compile("spot-sdk-ws-io-\\d+");
  static final Pattern SDK_TIMER = Pattern.compile("spot-sdk-ws-timer");

  @Test
  void closingClientsReleasesTheirThreads() throws Exception {
    Map<String, Integer> before = census();
    Map<String, Integer> peak = new TreeMap<>();
    try (ScriptedWsServer server = ScriptedWsServer.launch()) {
      for (int round = 0; round < 3; round++) {
        List<SpotWsApiClient> open = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          open.add(SpotWsApiClient.builder()
              .environment(Environment.custom(URI.create("http://127.0.0.1"), server.uri()))
              .retryPolicy(RetryPolicy.none()).connect());
        }
        for (SpotWsApiClient c : open) {
          assertTrue(c.blocking().ping().isSuccess());
        }
        census().forEach((k, v) -> peak.merge(k, v, Math::max));
        for (SpotWsApiClient c : open) {
          c.close();
        }
      }
    }
    Map<String, Integer> after = census();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while ((after.get("sdk-io") > before.get("sdk-io") || after.get("sdk-timer") > before.get("sdk-timer"))
        && System.nanoTime() < end) {
      Thread.sleep(20); // threads end on their own schedule; we only observe them
      after = census();
    }
    System.out.println("ws-threads: 30 clients opened and closed; before " + before + ", peak " + peak + ", after "
        + after);
    assertTrue(after.get("jdk-selector") - before.get("jdk-selector") <= 1,
        "one JDK selector thread for all clients, not one per client: " + after);
    assertEquals(before.get("jdk-worker"), after.get("jdk-worker"), "no JDK default-executor worker");
    assertEquals(before.get("sdk-io"), after.get("sdk-io"), "the SDK's io threads end once every client is closed");
    assertEquals(before.get("sdk-timer"), after.get("sdk-timer"), "each client's timer ends with it");
  }

  static Map<String, Integer> census() {
    Map<String, Integer> m = new TreeMap<>(Map.of("jdk-selector", 0, "jdk-worker", 0, "sdk-io", 0, "sdk-timer", 0));
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!t.isAlive()) {
        continue;
      }
      String n = t.getName();
      if (JDK_SELECTOR.matcher(n).matches()) {
        m.merge("jdk-selector", 1, Integer::sum);
      } else if (JDK_WORKER.matcher(n).matches()) {
        m.merge("jdk-worker", 1, Integer::sum);
      } else if (SDK_IO.matcher(n).matches()) {
        m.merge("sdk-io", 1, Integer::sum);
      } else if (SDK_TIMER.matcher(n).matches()) {
        m.merge("sdk-timer", 1, Integer::sum);
      }
    }
    return m;
  }
}
