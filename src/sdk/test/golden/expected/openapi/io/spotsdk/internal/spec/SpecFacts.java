package io.spotsdk.internal.spec;

/**
 * Facts of spec/spot-rest.yaml that the hand-written runtime reads instead of typing them again. Generated; do not
 * edit. Not part of the SDK's API.
 */
public final class SpecFacts {
  private SpecFacts() {}

  /**
   * A family of usage headers: its name pattern ({@code x-spot-header-pattern}, group 1 the interval number, group 2
   * the interval's initial) and the rateLimitType it counts ({@code x-spot-rate-limit-type}).
   */
  public record UsageHeader(String component, String pattern, String rateLimitType) {}

  /** Every header of components.headers that declares {@code x-spot-header-pattern}, in spec order. */
  public static final java.util.List<UsageHeader> USAGE_HEADERS = java.util.List.of(new UsageHeader[] {
      new UsageHeader("UsedWeight1m", "^X-MBX-USED-WEIGHT-([0-9]+)([SMHD])$", "REQUEST_WEIGHT"),
  });

  /** The largest recvWindow in milliseconds (components.schemas.RecvWindow maximum). */
  public static final long MAX_RECV_WINDOW_MILLIS = 60000L;
}
