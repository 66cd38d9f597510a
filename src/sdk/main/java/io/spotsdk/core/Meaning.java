package io.spotsdk.core;

/**
 * What a response means. The values are the vocabulary of the specs' {@code x-spot-outcome} and
 * {@code x-spot-code-outcomes} (see spec/common/spot-common.yaml, info.x-spot-meanings); which status
 * gets which meaning is declared only in the specs and reaches Java through generated descriptors.
 */
public enum Meaning {
  SUCCESS,
  REJECTED,
  RATE_LIMITED,
  IP_BANNED,
  WAF_BLOCKED,
  PARTIAL,
  UNKNOWN;

  /** A Binance error code whose meaning overrides the status's, e.g. -1007 is UNKNOWN whatever the status. */
  public record ByCode(int code, Meaning meaning) {}

  public static ByCode byCode(int code, Meaning meaning) {
    return new ByCode(code, meaning);
  }
}
