package io.spotsdk;

/** Which spec this SDK was generated from. Generated; do not edit. */
public final class SpotSpec {
  private SpotSpec() {}

  /** The spec's version: the project version, which the build stamps into the bundled documents' {@code info.version}. */
  public static final String VERSION = "golden-fixture";

  /**
   * The spec's hash: SHA-256 of the bundled REST document followed by the bundled WebSocket document, as in the spec
   * bundle's {@code SPEC-SHA256} file and the jar manifest's {@code Spot-Spec-SHA256} entry.
   */
  public static final String SHA256 = "golden-fixture";
}
