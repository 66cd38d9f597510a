package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One level of an order book (spec schema {@code PriceLevel}, mapped here by schemaMappings). On the wire it is a
 * two-item array {@code ["price", "quantity"]}; Binance may add items, which stay in {@link #raw()}.
 *
 * @param price the level's price; null when the item is missing or not a decimal
 * @param quantity the quantity at that price; null when the item is missing or not a decimal
 * @param raw every item as it came
 */
public record PriceLevel(BigDecimal price, BigDecimal quantity, List<JsonNode> raw) {
  /**
   * Keeps an unmodifiable copy of the raw items (none when null).
   *
   * @param price the level's price
   * @param quantity the quantity at that price
   * @param raw every item as it came
   */
  public PriceLevel {
    raw = raw == null ? List.of() : List.copyOf(raw);
  }

  /**
   * Reads the wire array; a value that is not a decimal is null with the raw item kept.
   *
   * @param array the array as it came; anything else reads as all-null items
   * @return the level
   */
  @JsonCreator
  public static PriceLevel of(JsonNode array) {
    List<JsonNode> items = WireArrays.items(array);
    return new PriceLevel(WireArrays.decimal(items, 0), WireArrays.decimal(items, 1), items);
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
