package io.spotsdk.bench.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spotsdk.bench.Fixture;
import io.spotsdk.bench.Hmac;
import io.spotsdk.model.ErrorBody;
import io.spotsdk.model.Order;
import io.spotsdk.model.ServerTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * The same exchanges by hand: Apache HttpClient 5 classic (pooled, retries off, as the SDK's), one shared
 * ObjectMapper binding the same response types, the usage headers read, HMAC over the form body. What it leaves
 * out is what the SDK adds: classification, the gate, raw bodies kept, timeouts and deadlines, echo checks.
 */
public final class RawRest implements RestPair {
  /** One mapper for all calls, configured as the SDK's for the same binding. */
  public static final ObjectMapper MAPPER = RawJson.MAPPER;

  private final String base;
  private final Http http;
  /** Set for the "own work" benchmarks: every exchange is answered from here, with no network. */
  private final CannedResponses canned;
  private final Hmac hmac = new Hmac(Fixture.SECRET);
  private final String orderPrefix;

  /** What a caller gets back: the value and the usage header it reads. */
  public record Answer<T>(int status, T value, long usedWeight, long orderCount) {}

  /** HttpClient 5 classic as the raw client sets it up: pooled (32 connections), retries, redirects, cookies off. */
  public static final class Http implements AutoCloseable {
    private final CloseableHttpClient client;

    public Http() {
      PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
          .setMaxConnTotal(32).setMaxConnPerRoute(32).build();
      this.client = HttpClients.custom().setConnectionManager(pool).disableAutomaticRetries()
          .disableRedirectHandling().disableCookieManagement().build();
    }

    public CloseableHttpClient client() {
      return client;
    }

    @Override
    public void close() {
      client.close(CloseMode.GRACEFUL);
    }
  }

  public RawRest(String restBase) {
    this(restBase, null);
  }

  /** The same client, its exchanges answered from {@code canned}: its own work, with no network. */
  public static RawRest noWire(String restBase, CannedResponses canned) {
    return new RawRest(restBase, canned);
  }

  private RawRest(String restBase, CannedResponses canned) {
    this.base = restBase;
    this.canned = canned;
    this.http = canned == null ? new Http() : null;
    this.orderPrefix = "symbol=" + enc(Fixture.SYMBOL) + "&side=" + Fixture.SIDE + "&type=" + Fixture.TYPE
        + "&timeInForce=" + Fixture.TIME_IN_FORCE + "&quantity=" + Fixture.QUANTITY + "&price=" + Fixture.PRICE
        + "&newClientOrderId=" + enc(Fixture.CLIENT_ORDER_ID) + "&recvWindow=" + Fixture.RECV_WINDOW;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public long time() {
    Answer<ServerTime> a = exchange(new HttpGet(base + "/api/v3/time"), ServerTime.class);
    return RestPair.expect("raw time", Fixture.SERVER_TIME, a.value().serverTime());
  }

  @Override
  public long newOrder() {
    String payload = orderPrefix + "&timestamp=" + System.currentTimeMillis();
    HttpPost post = new HttpPost(base + "/api/v3/order");
    post.addHeader("X-MBX-APIKEY", Fixture.API_KEY);
    post.setEntity(new StringEntity(payload + "&signature=" + hmac.sign(payload),
        ContentType.APPLICATION_FORM_URLENCODED));
    Answer<Order> a = exchange(post, Order.class);
    return RestPair.expect("raw newOrder", Fixture.ORDER_ID, a.value().orderId());
  }

  private <T> Answer<T> exchange(org.apache.hc.core5.http.ClassicHttpRequest request, Class<T> type) {
    try {
      HttpClientResponseHandler<Answer<T>> handler = r -> {
        byte[] body = EntityUtils.toByteArray(r.getEntity());
        if (r.getCode() != 200) {
          ErrorBody e = MAPPER.readValue(body, ErrorBody.class);
          throw new IllegalStateException("raw: " + r.getCode() + " " + e.code() + " " + e.msg());
        }
        return new Answer<>(r.getCode(), MAPPER.readValue(body, type), header(r, "X-MBX-USED-WEIGHT-1M"),
            header(r, "X-MBX-ORDER-COUNT-10S"));
      };
      if (canned != null) {
        try (ClassicHttpResponse r = canned.apache(request.getPath())) {
          return handler.handleResponse(r);
        } catch (org.apache.hc.core5.http.HttpException e) {
          throw new IllegalStateException(e);
        }
      }
      return http.client().execute(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long header(ClassicHttpResponse r, String name) {
    Header h = r.getFirstHeader(name);
    return h == null ? -1 : Long.parseLong(h.getValue());
  }

  /** Sends a newOrder whose signature is wrong; returns the Binance code the server answered. */
  public int newOrderWithBadSignature() {
    String payload = orderPrefix + "&timestamp=" + System.currentTimeMillis();
    HttpPost post = new HttpPost(base + "/api/v3/order");
    post.addHeader("X-MBX-APIKEY", Fixture.API_KEY);
    post.setEntity(new StringEntity(payload + "&signature=" + hmac.sign(payload + "x"),
        ContentType.APPLICATION_FORM_URLENCODED));
    try {
      return http.client().execute(post, r -> MAPPER.readValue(EntityUtils.toByteArray(r.getEntity()), ErrorBody.class).code());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
  }
}
