package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * <p>Which way a widget goes.
 * <p>Generated from the spec: an open enum.
 * <p>Each known value is a constant of this class, and {@link #fromValue} returns that very constant, so
 * {@code ==} works for known values. A value this SDK version does not know decodes without error and keeps its
 * text: {@link #wireValue()} and {@link #toString()} give it, and {@link #value()} is {@link Value#UNRECOGNIZED}.
 * Switch on {@link #value()}. Equality is by wire text.
 */
public final class WidgetSide implements io.spotsdk.model.WireEnum {
  /** Every value this SDK version knows, plus {@code UNRECOGNIZED}: what to switch on. */
  public enum Value {
    /** The wire value <code>&quot;BUY&quot;</code>. */
    BUY,
    /** The wire value <code>&quot;SELL&quot;</code>. */
    SELL,
    /** A value this SDK version does not know; its text is in {@link WidgetSide#wireValue()}. */
    UNRECOGNIZED
  }

  /** The wire value <code>&quot;BUY&quot;</code>. */
  public static final WidgetSide BUY = new WidgetSide("BUY", Value.BUY);

  /** The wire value <code>&quot;SELL&quot;</code>. */
  public static final WidgetSide SELL = new WidgetSide("SELL", Value.SELL);

  private static final java.util.List<WidgetSide> KNOWN = java.util.List.of(
      BUY,
      SELL
  );
  private static final java.util.Map<String, WidgetSide> BY_WIRE_VALUE = new java.util.HashMap<>();
  static {
    for (WidgetSide known : KNOWN) {
      BY_WIRE_VALUE.put(known.wireValue, known);
    }
  }

  private final String wireValue;
  private final Value value;

  private WidgetSide(String wireValue, Value value) {
    this.wireValue = wireValue;
    this.value = value;
  }

  /**
   * The instance for a wire value: the constant when the value is known, else a new instance that keeps the text.
   * Null gives null.
   *
   * @param wireValue the text on the wire
   * @return the instance, or null for null
   */
  @com.fasterxml.jackson.annotation.JsonCreator(mode = com.fasterxml.jackson.annotation.JsonCreator.Mode.DELEGATING)
  public static WidgetSide fromValue(String wireValue) {
    if (wireValue == null) {
      return null;
    }
    WidgetSide known = BY_WIRE_VALUE.get(wireValue);
    return known != null ? known : new WidgetSide(wireValue, Value.UNRECOGNIZED);
  }

  /**
   * The known values, in the order of the spec.
   *
   * @return an unmodifiable list of the constants
   */
  public static java.util.List<WidgetSide> knownValues() {
    return KNOWN;
  }

  /** The text on the wire, exactly as received (also for a value this version does not know). */
  @com.fasterxml.jackson.annotation.JsonValue
  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The known value, to switch on.
   *
   * @return the value, or {@link Value#UNRECOGNIZED} for one this SDK version does not know
   */
  public Value value() {
    return value;
  }

  @Override
  public boolean isRecognized() {
    return value != Value.UNRECOGNIZED;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WidgetSide other && wireValue.equals(other.wireValue);
  }

  @Override
  public int hashCode() {
    return wireValue.hashCode();
  }

  /** The wire text. */
  @Override
  public String toString() {
    return wireValue;
  }
}
