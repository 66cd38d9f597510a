package io.spotsdk.bench.client;

import io.spotsdk.bench.Fixture;
import io.spotsdk.bench.Hmac;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.outcome.ResponseHeaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/**
 * The stand-in server's answers to {@code time} and to a signed {@code newOrder}, captured once over the wire and
 * replayed with no network, so that the "own work" benchmarks hand the SDK and the raw client the same status,
 * headers and bytes a real exchange gives them. Each replay is a fresh response object and a fresh body array, as a
 * real read makes.
 */
public final class CannedResponses {
  private record Captured(int status, Header[] headers, byte[] body) {}

  private final Captured time;
  private final Captured order;

  public CannedResponses(String restBase) {
    try (RawRest.Http http = new RawRest.Http()) {
      this.time = capture(http, new HttpGet(restBase + "/api/v3/time"));
      String payload = "symbol=" + Fixture.SYMBOL + "&side=" + Fixture.SIDE + "&type=" + Fixture.TYPE + "&timeInForce="
          + Fixture.TIME_IN_FORCE + "&quantity=" + Fixture.QUANTITY + "&price=" + Fixture.PRICE + "&newClientOrderId="
          + Fixture.CLIENT_ORDER_ID + "&recvWindow=" + Fixture.RECV_WINDOW + "&timestamp=" + System.currentTimeMillis();
      HttpPost post = new HttpPost(restBase + "/api/v3/order");
      post.addHeader("X-MBX-APIKEY", Fixture.API_KEY);
      post.setEntity(new StringEntity(payload + "&signature=" + new Hmac(Fixture.SECRET).sign(payload),
          ContentType.APPLICATION_FORM_URLENCODED));
      this.order = capture(http, post);
    }
    if (time.status() != 200 || order.status() != 200) {
      throw new IllegalStateException("capture failed: time " + time.status() + ", order " + order.status());
    }
  }

  private static Captured capture(RawRest.Http http, ClassicHttpRequest request) {
    try {
      return http.client().execute(request,
          r -> new Captured(r.getCode(), r.getHeaders(), EntityUtils.toByteArray(r.getEntity())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Captured of(String path) {
    return path.endsWith("/order") ? order : time;
  }

  /** As HttpClient hands a response to the raw client's handler. */
  public ClassicHttpResponse apache(String path) {
    Captured c = of(path);
    BasicClassicHttpResponse r = new BasicClassicHttpResponse(c.status());
    r.setHeaders(c.headers());
    r.setEntity(new ByteArrayEntity(c.body().clone(), ContentType.APPLICATION_JSON));
    return r;
  }

  /** As the SDK's transport hands a response to its pipeline. */
  public RawResponse sdk(String path) {
    Captured c = of(path);
    List<Map.Entry<String, String>> pairs = new ArrayList<>(c.headers().length);
    for (Header h : c.headers()) {
      pairs.add(Map.entry(h.getName(), h.getValue()));
    }
    return new RawResponse(c.status(), ResponseHeaders.of(pairs), c.body().clone());
  }
}
