package io.spotsdk.core;

import io.spotsdk.model.WireEnum;

import java.math.BigDecimal;
import java.util.List;

/** Seam: generated request classes write their parameters here; null values are skipped. */
public interface ParamSink {
  void add(String name, String value);

  void add(String name, Long value);

  void add(String name, Integer value);

  void add(String name, Boolean value);

  /** Decimals are written in plain notation (never 1E+2), exactly as given. */
  void add(String name, BigDecimal value);

  void add(String name, WireEnum value);

  /** A list sent as one JSON array, e.g. {@code symbols=["BTCUSDT","BNBBTC"]}. */
  void addJsonArray(String name, List<String> values);
}
