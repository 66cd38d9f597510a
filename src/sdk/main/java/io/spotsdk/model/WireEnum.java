package io.spotsdk.model;

/**
 * Seam: every generated enum implements this. Generated enums are open: a value the server sends that this SDK
 * version does not know still decodes, keeps its text, and says so through {@link #isRecognized()}.
 */
public interface WireEnum {
  /** The text on the wire, exactly as received or as the spec declares it; never null. */
  String wireValue();

  /** False for a value this SDK version does not know (not declared in the spec). Such a value is never sent. */
  boolean isRecognized();
}
