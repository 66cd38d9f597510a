package io.spotsdk.signing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;

/** Key pairs generated once per test run, and PEM export. */
final class TestKeys {
  static final KeyPair RSA = generate("RSA", 2048);
  static final KeyPair ED25519 = generate("Ed25519", 0);

  private TestKeys() {}

  static KeyPair generate(String algorithm, int bits) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (bits > 0) {
        g.initialize(bits);
      }
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** PKCS#8 PEM with 64-character lines, as openssl writes it. */
  static String pkcs8Pem(PrivateKey key) {
    return pem("PRIVATE KEY", key.getEncoded(), "\n");
  }

  static String pem(String label, byte[] der, String newline) {
    String body = Base64.getMimeEncoder(64, newline.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + label + "-----" + newline + body + newline + "-----END " + label + "-----" + newline;
  }

  /** The base64 body of a PEM without line breaks. */
  static String base64(PrivateKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }
}
