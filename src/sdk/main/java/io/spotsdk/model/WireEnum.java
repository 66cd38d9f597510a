package io.spotsdk.model;

/**
 * Seam: every generated enum implements this. Generated enums are open: a value the server sends that this SDK
 * version does not know still decodes, keeps its text, and says so through {@link #isRecognized()}.
 */
public interface WireEnum {
  /**
   * The text on the wire, exactly as received or as the spec declares it.
   *
   * @return the text, never null
   */
  String wireValue();

  /**
   * Whether this SDK version knows the value. An unknown one is kept for reading but never sent.
   *
   * @return false for a value not declared in the spec
   */
  boolean isRecognized();
}
