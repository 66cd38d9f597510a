package io.spotsdk.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads an unencrypted PKCS#8 private key from PEM ("-----BEGIN PRIVATE KEY-----"). Text outside the armor and
 * whitespace inside it are ignored (RFC 7468). Errors are {@link SigningKeyException}s whose messages never quote the
 * input.
 */
final class Pkcs8Pem {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  // DER encodings of the algorithm OIDs we can name in error messages
  private static final byte[] OID_RSA = {0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};
  private static final byte[] OID_ED25519 = {0x06, 0x03, 0x2B, 0x65, 0x70};
  private static final byte[] OID_ED448 = {0x06, 0x03, 0x2B, 0x65, 0x71};
  private static final byte[] OID_EC = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};

  private Pkcs8Pem() {}

  /**
   * @param keyFactoryAlgorithm "RSA" or "Ed25519"
   * @param what how to name the expected key in messages, e.g. "RSA"
   */
  static PrivateKey read(String pem, String keyFactoryAlgorithm, String what) {
    if (pem == null) {
      throw new SigningKeyException(what + " private key PEM is null");
    }
    int begin = pem.indexOf(BEGIN);
    if (begin < 0) {
      throw new SigningKeyException(what + " private key: " + describeMissingArmor(pem));
    }
    int bodyStart = begin + BEGIN.length();
    int end = pem.indexOf(END, bodyStart);
    if (end < 0) {
      throw new SigningKeyException(what + " private key PEM has no '" + END + "' line");
    }
    String body = stripWhitespace(pem, bodyStart, end);
    if (body.isEmpty()) {
      throw new SigningKeyException(what + " private key PEM is empty between its BEGIN and END lines");
    }
    byte[] der;
    try {
      der = Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new SigningKeyException(what + " private key PEM body is not valid base64");
    }
    try {
      String found = algorithmOf(der);
      if (found != null && !found.equals(what)) {
        throw new SigningKeyException("PEM holds a PKCS#8 " + found + " private key, but an " + what + " key was expected");
      }
      try {
        return KeyFactory.getInstance(keyFactoryAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new SigningKeyException(what + " private key PEM is not a valid PKCS#8 " + what + " private key");
      }
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static String describeMissingArmor(String pem) {
    if (pem.isBlank()) {
      return "PEM is empty";
    }
    if (pem.contains("-----BEGIN RSA PRIVATE KEY-----")) {
      return "PEM is PKCS#1 ('BEGIN RSA PRIVATE KEY'); PKCS#8 ('BEGIN PRIVATE KEY') is required,"
          + " convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem";
    }
    if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
      return "PEM is an encrypted PKCS#8 key; decrypt it first (openssl pkcs8 -in key.pem)";
    }
    if (pem.contains("-----BEGIN OPENSSH PRIVATE KEY-----")) {
      return "PEM is in OpenSSH format; PKCS#8 ('BEGIN PRIVATE KEY') is required";
    }
    if (pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
      return "PEM is an SEC1 EC key; PKCS#8 'BEGIN PRIVATE KEY' with an RSA or Ed25519 key is required";
    }
    if (pem.contains("-----BEGIN PUBLIC KEY-----") || pem.contains("-----BEGIN RSA PUBLIC KEY-----")) {
      return "PEM holds a public key; the private key is required";
    }
    if (pem.contains("-----BEGIN ")) {
      return "PEM has an unsupported type; PKCS#8 ('BEGIN PRIVATE KEY') is required";
    }
    return "input is not PEM; expected a '" + BEGIN + "' block";
  }

  private static String stripWhitespace(String s, int from, int to) {
    StringBuilder b = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The algorithm named by a PKCS#8 structure's AlgorithmIdentifier, if it is one we know; else null. */
  private static String algorithmOf(byte[] der) {
    // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, ... }
    // The OID sits within the first ~30 bytes; a bounded search is enough to name it in an error message.
    int limit = Math.min(der.length, 32);
    if (contains(der, limit, OID_RSA)) {
      return "RSA";
    }
    if (contains(der, limit, OID_ED25519)) {
      return "Ed25519";
    }
    if (contains(der, limit, OID_ED448)) {
      return "Ed448";
    }
    if (contains(der, limit, OID_EC)) {
      return "EC";
    }
    return null;
  }

  private static boolean contains(byte[] hay, int limit, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= limit; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
