package io.spotsdk;

/** Which spec this SDK was generated from. Generated; do not edit. */
public final class SpotSpec {
  private SpotSpec() {}

  /** The spec documents' {@code info.version}. */
  public static final String VERSION = "0.0.1-golden";

  /** SHA-256 over every file in spec/ (Ant's total checksum, files in path order), computed by the build. */
  public static final String SHA256 = "golden-fixture";
}
