package io.spotsdk.bench.client;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.bench.Fixture;
import io.spotsdk.model.Order;
import io.spotsdk.model.OrderSide;
import io.spotsdk.model.OrderType;
import io.spotsdk.model.ServerTime;
import io.spotsdk.model.TimeInForce;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.rest.api.MarketApi;
import io.spotsdk.rest.api.TradeApi;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.net.URI;

/** The SDK's REST client with its defaults, as a user builds it. */
public final class SdkRest implements RestPair {
  private static final BigDecimal QUANTITY = new BigDecimal(Fixture.QUANTITY);
  private static final BigDecimal PRICE = new BigDecimal(Fixture.PRICE);
  private final MarketApi market;
  private final TradeApi trade;
  private final AutoCloseable owner;

  public SdkRest(String restBase) {
    SpotRestClient client = SpotRestClient.builder()
        .environment(Environment.custom(URI.create(restBase), null))
        .credentials(Credentials.hmac(Fixture.API_KEY, Fixture.SECRET))
        .build();
    this.market = client.market();
    this.trade = client.trade();
    this.owner = client;
  }

  /** The SDK's pipeline over a transport the benchmark chose ({@link SdkPipeline}). */
  public SdkRest(SdkPipeline pipeline) {
    this.market = pipeline.market();
    this.trade = pipeline.trade();
    this.owner = pipeline;
  }

  @Override
  public long time() {
    Outcome<ServerTime> o = market.serverTime();
    if (!(o instanceof Outcome.Success<ServerTime> s) || s.usage().countSize() == 0) {
      throw new IllegalStateException("sdk time: " + o);
    }
    return RestPair.expect("sdk time", Fixture.SERVER_TIME, s.value().serverTime());
  }

  @Override
  public long newOrder() {
    Outcome<Order> o = trade.newOrder(new TradeApi.NewOrderRequest()
        .symbol(Fixture.SYMBOL).side(OrderSide.BUY).type(OrderType.LIMIT).timeInForce(TimeInForce.GTC)
        .quantity(QUANTITY).price(PRICE).newClientOrderId(Fixture.CLIENT_ORDER_ID));
    if (!(o instanceof Outcome.Success<Order> s) || s.usage().countSize() == 0) {
      throw new IllegalStateException("sdk newOrder: " + o);
    }
    return RestPair.expect("sdk newOrder", Fixture.ORDER_ID, s.value().orderId());
  }

  @Override
  public void close() {
    try {
      owner.close();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
