package io.spotsdk.internal.http;

import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.ResponseHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 (classic, pooled), with what a trading client needs on top:
 * <ul>
 *   <li>automatic retries OFF: HttpClient's default would silently resend on 429/503 and on I/O errors, which for
 *       an order means a possible duplicate;</li>
 *   <li>a stale check before every request ({@link StaleCheckedConnection}), so no request is written to a
 *       connection the server already closed;</li>
 *   <li>the moment the request starts to be written is known ({@link WriteWatchingRequestExecutor}): any failure
 *       before it is "not sent", any failure after it "may have executed";</li>
 *   <li>a response deadline per exchange, bounding the whole response where the read timeout restarts with every
 *       byte;</li>
 *   <li>bodies read through a cap ({@link CappedBody}) that never trusts Content-Length for allocation.</li>
 * </ul>
 * Nothing but a {@link RawResponse} or a {@link TransportException} leaves {@link #execute}.
 */
public final class ApacheHttpTransport implements HttpTransport {
  private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED;
  private static final byte[] NO_BODY = new byte[0];

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;
  private final ResponseDeadlines deadlines;
  private final Duration responseDeadline;
  private final CappedBody bodies;
  private volatile boolean closed;

  public ApacheHttpTransport(TransportSettings s) {
    this.responseDeadline = s.responseDeadline();
    this.deadlines = new ResponseDeadlines(s.responseDeadline());
    this.bodies = new CappedBody(s.maxBodyBytes());
    this.pool = new PoolingHttpClientConnectionManagerBuilder() {
          @Override
          protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver ports, DnsResolver dns,
              TlsSocketStrategy tls) {
            return new DefaultHttpClientConnectionOperator(ChannelSockets.INSTANCE, ports, dns,
                RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
          }
        }
        .setConnectionFactory(StaleCheckedConnection.FACTORY)
        .setDefaultConnectionConfig(ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(s.connectTimeout()))
            .setSocketTimeout(Timeout.of(s.readTimeout()))
            // Check on every lease: the check costs microseconds (StaleCheckedConnection), a false unknown costs a
            // reconciliation, and a server may close an idle connection at any moment.
            .setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS)
            .build())
        .setMaxConnTotal(s.maxConnections())
        .setMaxConnPerRoute(s.maxConnections())
        .build();
    this.client = HttpClients.custom()
        .setConnectionManager(pool)
        .setRequestExecutor(new WriteWatchingRequestExecutor())
        .disableAutomaticRetries()
        .disableRedirectHandling()
        .disableCookieManagement()
        .disableAuthCaching()
        .setUserAgent(s.userAgent())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setResponseTimeout(Timeout.of(s.readTimeout()))
            .setConnectionRequestTimeout(Timeout.of(s.connectTimeout()))
            .build())
        .build();
  }

  @Override
  public RawResponse execute(RawRequest request) throws TransportException {
    if (closed) {
      throw TransportException.notSent(NotSentReason.CLIENT_CLOSED, "the client is closed", null);
    }
    HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
    for (Map.Entry<String, String> h : request.headers()) {
      http.addHeader(h.getKey(), h.getValue());
    }
    if (request.formBody() != null) {
      http.setEntity(new StringEntity(request.formBody(), FORM));
    }
    ExchangeWatch watch = new ExchangeWatch(http, deadlines, responseDeadline);
    HttpClientContext context = HttpClientContext.create();
    context.setAttribute(ExchangeWatch.ATTRIBUTE, watch);
    ClassicHttpResponse response = null;
    boolean complete = false;
    try {
      response = client.executeOpen(null, http, context);
      RawResponse r = read(response, watch, request);
      complete = true;
      return r;
    } catch (TransportException e) {
      throw e;
    } catch (IOException | RuntimeException | Error e) {
      // Errors too: after the write, anything at all that goes wrong leaves the order possibly executed.
      throw failure(e, watch, request, null);
    } finally {
      watch.finish();
      if (!complete) {
        // Drop the connection: closing the response would first drain what is left of a body we gave up on.
        http.cancel();
      }
      closeQuietly(response);
    }
  }

  private RawResponse read(ClassicHttpResponse response, ExchangeWatch watch, RawRequest request)
      throws TransportException {
    int status = response.getCode();
    ResponseHeaders headers = headers(response);
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      return new RawResponse(status, headers, NO_BODY);
    }
    CappedBody.Result body;
    try {
      body = bodies.read(entity.getContent(), entity.getContentLength());
    } catch (IOException e) {
      throw failure(e, watch, request, new RawResponse(status, headers, NO_BODY));
    }
    if (body.complete()) {
      return new RawResponse(status, headers, body.bytes());
    }
    RawResponse partial = new RawResponse(status, headers, body.bytes());
    if (body.problem() == CappedBody.Problem.BROKEN) {
      throw failure(body.failure(), watch, request, partial);
    }
    String what = body.problem() == CappedBody.Problem.DECLARED_OVER_CAP
        ? "the response declares a body of " + entity.getContentLength() + " bytes, more than"
        : "the response body is longer than";
    throw TransportException.afterSend(TransportException.Phase.UNREADABLE_AFTER_SEND, what + " the cap of "
        + bodies.cap() + " bytes (maxResponseBodyBytes); its first " + body.bytes().length + " bytes are kept",
        null, partial);
  }

  /** Where it broke decides: before the write nothing was sent; after it, the request may have executed. */
  private TransportException failure(Throwable e, ExchangeWatch watch, RawRequest request, RawResponse partial) {
    String what = Scrub.describe(e, request.formBody() != null ? request.formBody() : request.uri().getRawQuery(),
        request.headers());
    if (!watch.writeStarted()) {
      NotSentReason reason = closed ? NotSentReason.CLIENT_CLOSED
          : e instanceof IOException ? NotSentReason.CONNECT_FAILED : NotSentReason.INTERNAL_ERROR;
      return TransportException.notSent(reason, what, e);
    }
    if (watch.expired()) {
      return TransportException.afterSend(TransportException.Phase.TIMED_OUT_AFTER_SEND,
          "no complete response within the response deadline of " + watch.deadline().toMillis() + " ms (" + what + ")",
          e, partial);
    }
    if (e instanceof InterruptedIOException && !closed) {
      return TransportException.afterSend(TransportException.Phase.TIMED_OUT_AFTER_SEND, what, e, partial);
    }
    return TransportException.afterSend(TransportException.Phase.LOST_AFTER_SEND,
        closed ? "the client was closed while the response was awaited (" + what + ")" : what, e, partial);
  }

  private static ResponseHeaders headers(ClassicHttpResponse response) {
    Header[] hs = response.getHeaders();
    List<Map.Entry<String, String>> pairs = new ArrayList<>(hs.length);
    for (Header h : hs) {
      pairs.add(Map.entry(h.getName(), h.getValue()));
    }
    return ResponseHeaders.of(pairs);
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    if (response == null) {
      return;
    }
    try {
      response.close();
    } catch (IOException | RuntimeException ignore) {
      // the exchange is settled already; a failing close changes nothing about its outcome
    }
  }

  @Override
  public void close() {
    closed = true;
    client.close(CloseMode.GRACEFUL);
    pool.close(CloseMode.GRACEFUL);
    deadlines.close();
  }
}
