package io.spotsdk.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The headers of a response, looked up case-insensitively, kept in arrival order. */
public final class ResponseHeaders {
  /** No headers: a WebSocket reply, or no response at all. */
  public static final ResponseHeaders EMPTY = new ResponseHeaders(Map.of());

  private final Map<String, List<String>> byLowerName;

  private ResponseHeaders(Map<String, List<String>> byLowerName) {
    this.byLowerName = byLowerName;
  }

  /**
   * Builds from name/value pairs; repeated names keep every value.
   *
   * @param pairs the headers in arrival order
   * @return the headers
   */
  public static ResponseHeaders of(List<Map.Entry<String, String>> pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs) {
      m.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>(1)).add(e.getValue());
    }
    return new ResponseHeaders(Collections.unmodifiableMap(m));
  }

  /**
   * The first value of a header.
   *
   * @param name the header's name, in any case
   * @return the first value, or null when the header was absent
   */
  public String first(String name) {
    List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * Every header, names in lower case, in arrival order.
   *
   * @return an unmodifiable map of each name to its values
   */
  public Map<String, List<String>> asMap() {
    return byLowerName;
  }

  @Override
  public String toString() {
    return byLowerName.toString();
  }
}
