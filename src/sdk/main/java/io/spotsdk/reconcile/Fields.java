package io.spotsdk.reconcile;

import io.spotsdk.core.Settlement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a field of a generated model by the name the spec gives it, so a settlement can name fields
 * ({@code order.orderId}, an amendment's {@code newQty}) without code per model.
 */
final class Fields {
  private Fields() {}

  /** The value of the named field of a generated record, or null when it has none or the value is null. */
  static Object read(Object model, String name) {
    if (model == null || !model.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent c : model.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        try {
          return c.getAccessor().invoke(model);
        } catch (IllegalAccessException | InvocationTargetException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * Whether every match field the request sent a value for holds that value (numbers by value: 0.010 is 0.01).
   * An entry is not matched on nothing: at least one field must have been compared.
   */
  static boolean matches(Object entry, List<Settlement.KeyParam> match, Function<String, String> request) {
    int compared = 0;
    for (Settlement.KeyParam m : match) {
      String want = request.apply(m.from());
      if (want == null) {
        continue;
      }
      compared++;
      if (!same(read(entry, m.param()), want)) {
        return false;
      }
    }
    return compared > 0;
  }

  private static boolean same(Object got, String want) {
    if (got == null) {
      return false;
    }
    if (got instanceof BigDecimal d) {
      try {
        return d.compareTo(new BigDecimal(want)) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return got.toString().equals(want);
  }
}
