package io.spotsdk.core;

/** Binance endpoint security types; all but NONE need an API key and a signature. */
public enum SecurityType {
  NONE,
  TRADE,
  USER_DATA,
  USER_STREAM;

  public boolean signed() {
    return this != NONE;
  }
}
