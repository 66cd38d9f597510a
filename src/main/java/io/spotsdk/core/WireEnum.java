package io.spotsdk.core;

/** Seam: every generated enum implements this, so parameters are written by their wire value. */
public interface WireEnum {
  /** The value on the wire, or null for a value this SDK version does not know. */
  String value();
}
