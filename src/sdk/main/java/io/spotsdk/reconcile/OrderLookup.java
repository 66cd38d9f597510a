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
  /**
   * Queries one order by orderId (if not null) or origClientOrderId.
   *
   * @param symbol the order's symbol
   * @param orderId Binance's order id, or null to look the order up by client order id
   * @param origClientOrderId the client order id, used when {@code orderId} is null
   * @return the query's outcome; a rejection with code -2013 means Binance does not know the order (yet)
   */
  Outcome<Order> query(String symbol, Long orderId, String origClientOrderId);

  /**
   * Looks orders up over REST ({@code GET /api/v3/order}).
   *
   * @param client the client whose credentials may read the order
   * @return the lookup
   */
  static OrderLookup rest(SpotRestClient client) {
    return (symbol, orderId, cid) -> client.account().queryOrder(new AccountApi.QueryOrderRequest()
        .symbol(symbol).orderId(orderId).origClientOrderId(orderId == null ? cid : null));
  }

  /**
   * Looks orders up over the WebSocket API ({@code order.status}), waiting for each reply.
   *
   * @param client the client whose credentials may read the order
   * @return the lookup
   */
  static OrderLookup ws(SpotWsApiClient client) {
    return (symbol, orderId, cid) -> client.blocking().orderStatus(new OrderStatusParams()
        .symbol(symbol).orderId(orderId).origClientOrderId(orderId == null ? cid : null));
  }
}
