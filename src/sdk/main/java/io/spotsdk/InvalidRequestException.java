package io.spotsdk;

/**
 * Bad input from the caller, found before anything was sent. Names the operation, the parameter and, when a
 * rule of the spec was broken, that rule ({@code "maxLength 36"}, {@code "exclusiveMinimum 0"}, ...).
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final String parameter;
  private final String rule;

  public InvalidRequestException(String operation, String parameter, String message) {
    this(operation, parameter, null, message);
  }

  private InvalidRequestException(String operation, String parameter, String rule, String message) {
    super(operation + ": " + message);
    this.operation = operation;
    this.parameter = parameter;
    this.rule = rule;
  }

  public static InvalidRequestException missing(String operation, String parameter) {
    return new InvalidRequestException(operation, parameter, "required",
        "required parameter '" + parameter + "' is missing");
  }

  /**
   * A value that breaks a rule the spec declares for the parameter. {@code problem} says how, without echoing
   * the value (it could be long, and nothing here should have to think about which values are sensitive).
   */
  public static InvalidRequestException broken(String operation, String parameter, String rule, String problem) {
    return new InvalidRequestException(operation, parameter, rule,
        "parameter '" + parameter + "' breaks the rule " + rule + " of the spec: " + problem);
  }

  public String operation() {
    return operation;
  }

  /** The offending parameter, or null when the problem is not one parameter's. */
  public String parameter() {
    return parameter;
  }

  /** The rule of the spec that was broken, as declared ({@code "pattern ^[A-Z]+$"}), or null for other problems. */
  public String rule() {
    return rule;
  }
}
