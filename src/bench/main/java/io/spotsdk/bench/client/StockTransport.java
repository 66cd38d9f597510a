package io.spotsdk.bench.client;

import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.RawRequest;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.ResponseHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * For measurement only, never for trading: the SDK's transport seam filled by HttpClient 5 exactly as {@link RawRest}
 * configures it. What it drops are the SDK transport's promises: the stale check before every request (a request
 * written to a connection the server closed while idle becomes a false Unknown), knowing when the write began (any
 * failure here counts as after the write), the read timeout and the response deadline (a silent server holds the
 * caller forever), and the body cap. {@code SDK default / SDK stock transport} is what those promises cost.
 */
public final class StockTransport implements HttpTransport {
  private static final ContentType FORM = ContentType.APPLICATION_FORM_URLENCODED;
  private final RawRest.Http http = new RawRest.Http();

  @Override
  public RawResponse execute(RawRequest request) throws TransportException {
    HttpUriRequestBase r = new HttpUriRequestBase(request.method(), request.uri());
    for (Map.Entry<String, String> h : request.headers()) {
      r.addHeader(h.getKey(), h.getValue());
    }
    if (request.formBody() != null) {
      r.setEntity(new StringEntity(request.formBody(), FORM));
    }
    try {
      return http.client().execute(r, response -> {
        byte[] body = EntityUtils.toByteArray(response.getEntity());
        Header[] hs = response.getHeaders();
        List<Map.Entry<String, String>> pairs = new ArrayList<>(hs.length);
        for (Header h : hs) {
          pairs.add(Map.entry(h.getName(), h.getValue()));
        }
        return new RawResponse(response.getCode(), ResponseHeaders.of(pairs), body);
      });
    } catch (IOException e) {
      throw TransportException.afterSend(TransportException.Phase.LOST_AFTER_SEND, e.toString(), e, null);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
