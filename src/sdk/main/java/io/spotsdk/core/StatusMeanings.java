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

  private StatusMeanings(Map<String, Entry> byKey) {
    this.byKey = Map.copyOf(byKey);
  }

  /**
   * Meaning of a status (and the Binance code in the body, if any). An exact status wins over its
   * range ({@code 4XX}); a status the spec does not explain is UNKNOWN, because nothing proves the
   * request was not executed.
   */
  public Meaning resolve(int status, Integer binanceCode) {
    Entry e = byKey.get(Integer.toString(status));
    if (e == null) {
      e = byKey.get((status / 100) + "XX");
    }
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
    return byKey.containsKey(Integer.toString(status)) || byKey.containsKey((status / 100) + "XX");
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
