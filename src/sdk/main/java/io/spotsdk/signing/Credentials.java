package io.spotsdk.signing;

import java.util.Objects;

/**
 * An API key and the signer for its secret. The API key goes in the {@code X-MBX-APIKEY} header (REST) or the
 * {@code apiKey} parameter (WebSocket). {@link #toString()} shows only a masked key prefix, never secrets.
 */
public final class Credentials {
  private final String apiKey;
  private final Signer signer;

  /**
   * Credentials with a signer of your own, e.g. one backed by a hardware key.
   *
   * @param apiKey the API key, as Binance shows it
   * @param signer signs every signed request with the key's secret
   * @throws SigningKeyException if the API key is null, empty, or contains whitespace or control characters (it is
   *     sent as an HTTP header value)
   * @throws NullPointerException if signer is null
   */
  public Credentials(String apiKey, Signer signer) {
    this.apiKey = checkApiKey(apiKey);
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  /**
   * HMAC-SHA256 credentials from an API key and its secret key.
   *
   * @param apiKey the API key
   * @param secret the secret key Binance showed once, as text
   * @return the credentials
   * @throws SigningKeyException if the key or the secret is unusable
   */
  public static Credentials hmac(String apiKey, String secret) {
    return new Credentials(apiKey, new HmacSigner(secret));
  }

  /**
   * Ed25519 credentials from an API key and an unencrypted PKCS#8 PEM private key, the kind Binance recommends.
   *
   * @param apiKey the API key Binance gave for the registered public key
   * @param pkcs8Pem the PEM text itself (not a file path), as {@code openssl genpkey -algorithm ed25519} writes it
   * @return the credentials
   * @throws SigningKeyException if the key or the PEM is unusable
   */
  public static Credentials ed25519(String apiKey, String pkcs8Pem) {
    return new Credentials(apiKey, Ed25519Signer.fromPkcs8Pem(pkcs8Pem));
  }

  /**
   * RSA credentials from an API key and an unencrypted PKCS#8 PEM private key.
   *
   * @param apiKey the API key Binance gave for the registered public key
   * @param pkcs8Pem the PEM text itself (not a file path), {@code -----BEGIN PRIVATE KEY-----}
   * @return the credentials
   * @throws SigningKeyException if the key or the PEM is unusable
   */
  public static Credentials rsa(String apiKey, String pkcs8Pem) {
    return new Credentials(apiKey, RsaSigner.fromPkcs8Pem(pkcs8Pem));
  }

  /**
   * The API key, sent with every signed request. Not a secret by Binance's rules, but it is masked in
   * {@link #toString()} all the same.
   *
   * @return the API key
   */
  public String apiKey() {
    return apiKey;
  }

  /**
   * The signer of the key's secret.
   *
   * @return the signer
   */
  public Signer signer() {
    return signer;
  }

  /** A masked form of the API key, e.g. {@code "vmPU…(64 chars)"}: the first 4 characters only for keys of 16+. */
  static String mask(String apiKey) {
    String prefix = apiKey.length() >= 16 ? apiKey.substring(0, 4) : "";
    return prefix + "…(" + apiKey.length() + " chars)";
  }

  private static String checkApiKey(String apiKey) {
    if (apiKey == null) {
      throw new SigningKeyException("API key is null");
    }
    if (apiKey.isEmpty()) {
      throw new SigningKeyException("API key is empty");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c <= ' ' || c == 0x7F || Character.isWhitespace(c)) {
        throw new SigningKeyException("API key contains whitespace or a control character at index " + i);
      }
    }
    return apiKey;
  }

  @Override
  public String toString() {
    return "Credentials[apiKey=" + mask(apiKey) + ", kind=" + signer.kind() + ", signer=" + signer + "]";
  }
}
