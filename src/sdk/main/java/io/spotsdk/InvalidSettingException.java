package io.spotsdk;

/**
 * A client setting the SDK could never work with (a base URI it cannot send to, a non-positive timeout), refused when
 * the environment or client is built rather than discovered call by call. Names the setting.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String setting;

  public InvalidSettingException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  /** The offending setting, e.g. {@code restBaseUri}. */
  public String setting() {
    return setting;
  }
}
