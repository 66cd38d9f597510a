package io.spotsdk.internal.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Plain sockets for HttpClient, made from a {@link SocketChannel} so that an idle pooled connection can be probed
 * without blocking (see {@link StaleCheckedConnection}). HttpClient uses them like any socket: streams, timeouts and
 * TLS layering are the JDK's own. A SOCKS proxy needs the classic socket; those connections keep HttpClient's
 * stock stale check.
 */
final class ChannelSockets implements DetachedSocketFactory {
  static final ChannelSockets INSTANCE = new ChannelSockets();

  private ChannelSockets() {}

  @Override
  public Socket create(Proxy proxy) throws IOException {
    return proxy == null || proxy.type() == Proxy.Type.DIRECT ? SocketChannel.open().socket() : new Socket(proxy);
  }
}
