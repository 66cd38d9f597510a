package io.spotsdk.internal.http;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.impl.io.NoResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * A pooled HTTP/1.1 connection whose stale check costs microseconds, so it can run before every request.
 *
 * <p>Why: a connection the server closed while it sat idle in the pool still looks open to the client. A request
 * written to it is lost, yet it was written, so its outcome must be Unknown: a false unknown the user then has to
 * reconcile. HttpClient's own check ({@code isStale()}) reads with a 1 ms timeout, so on a live connection it
 * always waits that 1 ms; that is why HttpClient only runs it after a period of inactivity (2 s by default), and
 * every connection closed by the server within that period is reused blind.
 *
 * <p>Here the check is a single non-blocking read on the socket's channel: end of stream or a reset means the
 * server closed the connection; any byte at all means the connection is not in a state to carry a request (an idle
 * HTTP/1.1 connection has nothing to say; for TLS it would be a close_notify). Either way the pool discards it and
 * opens another, before anything of the request was written. A live connection answers "nothing yet" at once.
 */
final class StaleCheckedConnection extends DefaultManagedHttpClientConnection {
  private static final AtomicLong IDS = new AtomicLong();

  /** The connection factory for the pool: HttpClient's defaults, with this stale check. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
    StaleCheckedConnection c = new StaleCheckedConnection("spot-http-" + IDS.getAndIncrement());
    if (socket != null) {
      c.bind(socket);
    }
    return c;
  };

  private StaleCheckedConnection(String id) {
    // The same parts HttpClient's ManagedHttpClientConnectionFactory uses by default.
    super(id, null, null, Http1Config.DEFAULT, DefaultContentLengthStrategy.INSTANCE, DefaultContentLengthStrategy.INSTANCE,
        NoResponseOutOfOrderStrategy.INSTANCE, new DefaultHttpRequestWriterFactory(Http1Config.DEFAULT),
        new DefaultHttpResponseParserFactory(Http1Config.DEFAULT));
  }

  @Override
  public boolean isStale() throws IOException {
    if (!isOpen()) {
      return true;
    }
    SocketHolder holder = getSocketHolder();
    Socket base = holder == null ? null : holder.getBaseSocket();
    SocketChannel channel = base == null ? null : base.getChannel();
    if (channel == null) {
      return super.isStale();
    }
    return closedOrNotIdle(channel);
  }

  private static boolean closedOrNotIdle(SocketChannel channel) {
    ByteBuffer one = ByteBuffer.allocate(1);
    synchronized (channel.blockingLock()) {
      try {
        channel.configureBlocking(false);
        try {
          return channel.read(one) != 0;
        } finally {
          channel.configureBlocking(true);
        }
      } catch (IOException e) {
        return true;
      }
    }
  }
}
