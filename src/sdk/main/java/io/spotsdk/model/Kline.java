package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One kline (candlestick) of klines and uiKlines (spec schema {@code Kline}, mapped here by schemaMappings). On the
 * wire it is a positional array; its items get names here, decimals as BigDecimal, and every item, including ones
 * Binance may add later, stays in {@link #raw()}. An item that is missing or unreadable is null.
 *
 * @param openTime open time (ms)
 * @param open open price
 * @param high high price
 * @param low low price
 * @param close close price
 * @param volume base asset volume
 * @param closeTime close time (ms)
 * @param quoteVolume quote asset volume
 * @param tradeCount number of trades
 * @param takerBuyBaseVolume taker buy volume, base asset
 * @param takerBuyQuoteVolume taker buy volume, quote asset
 * @param raw every item as it came
 */
public record Kline(Long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
    BigDecimal volume, Long closeTime, BigDecimal quoteVolume, Long tradeCount, BigDecimal takerBuyBaseVolume,
    BigDecimal takerBuyQuoteVolume, List<JsonNode> raw) {
  /**
   * Keeps an unmodifiable copy of the raw items (none when null).
   *
   * @param openTime open time (ms)
   * @param open open price
   * @param high high price
   * @param low low price
   * @param close close price
   * @param volume base asset volume
   * @param closeTime close time (ms)
   * @param quoteVolume quote asset volume
   * @param tradeCount number of trades
   * @param takerBuyBaseVolume taker buy volume, base asset
   * @param takerBuyQuoteVolume taker buy volume, quote asset
   * @param raw every item as it came
   */
  public Kline {
    raw = raw == null ? List.of() : List.copyOf(raw);
  }

  /**
   * Reads the wire array.
   *
   * @param array the array as it came; anything else reads as all-null items
   * @return the kline
   */
  @JsonCreator
  public static Kline of(JsonNode array) {
    List<JsonNode> i = WireArrays.items(array);
    return new Kline(WireArrays.integer(i, 0), WireArrays.decimal(i, 1), WireArrays.decimal(i, 2),
        WireArrays.decimal(i, 3), WireArrays.decimal(i, 4), WireArrays.decimal(i, 5), WireArrays.integer(i, 6),
        WireArrays.decimal(i, 7), WireArrays.integer(i, 8), WireArrays.decimal(i, 9), WireArrays.decimal(i, 10), i);
  }

  /**
   * Written back as it came.
   *
   * @return the raw items
   */
  @JsonValue
  public List<JsonNode> toWire() {
    return raw;
  }
}
