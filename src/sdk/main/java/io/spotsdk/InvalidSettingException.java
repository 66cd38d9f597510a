package io.spotsdk;

/**
 * A client setting the SDK could never work with (a base URI it cannot send to, a non-positive timeout), refused when
 * the environment or client is built rather than discovered call by call. Names the setting.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  /** The name of the refused setting, kept so that code can tell which one without parsing the message. */
  private final String setting;

  /**
   * Refuses a setting.
   *
   * @param setting the setting's name, as its builder method spells it
   * @param message what is wrong with the value
   */
  public InvalidSettingException(String setting, String message) {
    super(setting + ": " + message);
    this.setting = setting;
  }

  /**
   * The offending setting, e.g. {@code restBaseUri}.
   *
   * @return the setting's name
   */
  public String setting() {
    return setting;
  }
}
