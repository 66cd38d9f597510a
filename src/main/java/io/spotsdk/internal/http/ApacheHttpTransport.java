package io.spotsdk.internal.http;

import io.spotsdk.outcome.ResponseHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 (classic, pooled). Automatic retries are OFF: HttpClient's default would silently resend
 * on 429/503 and on I/O errors, which for an order means a possible duplicate.
 */
public final class ApacheHttpTransport implements HttpTransport {
  private static final byte[] NO_BODY = new byte[0];

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;

  public ApacheHttpTransport(Duration connectTimeout, Duration readTimeout, int maxConnections, String userAgent) {
    this.pool = PoolingHttpClientConnectionManagerBuilder.create()
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(connectTimeout))
            .setSocketTimeout(Timeout.of(readTimeout))
            // A pooled connection the server closed while idle would fail after we write: check it first.
            .setValidateAfterInactivity(TimeValue.ofSeconds(1))
            .build())
        .setMaxConnTotal(maxConnections)
        .setMaxConnPerRoute(maxConnections)
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(pool)
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(userAgent)
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(readTimeout))
            .setConnectionRequestTimeout(Timeout.of(connectTimeout))
            .build())
        .build();
  }

  @Override
  public RawResponse execute(RawRequest request) throws TransportException {
    BasicClassicHttpRequest r = new BasicClassicHttpRequest(request.method(), request.uri());
    for (Map.Entry<String, String> h : request.headers()) {
      r.addHeader(h.getKey(), h.getValue());
    }
    try {
      return client.execute(r, response -> {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? NO_BODY : EntityUtils.toByteArray(entity);
        Header[] hs = response.getHeaders();
        List<Map.Entry<String, String>> pairs = new ArrayList<>(hs.length);
        for (Header h : hs) {
          pairs.add(Map.entry(h.getName(), h.getValue()));
        }
        return new RawResponse(response.getCode(), ResponseHeaders.of(pairs), body);
      });
    } catch (IOException e) {
      throw classify(e);
    }
  }

  /** Only failures that provably happen before the request can leave count as not sent. */
  static TransportException classify(IOException e) {
    String what = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
    if (e instanceof ConnectException || e instanceof ConnectTimeoutException || e instanceof UnknownHostException
        || e instanceof NoRouteToHostException
        || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException
        || e instanceof javax.net.ssl.SSLHandshakeException) {
      return new TransportException(TransportException.Phase.NOT_SENT, what, e);
    }
    if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
      return new TransportException(TransportException.Phase.TIMED_OUT_AFTER_SEND, what, e);
    }
    return new TransportException(TransportException.Phase.LOST_AFTER_SEND, what, e);
  }

  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
  }
}
