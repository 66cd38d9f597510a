package io.spotsdk.signing;

import java.security.PrivateKey;
import java.security.interfaces.RSAKey;

/** RSA signer: SHA256withRSA (RSASSA-PKCS1-v1_5), standard base64 output. Thread-safe. */
public final class RsaSigner implements Signer {
  private final SignatureSigner engine;
  private final int bits;

  /**
   * A signer for a key already loaded, e.g. from a key store; {@link #fromPkcs8Pem} reads PEM text.
   *
   * @param key an RSA private key
   * @throws SigningKeyException if the key is null or not an RSA private key
   */
  public RsaSigner(PrivateKey key) {
    if (key != null && !"RSA".equalsIgnoreCase(key.getAlgorithm())) {
      throw new SigningKeyException("key is not an RSA private key (algorithm " + key.getAlgorithm() + ")");
    }
    this.engine = new SignatureSigner("SHA256withRSA", key, "RSA");
    this.bits = key instanceof RSAKey rsa ? rsa.getModulus().bitLength() : -1;
  }

  /**
   * Loads an unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"). PKCS#1 ("BEGIN RSA PRIVATE KEY") is rejected;
   * convert it with {@code openssl pkcs8 -topk8 -nocrypt}.
   *
   * @param pem the PEM text itself, not a file path
   * @return the signer
   * @throws SigningKeyException if the PEM is missing, malformed, or not an RSA PKCS#8 private key
   */
  public static RsaSigner fromPkcs8Pem(String pem) {
    return new RsaSigner(Pkcs8Pem.read(pem, "RSA", "RSA"));
  }

  @Override
  public String sign(String payload) {
    return engine.sign(payload);
  }

  @Override
  public KeyKind kind() {
    return KeyKind.RSA;
  }

  @Override
  public String toString() {
    return bits > 0 ? "RsaSigner[key=<redacted>, bits=" + bits + "]" : "RsaSigner[key=<redacted>]";
  }
}
