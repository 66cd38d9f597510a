package io.spotsdk.bench;

import io.spotsdk.bench.client.ConnectorRest;
import io.spotsdk.bench.client.RawRest;
import io.spotsdk.bench.client.RawWs;
import io.spotsdk.bench.client.RestPair;
import io.spotsdk.bench.client.SdkRest;
import io.spotsdk.bench.client.SdkWs;
import io.spotsdk.bench.server.Recorded;
import io.spotsdk.bench.server.ServerProcess;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Before anything is measured: every client of a pair puts the same request on the wire (the same parameters in
 * the same order, with a signature the server verified, and the API key), and gets the right answer. The
 * timestamp and signature values differ by nature and are compared by name and position only. Where a client
 * carries the parameters (query or form body) may differ: Binance signs query and body alike.
 */
public final class WireCheck {
  private WireCheck() {}

  /** Runs the checks; returns one line per request compared; throws on any difference. */
  public static List<String> run(ServerProcess server) throws Exception {
    List<String> report = new ArrayList<>();
    Map<String, RestPair> rest = new LinkedHashMap<>();
    rest.put("sdk", new SdkRest(server.restBase()));
    rest.put("raw", new RawRest(server.restBase()));
    rest.put("connector", new ConnectorRest(server.restBase()));
    try {
      compare(report, server, "time", rest, RestPair::time, false);
      compare(report, server, "order", rest, RestPair::newOrder, true);
      int code = ((RawRest) rest.get("raw")).newOrderWithBadSignature();
      if (code != Fixture.BAD_SIGNATURE_CODE) {
        throw new IllegalStateException("the server accepted a bad signature (code " + code + ")");
      }
      report.add("bad signature -> " + code + " (the server verifies HMAC)");
    } finally {
      rest.values().forEach(RestPair::close);
    }
    try (SdkWs sdk = new SdkWs(server.restBase(), server.wsUri()); RawWs raw = new RawWs(server.wsUri())) {
      SdkWs.check(sdk.orderPlace().join());
      Recorded a = server.last("ws.order.place");
      RawWs.check(raw.orderPlace().join());
      Recorded b = server.last("ws.order.place");
      Map<String, Recorded> seen = new LinkedHashMap<>();
      seen.put("sdk", a);
      seen.put("raw", b);
      same(report, "ws order.place", seen, a, true);
    }
    return report;
  }

  private static void compare(List<String> report, ServerProcess server, String what, Map<String, RestPair> clients,
      ToLongFunction<RestPair> call, boolean signed) throws Exception {
    Map<String, Recorded> seen = new LinkedHashMap<>();
    for (Map.Entry<String, RestPair> c : clients.entrySet()) {
      call.applyAsLong(c.getValue()); // checks its own answer
      seen.put(c.getKey(), server.last(what));
    }
    same(report, "rest " + what, seen, seen.get("sdk"), signed);
  }

  private static void same(List<String> report, String what, Map<String, Recorded> seen, Recorded reference,
      boolean signed) {
    List<String> expected = normalized(reference.params());
    for (Map.Entry<String, Recorded> e : seen.entrySet()) {
      Recorded r = e.getValue();
      List<String> got = normalized(r.params());
      if (!got.equals(expected)) {
        throw new IllegalStateException(what + ": " + e.getKey() + " sent " + got + ", the SDK sent " + expected);
      }
      if (!r.method().equals(reference.method())) {
        throw new IllegalStateException(what + ": " + e.getKey() + " used " + r.method() + ", the SDK " + reference.method());
      }
      if (signed && (!r.signatureValid() || !Fixture.API_KEY.equals(r.apiKey()))) {
        throw new IllegalStateException(what + ": " + e.getKey() + "'s signature or API key was not valid: " + r);
      }
      report.add(String.format("%-18s %-10s %-6s in %-5s %s%s", what, e.getKey(), r.method(), r.carrier(),
          String.join("&", got), signed ? "  signature valid" : ""));
    }
  }

  private static List<String> normalized(List<String> params) {
    List<String> out = new ArrayList<>();
    for (String p : params) {
      String name = p.substring(0, Math.max(0, p.indexOf('=')));
      out.add(name.equals("timestamp") || name.equals("signature") ? name + "=*" : p);
    }
    return out;
  }
}
