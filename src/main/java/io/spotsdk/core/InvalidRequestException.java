package io.spotsdk.core;

/** Bad input from the caller, found before anything was sent. Names the operation and the parameter. */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final String parameter;

  public InvalidRequestException(String operation, String parameter, String message) {
    super(operation + ": " + message);
    this.operation = operation;
    this.parameter = parameter;
  }

  public static InvalidRequestException missing(String operation, String parameter) {
    return new InvalidRequestException(operation, parameter, "required parameter '" + parameter + "' is missing");
  }

  public String operation() {
    return operation;
  }

  /** The offending parameter, or null when the problem is not one parameter's. */
  public String parameter() {
    return parameter;
  }
}
