package io.spotsdk.internal.call;

import io.spotsdk.core.CallDescriptor;
import io.spotsdk.outcome.Outcome;
import java.util.concurrent.CompletableFuture;

/**
 * What a transport brings to the pipeline: only its wire. REST has one channel (its endpoint); WebSocket's channel
 * is a connection, with its correlation of replies and its session.
 */
public interface Wire {
  /**
   * Where the next attempt goes. Fails with {@link io.spotsdk.internal.NotSentException} when there is nowhere
   * to send it (no connection could be opened, the client closed).
   */
  CompletableFuture<Channel> channel();

  /** One place requests go out. */
  interface Channel {
    /** How a signed call is signed here (a WebSocket session signs nothing more once logged on). */
    SigningRule signing(CallDescriptor<?> call);

    /**
     * Sends the signed attempt and completes with its classified outcome. Failures it cannot judge itself may
     * escape; the pipeline judges them by {@link Attempt#mayHaveBeenSent()}.
     */
    <T> CompletableFuture<Outcome<T>> send(CallDescriptor<T> call, Attempt attempt);
  }
}
