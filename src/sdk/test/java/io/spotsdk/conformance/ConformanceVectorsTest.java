package io.spotsdk.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.outcome.ErrorDetails;
import io.spotsdk.outcome.OrderOrError;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.RateLimitUsage;
import io.spotsdk.outcome.UsageKey;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.retry.RetryPolicy;
import io.spotsdk.signing.Credentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every conformance vector of the spec bundle (generated/spec/conformance), run through the SDK on the wire: a
 * loopback HTTP server answers with exactly the case's status, headers and body bytes, a loopback WebSocket server
 * with its reply frame; the SDK's clock reads the case's {@code now}. Each case is one test named by its file.
 */
class ConformanceVectorsTest {
  static final String KEY = "conformanceKey000000000000000000000000000000000000000000000000001";
  static final String SECRET = "conformanceSecret000000000000000000000000000000000000000000000001";

  static CaseHttpServer http;
  static CaseWsServer ws;
  static String ed25519Pem;
  /** Each vector file run and whether it passed, for the TypeScript module's cross-check (src/ts/scripts/cross-check.js). */
  static final Map<String, String> RESULTS = java.util.Collections.synchronizedMap(new TreeMap<>());
  static final Path RESULTS_FILE = Path.of("src", "sdk", "target", "conformance", "java-results.json");

  @BeforeAll
  static void start() throws Exception {
    http = new CaseHttpServer();
    ws = CaseWsServer.launch();
    byte[] der = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
    ed25519Pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
  }

  @AfterAll
  static void stop() throws Exception {
    if (http != null) {
      http.close();
    }
    if (ws != null) {
      ws.close();
    }
  }

  @AfterAll
  static void writeResults() throws Exception {
    if (RESULTS.isEmpty()) {
      return;
    }
    Files.createDirectories(RESULTS_FILE.getParent());
    Map<String, Object> doc = new java.util.LinkedHashMap<>();
    doc.put("runner", "java");
    doc.put("specSha256", Files.readString(ConformanceCase.BUNDLE.resolve("SPEC-SHA256")).trim());
    doc.put("results", RESULTS);
    ConformanceCase.JSON.writerWithDefaultPrettyPrinter().writeValue(RESULTS_FILE.toFile(), doc);
  }

  @TestFactory
  Stream<DynamicTest> everyVector() {
    List<Path> files = ConformanceCase.files();
    assertFalse(files.isEmpty(), "no conformance vectors under " + ConformanceCase.DIR + ": the spec bundle was not built");
    return files.stream().map(f -> {
      String file = ConformanceCase.BUNDLE.relativize(f).toString().replace('\\', '/');
      return DynamicTest.dynamicTest(file, () -> {
        RESULTS.put(file, "fail");
        run(ConformanceCase.read(f));
        RESULTS.put(file, "pass");
      });
    });
  }

  /** Coverage comes from the meanings table: every operation, every exact status and every code override has a case. */
  @Test
  void everyOperationStatusAndCodeOfTheTableHasACase() throws Exception {
    Set<String> files = new HashSet<>();
    Set<String> operations = new HashSet<>();
    for (Path f : ConformanceCase.files()) {
      ConformanceCase c = ConformanceCase.read(f);
      files.add(c.file());
      operations.add(c.transport() + "/" + c.operation());
    }
    JsonNode table = ConformanceCase.JSON.readTree(ConformanceCase.BUNDLE.resolve("meanings.json").toFile());
    List<String> missing = new ArrayList<>();
    assertTrue(table.path("operations").size() > 0, "meanings.json lists no operations");
    for (JsonNode op : table.path("operations")) {
      String id = op.path("transport").asText() + "/" + op.path("operationId").asText();
      if (!operations.contains(id)) {
        missing.add(id + " (no case at all)");
      }
      for (JsonNode s : op.path("statuses")) {
        String status = s.path("status").asText();
        if (!status.endsWith("XX") && !files.contains("conformance/" + id + "/" + status + ".json")) {
          missing.add(id + " status " + status);
        }
        for (JsonNode o : s.path("codeOverrides")) {
          String prefix = "conformance/" + id + "/";
          String suffix = "-code" + o.path("code").asInt() + ".json";
          if (files.stream().noneMatch(x -> x.startsWith(prefix) && x.endsWith(suffix) && !x.substring(prefix.length()).contains("/"))) {
            missing.add(id + " status " + status + " code " + o.path("code").asInt());
          }
        }
      }
    }
    assertTrue(missing.isEmpty(), "meanings.json entries without a conformance case: " + missing);
  }

