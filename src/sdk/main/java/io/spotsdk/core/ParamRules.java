package io.spotsdk.core;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.model.WireEnum;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Seam: the checks that generated {@code validate()} methods make, one per JSON Schema keyword the spec declares
 * on a parameter. Which parameter gets which rule is written only in the spec; this class only knows what each
 * keyword means. A null value is not checked here ({@code required} is its own rule).
 */
public final class ParamRules {
  private ParamRules() {}

  /** {@code minLength}: counted in characters (code points), as JSON Schema counts them. */
  public static void minLength(String operation, String parameter, String value, int min) {
    if (value != null && length(value) < min) {
      throw InvalidRequestException.broken(operation, parameter, "minLength " + min,
          "it has " + length(value) + " characters");
    }
  }

  /** {@code maxLength}: counted in characters (code points). */
  public static void maxLength(String operation, String parameter, String value, int max) {
    if (value != null && length(value) > max) {
      throw InvalidRequestException.broken(operation, parameter, "maxLength " + max,
          "it has " + length(value) + " characters");
    }
  }

  /** {@code pattern}: like JSON Schema, a match anywhere (the spec's patterns anchor themselves). */
  public static void pattern(String operation, String parameter, String value, Pattern pattern) {
    if (value == null) {
      return;
    }
    PatternCheck check = PatternCheck.of(pattern);
    if (check != null ? !check.matches(value) : !pattern.matcher(value).find()) {
      throw InvalidRequestException.broken(operation, parameter, "pattern " + pattern.pattern(),
          "it does not match");
    }
  }

  /** {@code minimum}, or with {@code exclusive} {@code exclusiveMinimum}. Compared exactly: 0.00 is 0. */
  public static void minimum(String operation, String parameter, Number value, BigDecimal min, boolean exclusive) {
    if (value == null) {
      return;
    }
    int c = decimal(value).compareTo(min);
    if (exclusive ? c <= 0 : c < 0) {
      throw InvalidRequestException.broken(operation, parameter,
          (exclusive ? "exclusiveMinimum " : "minimum ") + min.toPlainString(),
          exclusive ? "it must be greater than " + min.toPlainString() : "it must be at least " + min.toPlainString());
    }
  }

  /** {@code maximum}, or with {@code exclusive} {@code exclusiveMaximum}. */
  public static void maximum(String operation, String parameter, Number value, BigDecimal max, boolean exclusive) {
    if (value == null) {
      return;
    }
    int c = decimal(value).compareTo(max);
    if (exclusive ? c >= 0 : c > 0) {
      throw InvalidRequestException.broken(operation, parameter,
          (exclusive ? "exclusiveMaximum " : "maximum ") + max.toPlainString(),
          exclusive ? "it must be less than " + max.toPlainString() : "it must be at most " + max.toPlainString());
    }
  }

  /**
   * {@code enum}: a value the spec lists. A value this SDK version does not know (decoded from a newer server, or
   * made with {@code fromValue}) is not sent: the server would reject it, or worse, read it differently.
   */
  public static void known(String operation, String parameter, WireEnum value) {
    if (value != null && !value.isRecognized()) {
      throw InvalidRequestException.broken(operation, parameter, "enum",
          "the value is not one this SDK version knows, so it is not sent");
    }
  }

  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) {
      return d;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    throw new IllegalArgumentException("no numeric rule for " + n.getClass().getName());
  }
}
