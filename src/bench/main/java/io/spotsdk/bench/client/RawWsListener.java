package io.spotsdk.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a careful hand-written client does with a reply: one Jackson pass into a typed reply, the request found by
 * id, its future completed on the socket's thread. A frame in one piece is parsed as it came; only a fragmented
 * one is buffered.
 */
public final class RawWsListener implements WebSocket.Listener {
  private final Map<Long, CompletableFuture<WsOrderReply>> pending;
  private final StringBuilder parts = new StringBuilder();

  public RawWsListener(Map<Long, CompletableFuture<WsOrderReply>> pending) {
    this.pending = pending;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (last && parts.length() == 0) {
      handle(data.toString());
    } else {
      parts.append(data);
      if (last) {
        handle(parts.toString());
        parts.setLength(0);
      }
    }
    webSocket.request(1);
    return null;
  }

  private void handle(String frame) {
    WsOrderReply reply;
    try {
      reply = RawJson.MAPPER.readValue(frame, WsOrderReply.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CompletableFuture<WsOrderReply> f = reply.id() == null ? null : pending.remove(reply.id());
    if (f != null) {
      f.complete(reply);
    }
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    pending.values().forEach(f -> f.completeExceptionally(error));
  }
}
