package io.spotsdk.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status-to-meaning table of one operation, built from the spec by generated code.
 * This is the single place a status code gets its meaning; nothing in Java lists statuses by hand.
 */
public final class StatusMeanings {
  private record Entry(Meaning meaning, Map<Integer, Meaning> byCode) {}

  private final Map<String, Entry> byKey;
  /** Exact statuses and their entries, sorted; a lookup by int reads these, never making a key string. */
  private final int[] exact;
  private final Entry[] exactEntries;
  /** Range entries ({@code 4XX}) by hundreds digit; null where undeclared. */
  private final Entry[] byRange = new Entry[10];

  private StatusMeanings(Map<String, Entry> byKey) {
    this.byKey = Map.copyOf(byKey);
    java.util.TreeMap<Integer, Entry> exacts = new java.util.TreeMap<>();
    for (Map.Entry<String, Entry> k : this.byKey.entrySet()) {
      String key = k.getKey();
      if (key.length() == 3 && key.endsWith("XX") && Character.isDigit(key.charAt(0))) {
        byRange[key.charAt(0) - '0'] = k.getValue();
      } else {
        try {
          int status = Integer.parseInt(key);
          if (Integer.toString(status).equals(key)) {
            exacts.put(status, k.getValue());
          } // else ("0200", "+200") no status prints as it: no lookup reaches it
        } catch (NumberFormatException e) {
          // neither a status nor a range: no lookup reaches it
        }
      }
    }
    this.exact = exacts.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.exactEntries = exacts.values().toArray(new Entry[0]);
  }

  private Entry entry(int status) {
    int at = java.util.Arrays.binarySearch(exact, status);
    if (at >= 0) {
      return exactEntries[at];
    }
    int range = status / 100;
    return status >= 0 && range < 10 ? byRange[range] : byKey.get(range + "XX");
  }

  /**
   * Meaning of a status (and the Binance code in the body, if any). An exact status wins over its
   * range ({@code 4XX}); a status the spec does not explain is UNKNOWN, because nothing proves the
   * request was not executed.
   */
  public Meaning resolve(int status, Integer binanceCode) {
    Entry e = entry(status);
    if (e == null) {
      return Meaning.UNKNOWN;
    }
    if (binanceCode != null) {
      Meaning override = e.byCode.get(binanceCode);
      if (override != null) {
        return override;
      }
    }
    return e.meaning;
  }

  /** True when the spec declares this status, exactly or by its range. */
  public boolean declares(int status) {
    return entry(status) != null;
  }

  /** The declared status keys ("200", "4XX", ...), for tests and documentation. */
  public java.util.Set<String> declaredStatuses() {
    return byKey.keySet();
  }

  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final Map<String, Entry> byKey = new HashMap<>();

    public Builder status(String key, Meaning meaning, List<Meaning.ByCode> overrides) {
      Map<Integer, Meaning> codes = new HashMap<>();
      for (Meaning.ByCode o : overrides) {
        codes.put(o.code(), o.meaning());
      }
      if (byKey.put(key.toUpperCase(java.util.Locale.ROOT), new Entry(meaning, Map.copyOf(codes))) != null) {
        throw new IllegalStateException("status " + key + " declared twice");
      }
      return this;
    }

    public StatusMeanings build() {
      return new StatusMeanings(byKey);
    }
  }
}
