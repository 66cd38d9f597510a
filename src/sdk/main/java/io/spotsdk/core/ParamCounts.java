package io.spotsdk.core;

/**
 * Reads the size of a parameter value the way a weight rule measures it: a whole number, or the item count of a
 * JSON array as {@link Params#addJsonArray} wrote it. A value that is neither matches no range.
 */
final class ParamCounts {
  private ParamCounts() {}

  /** The value as a number (a decimal compares exactly: 500.5 is above 500), or null when it is not one. */
  static java.math.BigDecimal number(String v) {
    try {
      return new java.math.BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Items of a flat JSON array of strings or numbers; commas inside quoted strings do not count. */
  static long items(String v) {
    String s = v.trim();
    if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
      return -1;
    }
    if (s.substring(1, s.length() - 1).isBlank()) {
      return 0;
    }
    long n = 1;
    boolean quoted = false;
    for (int i = 1; i < s.length() - 1; i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        n++;
      }
    }
    return n;
  }
}
