package io.spotsdk.signing;

/** The kind of key an API key was registered with, which decides how requests are signed. */
public enum KeyKind {
  /** HMAC-SHA256 over the payload with a shared secret; signature is lowercase hex. Deprecated by Binance. */
  HMAC_SHA256,
  /** RSASSA-PKCS1-v1_5 with SHA-256 (2048 to 4096 bit keys); signature is standard base64. */
  RSA,
  /** Ed25519 (recommended by Binance); signature is 64 bytes, standard base64. */
  ED25519
}
