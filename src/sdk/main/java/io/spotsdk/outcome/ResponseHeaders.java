package io.spotsdk.outcome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The headers of a response, looked up case-insensitively, kept in arrival order. */
public final class ResponseHeaders {
  public static final ResponseHeaders EMPTY = new ResponseHeaders(Map.of());

  private final Map<String, List<String>> byLowerName;

  private ResponseHeaders(Map<String, List<String>> byLowerName) {
    this.byLowerName = byLowerName;
  }

  /** Builds from name/value pairs; repeated names keep every value. */
  public static ResponseHeaders of(List<Map.Entry<String, String>> pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : pairs) {
      m.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>(1)).add(e.getValue());
    }
    return new ResponseHeaders(Collections.unmodifiableMap(m));
  }

  /** The first value of a header, or null. */
  public String first(String name) {
    List<String> v = byLowerName.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Every header, names in lower case. */
  public Map<String, List<String>> asMap() {
    return byLowerName;
  }

  @Override
  public String toString() {
    return byLowerName.toString();
  }
}
