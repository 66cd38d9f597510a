package io.spotsdk;

/**
 * Bad input from the caller, found before anything was sent. Names the operation, the parameter and, when a
 * rule of the spec was broken, that rule ({@code "maxLength 36"}, {@code "exclusiveMinimum 0"}, ...).
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** The operation the call was for, as the spec names it. */
  private final String operation;
  /** The offending parameter, or null when the problem is not one parameter's. */
  private final String parameter;
  /** The broken rule of the spec, or null when no declared rule was broken. */
  private final String rule;

  /**
   * Bad input that breaks no single rule of the spec, e.g. a combination the operation does not allow.
   *
   * @param operation the operation, as the spec names it
   * @param parameter the offending parameter, or null when the problem is not one parameter's
   * @param message what is wrong, without echoing a value that might be sensitive
   */
  public InvalidRequestException(String operation, String parameter, String message) {
    this(operation, parameter, null, message);
  }

  private InvalidRequestException(String operation, String parameter, String rule, String message) {
    super(operation + ": " + message);
    this.operation = operation;
    this.parameter = parameter;
    this.rule = rule;
  }

  /**
   * A required parameter that was not given.
   *
   * @param operation the operation, as the spec names it
   * @param parameter the missing parameter
   * @return the exception, with rule {@code "required"}
   */
  public static InvalidRequestException missing(String operation, String parameter) {
    return new InvalidRequestException(operation, parameter, "required",
        "required parameter '" + parameter + "' is missing");
  }

  /**
   * A value that breaks a rule the spec declares for the parameter. {@code problem} says how, without echoing
   * the value (it could be long, and nothing here should have to think about which values are sensitive).
   *
   * @param operation the operation, as the spec names it
   * @param parameter the offending parameter
   * @param rule the rule as the spec declares it, e.g. {@code "maxLength 36"}
   * @param problem how the value breaks it
   * @return the exception
   */
  public static InvalidRequestException broken(String operation, String parameter, String rule, String problem) {
    return new InvalidRequestException(operation, parameter, rule,
        "parameter '" + parameter + "' breaks the rule " + rule + " of the spec: " + problem);
  }

  /**
   * The operation the refused call was for.
   *
   * @return the operation's name, as the spec gives it
   */
  public String operation() {
    return operation;
  }

  /**
   * The offending parameter, so code can point at the right input without parsing the message.
   *
   * @return the parameter's name, or null when the problem is not one parameter's
   */
  public String parameter() {
    return parameter;
  }

  /**
   * The rule of the spec that was broken, as declared ({@code "pattern ^[A-Z]+$"}).
   *
   * @return the rule, or null for other problems
   */
  public String rule() {
    return rule;
  }
}
