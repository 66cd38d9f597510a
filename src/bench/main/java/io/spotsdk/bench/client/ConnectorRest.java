package io.spotsdk.bench.client;

import com.binance.connector.client.impl.SpotClientImpl;
import com.binance.connector.client.impl.spot.Market;
import com.binance.connector.client.impl.spot.Trade;
import io.spotsdk.bench.Fixture;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * binance-connector-java 3.4.1 with its defaults (OkHttp; the body returned as a String; usage headers not read,
 * {@code setShowLimitUsage(false)}). The answer is checked with a substring search, the cheapest check there is,
 * so the connector is measured at its lightest: a caller who binds the String to a type pays more.
 */
public final class ConnectorRest implements RestPair {
  private static final String TIME_NEEDLE = "\"serverTime\":" + Fixture.SERVER_TIME;
  private static final String ORDER_NEEDLE = "\"orderId\":" + Fixture.ORDER_ID;
  private final Market market;
  private final Trade trade;

  public ConnectorRest(String restBase) {
    SpotClientImpl client = new SpotClientImpl(Fixture.API_KEY, Fixture.SECRET, restBase);
    this.market = client.createMarket();
    this.trade = client.createTrade();
  }

  @Override
  public long time() {
    String s = market.time();
    if (!s.contains(TIME_NEEDLE)) {
      throw new IllegalStateException("connector time: " + s);
    }
    return Fixture.SERVER_TIME;
  }

  @Override
  public long newOrder() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("symbol", Fixture.SYMBOL);
    p.put("side", Fixture.SIDE);
    p.put("type", Fixture.TYPE);
    p.put("timeInForce", Fixture.TIME_IN_FORCE);
    p.put("quantity", Fixture.QUANTITY);
    p.put("price", Fixture.PRICE);
    p.put("newClientOrderId", Fixture.CLIENT_ORDER_ID);
    p.put("recvWindow", Integer.parseInt(Fixture.RECV_WINDOW));
    String s = trade.newOrder(p);
    if (!s.contains(ORDER_NEEDLE)) {
      throw new IllegalStateException("connector newOrder: " + s);
    }
    return Fixture.ORDER_ID;
  }

  @Override
  public void close() {
    // the connector's OkHttp client is a process-wide singleton with daemon threads
  }
}
