package io.spotsdk.core;

/**
 * Reads the size of a parameter value the way a weight rule measures it: a whole number, or the item count of a
 * JSON array as {@link Params#addJsonArray} wrote it. A value that is neither measures -1, so no range matches it.
 */
final class ParamCounts {
  private ParamCounts() {}

  static long number(String v) {
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
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
