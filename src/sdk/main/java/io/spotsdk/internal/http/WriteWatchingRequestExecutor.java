package io.spotsdk.internal.http;

import java.io.IOException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's request executor, which is where a request meets its connection: everything before it (pool lease,
 * stale check, connect, TLS handshake) writes no byte of the request. It tells the exchange's {@link ExchangeWatch}
 * the moment that changes, so a failure can be judged "provably not sent" by where it happened rather than by its
 * exception type.
 */
final class WriteWatchingRequestExecutor extends HttpRequestExecutor {

  @Override
  public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
      HttpResponseInformationCallback informationCallback, HttpContext context) throws IOException, HttpException {
    ExchangeWatch watch = ExchangeWatch.of(context);
    if (watch != null) {
      watch.writeStarting();
    }
    return super.execute(request, conn, informationCallback, context);
  }
}
