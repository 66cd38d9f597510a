package io.spotsdk.fuzz;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated REST responses, bodies and headers alike (lying Content-Length, absurd Retry-After and usage headers,
 * broken chunking, odd status lines), from a raw server on 127.0.0.1. Each try: the call returns an outcome and
 * throws nothing, a success carries a value, and the next call on the same client works. Fixed seed.
 */
class RestResponseFuzzTest {
  static final String KEY = "fuzzKey00000000000000000000000000000000000000000000000000000000001";
  static final String SECRET = "fuzzSecret0000000000000000000000000000000000000000000000000000001";
  static final byte[] TIME_BODY = "{\"serverTime\":1499827319559}".getBytes(StandardCharsets.UTF_8);
  static final byte[] TIME = RawHttpServer.response("HTTP/1.1 200 OK",
      List.of("Content-Type: application/json", "Content-Length: " + TIME_BODY.length, "Connection: close"), TIME_BODY);

  enum HeaderChange {
    NONE, LENGTH_3G, LENGTH_2G, LENGTH_NEGATIVE, LENGTH_GARBAGE, LENGTH_SHORT, LENGTH_TWICE, RETRY_AFTER_HUGE,
    RETRY_AFTER_NEGATIVE, RETRY_AFTER_GARBAGE, RETRY_AFTER_DATE, WEIGHT_HUGE, WEIGHT_GARBAGE, CHUNKED_BROKEN,
    STATUS_ODD, NO_STATUS_TEXT
  }

  static RawHttpServer server;
  static SpotRestClient client;
  static final WsFrameFuzzTest.JumpingClock gateClock = new WsFrameFuzzTest.JumpingClock();

  @BeforeContainer
  static void start() throws Exception {
    server = new RawHttpServer(line -> TIME);
    client = SpotRestClient.builder()
        .environment(Environment.custom(server.uri(), URI.create("ws://127.0.0.1:1/ws-api/v3")))
        .credentials(Credentials.hmac(KEY, SECRET))
        .rateLimitGate(RateLimitGate.builder().clock(gateClock).build())
        .readTimeout(Duration.ofMillis(1500))
        .build();
  }

  static final java.util.Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentSkipListMap<>();

  @AfterContainer
  static void stop() throws Exception {
    System.out.println("rest-fuzz: " + outcomes.values().stream().mapToInt(Integer::intValue).sum() + " mutated replies, outcomes "
        + outcomes);
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.integers().between(0, 100_000),
        Arbitraries.longs()).as(Mutation::new);
  }

  @Property(tries = 1000, seed = "20261122")
  void everyCallReturnsAnOutcomeAndTheClientKeepsWorking(@ForAll("mutations") Mutation body,
      @ForAll HeaderChange header, @ForAll @IntRange(min = 0, max = 8) int which, @ForAll long seed) {
    gateClock.jump();
    Corpus.Http base = Corpus.HTTP.get(which);
    byte[] raw = build(base, body, header, new Random(seed));
    server.next.set(line -> line.contains("/api/v3/order") ? raw : TIME);
    String what = "body " + body + ", header " + header + ", response " + which;
    Supplier<Outcome<?>> call = base.status() == 409
        ? () -> client.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest().symbol("BTCUSDT")
            .side(OrderSide.BUY).type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE)
            .cancelOrderId(28L).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("52000.00")))
        : () -> client.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY)
            .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("52000.00")));
    Outcome<?> o;
    try {
      o = call.get();
    } catch (RuntimeException | Error e) {
      throw new AssertionError("the call threw instead of returning an outcome (" + what + ")", e);
    }
    assertNotNull(o, what);
    if (o instanceof Outcome.Success<?> s) {
      assertNotNull(s.value(), "a success carries a value: " + what);
    }
    assertNotNull(o.toString());
    outcomes.merge(o instanceof Outcome.Unknown<?> u ? "Unknown(" + u.cause() + ")"
        : o instanceof Outcome.NotSent<?> n ? "NotSent(" + n.reason() + ")" : o.getClass().getSimpleName(), 1, Integer::sum);

    server.next.set(line -> TIME);
    gateClock.jump(); // past any ban or back-off the fuzzed response rightly caused
    Outcome<?> after = client.market().serverTime();
    assertInstanceOf(Outcome.Success.class, after, "the next call works after " + what + ": " + after);
  }

  static byte[] build(Corpus.Http base, Mutation bodyMutation, HeaderChange change, Random rnd) {
    byte[] body = bodyMutation.apply(base.body().replace("%CID%", "fuzz-cid"));
    String statusLine = "HTTP/1.1 " + base.status() + " Status";
    List<String> headers = new ArrayList<>(base.headers());
    if (base.headers().stream().noneMatch(h -> h.startsWith("Content-Type"))) {
      headers.add("Content-Type: application/json;charset=UTF-8");
    }
    String length = "Content-Length: " + body.length;
    switch (change) {
      case LENGTH_3G -> length = "Content-Length: 3000000000";
      case LENGTH_2G -> length = "Content-Length: 2000000000";
      case LENGTH_NEGATIVE -> length = "Content-Length: -5";
      case LENGTH_GARBAGE -> length = "Content-Length: twelve";
      case LENGTH_SHORT -> length = "Content-Length: " + Math.max(0, body.length - 1 - rnd.nextInt(10));
      case LENGTH_TWICE -> headers.add("Content-Length: " + (body.length + 7));
      case RETRY_AFTER_HUGE -> headers.add("Retry-After: 99999999999999999" + (rnd.nextBoolean() ? "999999" : ""));
      case RETRY_AFTER_NEGATIVE -> headers.add("Retry-After: -" + rnd.nextInt(1_000_000));
      case RETRY_AFTER_GARBAGE -> headers.add("Retry-After: soon");
      case RETRY_AFTER_DATE -> headers.add("Retry-After: Wed, 21 Oct 2015 07:28:00 GMT");
      case WEIGHT_HUGE -> headers.add("X-MBX-USED-WEIGHT-1M: 99999999999999999999999");
      case WEIGHT_GARBAGE -> headers.add("X-MBX-USED-WEIGHT-" + rnd.nextInt(1000) + "Q: -x");
      case CHUNKED_BROKEN -> {
        length = "Transfer-Encoding: chunked";
        body = ("zz\r\n" + new String(body, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
      }
      case STATUS_ODD -> statusLine = "HTTP/1.1 " + new int[] {199, 299, 302, 600, 999, 0}[rnd.nextInt(6)] + " Odd";
      case NO_STATUS_TEXT -> statusLine = "HTTP/1.1 " + base.status();
      default -> { }
    }
    headers.add(length);
    headers.add("Connection: close");
    return RawHttpServer.response(statusLine, headers, body);
  }
}
