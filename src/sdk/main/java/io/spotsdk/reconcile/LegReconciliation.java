package io.spotsdk.reconcile;

import io.spotsdk.model.Order;

/**
 * What became of one leg of an order list whose placement was unknown. A list can be placed while a leg was
 * refused or ended at once, so each leg is settled on its own.
 *
 * @param clientOrderId the leg's client order id (as sent, or as the list reports it)
 * @param orderId Binance's id of the leg, or null when the leg was not found
 * @param verdict EXECUTED: the leg exists; NOT_EXECUTED: it was never placed or was refused; STILL_UNKNOWN: its
 *     query failed
 * @param order the leg as Binance now reports it, or null
 * @param explanation why, in words
 */
public record LegReconciliation(String clientOrderId, Long orderId, Verdict verdict, Order order, String explanation) {}
