package io.spotsdk.internal.ws;

import java.io.IOException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A JDK WebSocket whose sends complete only when the test says (or fail at once), counting aborts. */
final class HeldSocket implements WebSocket {
  final List<String> frames = new CopyOnWriteArrayList<>();
  final List<CompletableFuture<WebSocket>> sends = new CopyOnWriteArrayList<>();
  final AtomicInteger aborts = new AtomicInteger();
  volatile IOException failEverySend;

  @Override
  public CompletableFuture<WebSocket> sendText(CharSequence data, boolean last) {
    if (failEverySend != null) {
      return CompletableFuture.failedFuture(failEverySend);
    }
    frames.add(data.toString());
    CompletableFuture<WebSocket> f = new CompletableFuture<>();
    sends.add(f);
    return f;
  }

  @Override
  public CompletableFuture<WebSocket> sendBinary(ByteBuffer data, boolean last) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<WebSocket> sendPing(ByteBuffer message) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendPong(ByteBuffer message) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
    return CompletableFuture.completedFuture(this);
  }

  @Override
  public void request(long n) {}

  @Override
  public String getSubprotocol() {
    return "";
  }

  @Override
  public boolean isOutputClosed() {
    return false;
  }

  @Override
  public boolean isInputClosed() {
    return false;
  }

  @Override
  public void abort() {
    aborts.incrementAndGet();
  }
}
