package io.spotsdk.bench.client;

import io.spotsdk.Environment;
import io.spotsdk.SpotWsApiClient;
import io.spotsdk.bench.Fixture;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.signing.Credentials;
import io.spotsdk.ws.api.OrderPlaceParams;
import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.CompletableFuture;

/** The SDK's WebSocket API client with its defaults (HMAC: every request signed, as the raw client's). */
public final class SdkWs implements AutoCloseable {
  private static final BigDecimal QUANTITY = new BigDecimal(Fixture.QUANTITY);
  private static final BigDecimal PRICE = new BigDecimal(Fixture.PRICE);
  private final SpotWsApiClient client;

  public SdkWs(String restBase, String wsUri) {
    this(restBase, wsUri, false);
  }

  /**
   * @param onSocketThread complete every future on the socket's reader thread ({@code completionExecutor(Runnable::run)})
   *     instead of the default, which keeps callers' callbacks off that thread: measures what that promise costs
   */
  public SdkWs(String restBase, String wsUri, boolean onSocketThread) {
    SpotWsApiClient.Builder b = SpotWsApiClient.builder()
        .environment(Environment.custom(URI.create(restBase), URI.create(wsUri)))
        .credentials(Credentials.hmac(Fixture.API_KEY, Fixture.SECRET));
    if (onSocketThread) {
      b.completionExecutor(Runnable::run);
    }
    this.client = b.connect();
  }

  public CompletableFuture<Outcome<Order>> orderPlace() {
    return client.api().orderPlace(new OrderPlaceParams()
        .symbol(Fixture.SYMBOL).side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
        .quantity(QUANTITY).price(PRICE).newClientOrderId(Fixture.CLIENT_ORDER_ID));
  }

  public static long check(Outcome<Order> o) {
    if (!(o instanceof Outcome.Success<Order> s) || s.usage().countSize() == 0) {
      throw new IllegalStateException("sdk ws order.place: " + o);
    }
    return RestPair.expect("sdk ws order.place", Fixture.ORDER_ID, s.value().orderId());
  }

  @Override
  public void close() {
    client.close();
  }
}
