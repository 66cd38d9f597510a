package io.spotsdk.spec;

/**
 * One difference between the baseline bundle of the last release and this build's bundle, with what it means for the
 * version. {@code before} and {@code after} are what a reader of the failure needs to see ("REJECTED" → "UNKNOWN");
 * either is "-" when the thing did not exist on that side.
 */
record SpecChange(Impact impact, String source, String where, String what, String before, String after) {

  /** What a change asks of the next version number; declared from least to most. */
  enum Impact {
    /** Descriptions, examples, nothing a caller or decoder can notice. */
    PATCH,
    /** Something added: an operation, a status, an optional field. Old callers keep working. */
    MINOR,
    /** Something removed or given another meaning. Old callers or old readings of a reply are wrong. */
    BREAKING
  }

  static SpecChange breaking(String source, String where, String what, Object before, Object after) {
    return new SpecChange(Impact.BREAKING, source, where, what, text(before), text(after));
  }

  static SpecChange minor(String source, String where, String what, Object before, Object after) {
    return new SpecChange(Impact.MINOR, source, where, what, text(before), text(after));
  }

  static SpecChange patch(String source, String where, String what) {
    return new SpecChange(Impact.PATCH, source, where, what, "-", "-");
  }

  private static String text(Object o) {
    return o == null ? "-" : String.valueOf(o);
  }

  @Override
  public String toString() {
    String change = before.equals("-") && after.equals("-") ? "" : ": " + before + " -> " + after;
    return impact + " [" + source + "] " + where + ": " + what + change;
  }
}
