/**
 * Settling an unknown outcome by asking Binance, never by resending: the {@link io.spotsdk.reconcile.Reconciler}
 * queries the order by the client order id the SDK gave it and answers executed, not executed or still unknown.
 */
package io.spotsdk.reconcile;
