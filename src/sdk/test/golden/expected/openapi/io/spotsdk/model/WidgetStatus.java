package io.spotsdk.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * <p>Where a widget is in its life; DONE &amp; CANCELED are final, i.e. &lt;no further change&gt;.
 * <p>Generated from the spec: an open enum.
 * <p>Each known value is a constant of this class, and {@link #fromValue} returns that very constant, so
 * {@code ==} works for known values. A value this SDK version does not know decodes without error and keeps its
 * text: {@link #wireValue()} and {@link #toString()} give it, and {@link #value()} is {@link Value#UNRECOGNIZED}.
 * Switch on {@link #value()}. Equality is by wire text.
 */
public final class WidgetStatus implements io.spotsdk.model.WireEnum {
  /** Every value this SDK version knows, plus {@code UNRECOGNIZED}: what to switch on. */
  public enum Value {
    /** The wire value <code>&quot;NEW&quot;</code>. */
    NEW,
    /** The wire value <code>&quot;WORKING&quot;</code>. */
    WORKING,
    /** The wire value <code>&quot;DONE&quot;</code>. */
    DONE,
    /** The wire value <code>&quot;CANCELED&quot;</code>. */
    CANCELED,
    /** A value this SDK version does not know; its text is in {@link WidgetStatus#wireValue()}. */
    UNRECOGNIZED
  }

  /** The wire value <code>&quot;NEW&quot;</code>. */
  public static final WidgetStatus NEW = new WidgetStatus("NEW", Value.NEW);

  /** The wire value <code>&quot;WORKING&quot;</code>. */
  public static final WidgetStatus WORKING = new WidgetStatus("WORKING", Value.WORKING);

  /** The wire value <code>&quot;DONE&quot;</code>. */
  public static final WidgetStatus DONE = new WidgetStatus("DONE", Value.DONE);

  /** The wire value <code>&quot;CANCELED&quot;</code>. */
  public static final WidgetStatus CANCELED = new WidgetStatus("CANCELED", Value.CANCELED);

  private static final java.util.List<WidgetStatus> KNOWN = java.util.List.of(
      NEW,
      WORKING,
      DONE,
      CANCELED
  );
  private static final java.util.Map<String, WidgetStatus> BY_WIRE_VALUE = new java.util.HashMap<>();
  static {
    for (WidgetStatus known : KNOWN) {
      BY_WIRE_VALUE.put(known.wireValue, known);
    }
  }

  /** The values the spec declares final (x-spot-terminal). */
  private static final java.util.Set<Value> TERMINAL = java.util.EnumSet.of(
      Value.DONE,
      Value.CANCELED
  );

  private final String wireValue;
  private final Value value;

  private WidgetStatus(String wireValue, Value value) {
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
  public static WidgetStatus fromValue(String wireValue) {
    if (wireValue == null) {
      return null;
    }
    WidgetStatus known = BY_WIRE_VALUE.get(wireValue);
    return known != null ? known : new WidgetStatus(wireValue, Value.UNRECOGNIZED);
  }

  /**
   * The known values, in the order of the spec.
   *
   * @return an unmodifiable list of the constants
   */
  public static java.util.List<WidgetStatus> knownValues() {
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

  /**
   * True when the spec declares this value final (x-spot-terminal). False for every other value, including one
   * this version does not know: an unknown status is never taken to mean that the order has ended.
   *
   * @return whether the value is final
   */
  public boolean isTerminal() {
    return TERMINAL.contains(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WidgetStatus other && wireValue.equals(other.wireValue);
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
