package io.spotsdk.signing;

/**
 * Bad key material (HMAC secret, PEM, private key). The message names the problem but never contains key material,
 * and no underlying exception is attached as the cause, since its message is outside this SDK's control.
 */
public final class SigningKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Refuses key material.
   *
   * @param message what is wrong, without any key material
   */
  public SigningKeyException(String message) {
    super(message);
  }
}
