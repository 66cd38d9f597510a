package io.spotsdk.reconcile;

import io.spotsdk.SpotRestClient;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.outcome.Outcome;
import java.util.Map;
import java.util.Objects;

/**
 * How the reconciler asks Binance: over REST or over the WebSocket API. Which query it runs, and with which
 * params, is the spec's word ({@code x-spot-settled-by}, generated into each call's descriptor); a lookup only
 * knows how to run a query of its transport by name.
 */
public interface OrderLookup {
  /**
   * The transport whose operation names {@link #query} takes.
   *
   * @return "REST" or "WS", as {@link io.spotsdk.outcome.RequestRecord#transport()} spells them
   */
  String transport();

  /**
   * Runs one query of this transport, waiting for its outcome.
   *
   * @param operation a REST operationId or a WebSocket method, as the spec names it
   * @param params the query's params as strings; numeric ids are sent as numbers where the transport types them
   * @return the query's outcome; a rejection with code -2013 means Binance does not know the order or list (yet)
   */
  Outcome<?> query(String operation, Map<String, String> params);

  /**
   * Queries over REST, through the client's own runtime (signed, gated, classified like any call).
   *
   * @param client the client whose credentials may read the orders
   * @return the lookup
   */
  static OrderLookup rest(SpotRestClient client) {
    Objects.requireNonNull(client, "client");
    return new OrderLookup() {
      @Override
      public String transport() {
        return Catalog.REST;
      }

      @Override
      public Outcome<?> query(String operation, Map<String, String> params) {
        return io.spotsdk.internal.ClientCallers.rest(client).call(Catalog.restOperation(operation), new QueryParams(params));
      }
    };
  }

  /**
   * Queries over the WebSocket API, waiting for each reply (bounded by the client's request timeout).
   *
   * @param client the client whose credentials may read the orders
   * @return the lookup
   */
  static OrderLookup ws(SpotWsApiClient client) {
    Objects.requireNonNull(client, "client");
    return new OrderLookup() {
      @Override
      public String transport() {
        return Catalog.WS;
      }

      @Override
      public Outcome<?> query(String operation, Map<String, String> params) {
        return io.spotsdk.internal.ClientCallers.ws(client).call(Catalog.wsMethod(operation), new QueryParams(params)).join();
      }
    };
  }
}