  private void run(ConformanceCase c) {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(c.now()), ZoneOffset.UTC);
    Outcome<?> outcome;
    int requests;
    if (c.transport().equals("rest")) {
      http.answer(c);
      try (SpotRestClient client = SpotRestClient.builder()
          .environment(Environment.custom(http.uri(), URI.create("ws://127.0.0.1:1/ws-api/v3")))
          .credentials(Credentials.hmac(KEY, SECRET))
          .clock(clock)
          .rateLimitGate(RateLimitGate.builder().clock(clock).build())
          .retryPolicy(RetryPolicy.none())
          .readTimeout(Duration.ofSeconds(5))
          .build()) {
        outcome = OperationInvoker.call(List.of(client.market(), client.trade(), client.account()), c.operation(), c.params());
      }
      requests = http.requests.get();
    } else {
      ws.answer(c);
      try (SpotWsApiClient client = SpotWsApiClient.builder()
          .environment(Environment.custom(URI.create("http://127.0.0.1:1"), ws.uri()))
          .credentials(Credentials.ed25519(KEY, ed25519Pem))
          .clock(clock)
          .rateLimitGate(RateLimitGate.builder().clock(clock).build())
          .retryPolicy(RetryPolicy.none())
          .requestTimeout(Duration.ofSeconds(5))
          .connect()) {
        outcome = OperationInvoker.call(List.of(client.blocking()), c.operation(), c.params());
      }
      requests = ws.requests.get();
    }
    List<String> wrong = check(c, outcome);
    if (requests != 1) {
      wrong.add(0, "the server got " + requests + " requests, expected exactly 1");
    }
    if (!wrong.isEmpty()) {
      throw new AssertionError(c.file() + " (" + c.name() + "): " + String.join("; ", wrong) + "\n  outcome: " + outcome);
    }
  }

  static String outcomeName(Outcome<?> o) {
    if (o instanceof Outcome.Success<?>) {
      return "SUCCESS";
    } else if (o instanceof Outcome.Rejected<?>) {
      return "REJECTED";
    } else if (o instanceof Outcome.RateLimited<?>) {
      return "RATE_LIMITED";
    } else if (o instanceof Outcome.IpBanned<?>) {
      return "IP_BANNED";
    } else if (o instanceof Outcome.WafBlocked<?>) {
      return "WAF_BLOCKED";
    } else if (o instanceof Outcome.PartiallyExecuted<?>) {
      return "PARTIAL";
    } else if (o instanceof Outcome.Unknown<?>) {
      return "UNKNOWN";
    }
    return "NOT_SENT";
  }

  private static List<String> check(ConformanceCase c, Outcome<?> o) {
    JsonNode e = c.expect();
    List<String> wrong = new ArrayList<>();
    String actual = outcomeName(o);
    if (!actual.equals(c.outcome())) {
      wrong.add("outcome " + actual + ", expected " + c.outcome());
    }
    ErrorDetails details = o.error().orElse(null);
    if (e.has("code")) {
      Integer want = e.get("code").isNull() ? null : e.get("code").asInt();
      Integer got = details == null ? null : details.code();
      if (want == null ? got != null : !want.equals(got)) {
        wrong.add("code " + got + ", expected " + want);
      }
    }
    checkUsage(e.path("usage"), o.usage(), wrong);
    if (e.has("retryAt")) {
      Instant got = o instanceof Outcome.RateLimited<?> r ? r.retryAt() : o instanceof Outcome.IpBanned<?> b ? b.bannedUntil() : null;
      Long want = e.get("retryAt").isNull() ? null : e.get("retryAt").asLong();
      Long gotMs = got == null ? null : got.toEpochMilli();
      if (want == null ? gotMs != null : !want.equals(gotMs)) {
        wrong.add("retryAt " + gotMs + ", expected " + want);
      }
    }
    if (e.path("rawKept").asBoolean(false)) {
      String want = new String(c.body(), StandardCharsets.UTF_8);
      String got = details == null ? null : details.rawBody();
      if (got != null && c.transport().equals("ws")) {
        got = got.replaceFirst("^\\{\"id\":[0-9]+", "{\"id\":{{id}}");
      }
      if (!want.equals(got)) {
        wrong.add("raw body " + (got == null ? "not kept" : "kept as <" + got + ">") + ", expected <" + want + ">");
      }
    }
    if (e.has("result")) {
      if (o instanceof Outcome.Success<?> s) {
        JsonNode tree = ConformanceCase.JSON.valueToTree(s.value());
        e.get("result").fields().forEachRemaining(p -> {
          if (!sameJson(tree.at(p.getKey()), p.getValue())) {
            wrong.add("result " + p.getKey() + " is " + tree.at(p.getKey()) + ", expected " + p.getValue());
          }
        });
      } else {
        wrong.add("no result to check");
      }
    }
    if (e.has("halves")) {
      CancelReplaceResponse h = o instanceof Outcome.PartiallyExecuted<?> p ? p.halves()
          : o instanceof Outcome.Rejected<?> r ? r.cancelReplace() : null;
      if (h == null) {
        wrong.add("no typed halves");
      } else {
        Map<String, String> got = new HashMap<>();
        got.put("cancelResult", h.cancelResult() == null ? null : h.cancelResult().wireValue());
        got.put("newOrderResult", h.newOrderResult() == null ? null : h.newOrderResult().wireValue());
        got.put("cancelResponse", half(h.cancelResponse()));
        got.put("newOrderResponse", half(h.newOrderResponse()));
        e.get("halves").fields().forEachRemaining(p -> {
          if (!p.getValue().asText().equals(got.get(p.getKey()))) {
            wrong.add("halves." + p.getKey() + " is " + got.get(p.getKey()) + ", expected " + p.getValue().asText());
          }
        });
      }
    }
    return wrong;
  }

  /** JSON equality in which 28 (int) and 28 (long) are the same number. */
  private static boolean sameJson(JsonNode a, JsonNode b) {
    return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue())
        : x.equals(y) ? 0 : 1, b);
  }

  private static String half(OrderOrError h) {
    return h == null ? "absent" : h instanceof OrderOrError.Executed ? "executed" : "failed";
  }

  private static void checkUsage(JsonNode expected, RateLimitUsage usage, List<String> wrong) {
    Map<String, Long> wantCounts = new HashMap<>();
    Map<String, Long> wantLimits = new HashMap<>();
    for (JsonNode u : expected) {
      String key = u.path("rateLimitType").asText() + "/" + u.path("intervalNum").asInt() + u.path("interval").asText();
      if (u.has("count")) {
        wantCounts.put(key, u.get("count").asLong());
      }
      if (u.has("limit")) {
        wantLimits.put(key, u.get("limit").asLong());
      }
    }
    Map<String, Long> gotCounts = keyed(usage.counts());
    Map<String, Long> gotLimits = keyed(usage.limits());
    if (!wantCounts.equals(gotCounts)) {
      wrong.add("usage counts " + gotCounts + ", expected " + wantCounts);
    }
    if (!wantLimits.equals(gotLimits)) {
      wrong.add("usage limits " + gotLimits + ", expected " + wantLimits);
    }
  }

  private static Map<String, Long> keyed(Map<UsageKey, Long> m) {
    Map<String, Long> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k.type().wireValue() + "/" + k.intervalNum() + k.interval().wireValue(), v));
    return out;
  }
}
