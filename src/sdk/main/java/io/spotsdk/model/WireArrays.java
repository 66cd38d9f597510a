package io.spotsdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads positional wire arrays (klines, book levels) leniently: a missing or unreadable item is null, never an
 * exception, because a new or odd item must not make a whole market data answer unreadable.
 */
final class WireArrays {
  private WireArrays() {}

  static List<JsonNode> items(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }

  static BigDecimal decimal(List<JsonNode> items, int i) {
    if (i >= items.size() || items.get(i).isNull()) {
      return null;
    }
    JsonNode n = items.get(i);
    try {
      return n.isNumber() ? n.decimalValue() : new BigDecimal(n.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Long integer(List<JsonNode> items, int i) {
    if (i >= items.size()) {
      return null;
    }
    JsonNode n = items.get(i);
    if (n.isIntegralNumber()) {
      return n.longValue();
    }
    try {
      return n.isTextual() ? Long.valueOf(n.asText().trim()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
