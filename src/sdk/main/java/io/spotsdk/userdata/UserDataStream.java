package io.spotsdk.userdata;

import io.spotsdk.outcome.Outcome;
import io.spotsdk.reconcile.ExecutionReports;
import java.util.concurrent.CompletableFuture;

/**
 * The user data stream of a {@link io.spotsdk.SpotWsApiClient}, from {@code ws.userDataStream()}.
 *
 * <pre>{@code
 * ws.api().sessionLogon().join();
 * UserDataSubscription sub = ws.userDataStream().subscribe(event ->
 *     event.as(ExecutionReport.class).ifPresent(r -> System.out.println(r.clientOrderId() + " " + r.orderStatus())))
 *     .join().orThrow();
 * }</pre>
 *
 * <p>A listener rather than a {@code Flow.Publisher}: events come pushed by the server at its pace, so a
 * subscriber cannot pace them with {@code request(n)} anyway; what it can do is be told, in the same ordered
 * sequence as the events, of what it missed ({@link UserDataListener#onGap}) and of the end
 * ({@link UserDataListener#onClosed}), which a Publisher could only say by ending with an error.
 */
public interface UserDataStream {
  /** The buffer of a listener unless told otherwise: this many events may wait for it. */
  int DEFAULT_BUFFER = 1024;

  /**
   * Subscribes: with {@code userDataStream.subscribe} when the connection is logged on ({@code session.logon}),
   * else with {@code userDataStream.subscribe.signature} (signed with the client's credentials).
   *
   * @param listener receives the events
   * @return completes with the subscription, or with why it could not be made; never exceptionally
   */
  default CompletableFuture<Outcome<UserDataSubscription>> subscribe(UserDataListener listener) {
    return subscribe(listener, DEFAULT_BUFFER);
  }

  /**
   * Subscribes with a buffer of the given size.
   *
   * @param listener receives the events
   * @param buffer how many events may wait for the listener before new ones are dropped (and told as a gap)
   * @return completes with the subscription, or with why it could not be made; never exceptionally
   * @throws IllegalArgumentException if {@code buffer} is below 1
   */
  CompletableFuture<Outcome<UserDataSubscription>> subscribe(UserDataListener listener, int buffer);

  /**
   * The executionReports this client has seen, for a {@link io.spotsdk.reconcile.Reconciler} to settle an unknown
   * placement without a query.
   *
   * @return the reports source of this client
   */
  ExecutionReports executionReports();
}
