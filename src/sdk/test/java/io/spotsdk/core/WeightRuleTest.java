package io.spotsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Range weight rules: bounds inclusive, decimals compared exactly, item counts of JSON arrays, per-item weights. */
class WeightRuleTest {
  static final OperationDescriptor<Void> OP = OperationDescriptor.builder("op", "GET", "/op", new TypeReference<Void>() {})
      .security(SecurityType.NONE)
      .weight(5)
      .weightRange("limit", false, 101L, 500L, 0, 25)
      .weightRange("limit", false, 501L, Long.MAX_VALUE, 0, 250)
      .weightRange("symbols", true, 1L, 50L, 4, 0)
      .weightRange("symbols", true, 51L, Long.MAX_VALUE, 0, 200)
      .weightRule("symbol", null, true, 80)
      .build();

  static int weight(String name, String value) {
    Params p = new Params();
    p.add("symbol", "BTCUSDT");
    if (name.equals("symbols")) {
      p.addJsonArray(name, List.of(value.isEmpty() ? new String[0] : value.split(" ")));
    } else {
      p.add(name, value);
    }
    return OP.weightFor(p);
  }

  @Test
  void boundsAreInclusiveAndDecimalsExact() {
    assertEquals(5, weight("limit", "100"));
    assertEquals(25, weight("limit", "101"));
    assertEquals(25, weight("limit", "500"));
    assertEquals(250, weight("limit", "501.0"), "a decimal compares by value");
    assertEquals(5, weight("limit", "500.5"), "between two whole-number bands: neither applies");
    assertEquals(250, weight("limit", "5000"));
    assertEquals(5, weight("limit", "many"), "not a number: no range applies");
  }

  @Test
  void itemCountsWeighPerItemThenCap() {
    assertEquals(4, weight("symbols", "A"));
    assertEquals(200, weight("symbols", String.join(" ", java.util.Collections.nCopies(50, "A"))));
    assertEquals(200, weight("symbols", String.join(" ", java.util.Collections.nCopies(51, "A"))));
    assertEquals(8, weight("symbols", "A,B C"), "a comma inside a name is not a separator");
    assertEquals(5, weight("symbols", ""), "an empty list is no range");
  }
}
