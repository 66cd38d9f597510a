package io.spotsdk.reconcile;

import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.AccountApi;
import io.spotsdk.ws.api.OrderStatusParams;

/** How the reconciler asks about an order: over REST ({@code GET /api/v3/order}) or the WebSocket API ({@code order.status}). */
@FunctionalInterface
public interface OrderLookup {
  /** Queries one order by orderId (if not null) or origClientOrderId. */
  Outcome<Order> query(String symbol, Long orderId, String origClientOrderId);

  static OrderLookup rest(SpotRestClient client) {
    return (symbol, orderId, cid) -> client.account().queryOrder(new AccountApi.QueryOrderRequest()
        .symbol(symbol).orderId(orderId).origClientOrderId(orderId == null ? cid : null));
  }

  static OrderLookup ws(SpotWsApiClient client) {
    return (symbol, orderId, cid) -> client.blocking().orderStatus(new OrderStatusParams()
        .symbol(symbol).orderId(orderId).origClientOrderId(orderId == null ? cid : null));
  }
}
