package io.spotsdk.core;

import io.spotsdk.outcome.Outcome;
import java.util.concurrent.CompletableFuture;

/** Seam: generated WebSocket API classes hand every call to this. The runtime behind it is hand-written. */
public interface WsCaller {
  /** Never completes exceptionally: every failure is an {@link Outcome}. */
  <T> CompletableFuture<Outcome<T>> call(WsMethodDescriptor<T> method, RequestParams params);
}
