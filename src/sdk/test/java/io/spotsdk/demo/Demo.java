package io.spotsdk.demo;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.CancelReplaceMode;
import io.spotsdk.model.CancelReplaceResponse;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.ratelimit.RateLimitGate;
import io.spotsdk.reconcile.OrderLookup;
import io.spotsdk.reconcile.Reconciler;
import io.spotsdk.reconcile.Settled;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import io.spotsdk.testkit.Fault;
import io.spotsdk.testkit.Match;
import io.spotsdk.testkit.SimConfig;
import io.spotsdk.testkit.SpotSimulator;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Every outcome, against the embedded simulator on 127.0.0.1: no keys, no network. Run by the README's main
 * command. The simulator is told which fault to inject before each step; the SDK does not know.
 */
public final class Demo {
  private static final String KEY = "demoKey00000000000000000000000000000000000000000000000000000000001";
  private static final String SECRET = "demoSecret0000000000000000000000000000000000000000000000000000001";

  private Demo() {}

  public static void main(String[] args) {
    SimConfig config = SimConfig.defaults().withBanDuration(Duration.ofSeconds(1));
    try (SpotSimulator sim = SpotSimulator.start(config)) {
      sim.addHmacAccount(KEY, SECRET);
      Environment local = Environment.custom(sim.restBaseUri(), sim.wsApiUri());
      Credentials creds = Credentials.hmac(KEY, SECRET);
      // fail fast, to show it; the simulator's bans last 1 s, not Binance's 2 minutes at least
      RateLimitGate gate = RateLimitGate.builder().maxWait(Duration.ofMillis(100)).banFloor(config.banDuration()).build();
      try (SpotRestClient rest = SpotRestClient.builder().environment(local).credentials(creds).rateLimitGate(gate)
              .recvWindow(new BigDecimal("1000")).readTimeout(Duration.ofSeconds(1)).build();
          SpotWsApiClient ws = SpotWsApiClient.builder().environment(local).credentials(creds).rateLimitGate(gate)
              .recvWindow(new BigDecimal("1000")).requestTimeout(Duration.ofSeconds(1)).connect()) {
        Reconciler reconciler = Reconciler.builder(OrderLookup.rest(rest)).skewAllowance(Duration.ofMillis(100)).build();
        String orderPath = "/api/v3/order";

        title("1. success");
        Outcome<Order> ok = rest.trade().newOrder(buy("30000.00"));
        show(ok);

        title("2. rejected (definite: not executed)");
        show(rest.trade().newOrder(buy("30000.00").symbol("NOSUCHPAIR")));

        title("3. WAF blocked (403 with an HTML body; never retried)");
        sim.faults().next(Match.rest("POST", orderPath), Fault.WAF_403_HTML);
        show(rest.trade().newOrder(buy("30000.00")));

        title("4. rate limited (429 with Retry-After)");
        sim.faults().next(Match.rest("POST", orderPath), Fault.RATE_LIMIT_429);
        show(rest.trade().newOrder(buy("30000.00")));
        System.out.println("   next request, held by the gate instead of sent: " + brief(rest.market().ping()));

        title("5. banned (418): nothing leaves until the ban ends");
        waitOut(gate);
        long before = sim.ledger().totalRequests();
        sim.faults().next(Match.rest("POST", orderPath), Fault.BAN_418);
        show(rest.trade().newOrder(buy("30000.00")));
        System.out.println("   REST during the ban: " + brief(rest.market().ping()));
        System.out.println("   WS during the ban:   " + brief(ws.blocking().ping()));
        System.out.println("   requests that reached the server since the 418: " + (sim.ledger().totalRequests() - before - 1)
            + " (simulator counted " + sim.ledger().requestsDuringBan() + " during the ban)");
        waitOut(gate);

        title("6. partially executed (409 cancelReplace: both halves typed)");
        Order target = rest.trade().newOrder(buy("30100.00")).orThrow();
        sim.faults().next(Match.rest("POST", "/api/v3/order/cancelReplace"), Fault.PARTIAL_409);
        Outcome<CancelReplaceResponse> partial = rest.trade().cancelReplaceOrder(new TradeApi.CancelReplaceOrderRequest()
            .symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT).cancelReplaceMode(CancelReplaceMode.ALLOW_FAILURE)
            .cancelOrderId(target.orderId()).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01"))
            .price(new BigDecimal("30200.00")));
        show(partial);
        if (partial instanceof Outcome.PartiallyExecuted<CancelReplaceResponse> p) {
          System.out.println("   cancel half: " + p.halves().cancelResult() + " -> " + p.halves().cancelResponse());
          System.out.println("   new half:    " + p.halves().newOrderResult() + " -> " + p.halves().newOrderResponse());
        }

        title("7. unknown (executed, then 503 HTML) -> reconciled by query: EXECUTED");
        sim.faults().next(Match.rest("POST", orderPath), Fault.EXECUTE_THEN_503_HTML);
        Settled s1 = reconciler.placeAndReconcile(() -> rest.trade().newOrder(buy("30000.00")));
        show(s1.outcome());
        System.out.println("   " + s1.reconciliation());

        title("8. unknown (not executed, 500) -> reconciled by query: NOT_EXECUTED");
        sim.faults().next(Match.rest("POST", orderPath), Fault.NO_EXECUTE_500);
        Settled s2 = reconciler.placeAndReconcile(() -> rest.trade().newOrder(buy("30000.00")));
        show(s2.outcome());
        System.out.println("   " + s2.reconciliation());

        title("9. WebSocket: executed, then no reply -> unknown -> reconciled over the WebSocket API");
        sim.faults().next(Match.ws("order.place"), Fault.EXECUTE_THEN_NO_REPLY);
        Outcome<Order> silent = ws.blocking().orderPlace(new OrderPlaceParams().symbol("BTCUSDT").side(OrderSide.BUY)
            .type(OrderType.LIMIT).timeInForce(TimeInForce.GTC).quantity(new BigDecimal("0.01")).price(new BigDecimal("30000.00")));
        show(silent);
        if (silent instanceof Outcome.Unknown<Order> u) {
          System.out.println("   " + Reconciler.builder(OrderLookup.ws(ws)).skewAllowance(Duration.ofMillis(100)).build().reconcile(u));
        }

        System.out.println();
        System.out.println("Simulator ledger: " + sim.ledger().orders(KEY).size() + " orders, "
            + sim.ledger().duplicateClientOrderIdAttempts() + " duplicate client order ids, "
            + sim.ledger().requestsDuringBan() + " requests during a ban.");
      }
    }
  }

  private static TradeApi.NewOrderRequest buy(String price) {
    return new TradeApi.NewOrderRequest().symbol("BTCUSDT").side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
        .quantity(new BigDecimal("0.01")).price(new BigDecimal(price));
  }

  private static void waitOut(RateLimitGate gate) {
    java.time.Instant until = gate.bannedUntil();
    if (until != null) {
      try {
        Thread.sleep(Math.max(0, Duration.between(java.time.Instant.now(), until).toMillis() + 50));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Thread.sleep(1100); // let a 429's Retry-After pass too
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void title(String t) {
    System.out.println();
    System.out.println("== " + t);
  }

  private static void show(Outcome<?> o) {
    System.out.println("   " + brief(o));
  }

  private static String brief(Outcome<?> o) {
    String kind = o.getClass().getSimpleName();
    if (o instanceof Outcome.Success<?> s) {
      Object v = s.value();
      String what = v instanceof Order ord ? "order " + ord.orderId() + " " + ord.status() + " clientOrderId=" + ord.clientOrderId() : String.valueOf(v);
      return kind + ": " + what + "  usage=" + s.usage();
    }
    if (o instanceof Outcome.RateLimited<?> r) {
      return kind + ": retry after " + r.retryAfter() + " (at " + r.retryAt() + ")  " + r.details();
    }
    if (o instanceof Outcome.IpBanned<?> b) {
      return kind + ": banned until " + b.bannedUntil() + "  " + b.details();
    }
    if (o instanceof Outcome.Unknown<?> u) {
      return kind + " [" + u.cause() + "]: may have been executed; clientOrderId=" + u.request().newClientOrderId() + "  "
          + u.explanation();
    }
    if (o instanceof Outcome.NotSent<?> n) {
      return kind + " [" + n.reason() + "]: " + n.explanation();
    }
    return kind + ": " + o.error().map(Object::toString).orElse("");
  }
}
