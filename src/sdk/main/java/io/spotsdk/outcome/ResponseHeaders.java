package io.spotsdk.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a response, looked up case-insensitively, kept in arrival order. Kept as the pairs that arrived;
 * the lower-cased map is made only for a caller who asks for it ({@link #asMap()}).
 */
public final class ResponseHeaders {
  /** No headers: a WebSocket reply, or no response at all. */
  public static final ResponseHeaders EMPTY = new ResponseHeaders(new String[0], new String[0]);

  private final String[] names;
  private final String[] values;
  /** Made on first use; a race makes two equal maps at worst. */
  private volatile Map<String, List<String>> byLowerName;

  private ResponseHeaders(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /**
   * Builds from name/value pairs; repeated names keep every value.
   *
   * @param pairs the headers in arrival order
   * @return the headers
   */
  public static ResponseHeaders of(List<Map.Entry<String, String>> pairs) {
    int n = pairs.size();
    String[] names = new String[n];
    String[] values = new String[n];
    for (int i = 0; i < n; i++) {
      Map.Entry<String, String> e = pairs.get(i);
      names[i] = e.getKey().toString(); // a null name fails here, as it always did
      values[i] = e.getValue();
    }
    return new ResponseHeaders(names, values);
  }

  /** How many header lines arrived, repeated names counted each time. */
  int size() {
    return names.length;
  }

  String name(int i) {
    return names[i];
  }

  String value(int i) {
    return values[i];
  }

  /** Whether a header before position {@code i} has the same name (in any case). */
  boolean repeatsEarlierName(int i) {
    for (int j = 0; j < i; j++) {
      if (names[j].equalsIgnoreCase(names[i])) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return the first value, or null when the header was absent
   */
  public String first(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) {
        return values[i];
      }
    }
    return null;
  }

  /**
   * Every header, names in lower case, in arrival order.
   *
   * @return an unmodifiable map of each name to its values
   */
  public Map<String, List<String>> asMap() {
    Map<String, List<String>> m = byLowerName;
    if (m == null) {
      Map<String, List<String>> built = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        built.computeIfAbsent(names[i].toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>(1)).add(values[i]);
      }
      m = Collections.unmodifiableMap(built);
      byLowerName = m;
    }
    return m;
  }

  @Override
  public String toString() {
    return asMap().toString();
  }
}
