package io.spotsdk.signing;

import java.security.PrivateKey;

/** Ed25519 signer: 64-byte signatures, standard base64 output. Thread-safe. */
public final class Ed25519Signer implements Signer {
  private final SignatureSigner engine;

  /**
   * A signer for a key already loaded, e.g. from a key store; {@link #fromPkcs8Pem} reads PEM text.
   *
   * @param key an Ed25519 private key
   * @throws SigningKeyException if the key is null or not an Ed25519 private key (e.g. Ed448 or RSA)
   */
  public Ed25519Signer(PrivateKey key) {
    // Signature "Ed25519" rejects non-Ed25519 keys (incl. Ed448) in initSign
    this.engine = new SignatureSigner("Ed25519", key, "Ed25519");
  }

  /**
   * Loads an unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as produced by Binance's key generator or
   * {@code openssl genpkey -algorithm ed25519}.
   *
   * @param pem the PEM text itself, not a file path
   * @return the signer
   * @throws SigningKeyException if the PEM is missing, malformed, or not an Ed25519 PKCS#8 private key
   */
  public static Ed25519Signer fromPkcs8Pem(String pem) {
    return new Ed25519Signer(Pkcs8Pem.read(pem, "Ed25519", "Ed25519"));
  }

  @Override
  public String sign(String payload) {
    return engine.sign(payload);
  }

  @Override
  public KeyKind kind() {
    return KeyKind.ED25519;
  }

  @Override
  public String toString() {
    return "Ed25519Signer[key=<redacted>]";
  }
}
