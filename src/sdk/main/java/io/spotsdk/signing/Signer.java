package io.spotsdk.signing;

/** Signs request payloads. Implementations are thread-safe. */
public interface Signer {
  /**
   * Signs a payload. The payload is UTF-8 encoded before signing.
   *
   * @param payload the text to sign: the REST query string, or the WebSocket API's sorted parameters
   * @return for HMAC, lowercase hex; for RSA (SHA256withRSA, PKCS#1 v1.5) and Ed25519, standard base64 with padding.
   *     The base64 is NOT url-encoded: the caller percent-encodes it when placing it in a URL or form body.
   */
  String sign(String payload);

  /**
   * Which kind of key signs; the WebSocket API's {@code session.logon} needs Ed25519.
   *
   * @return the key kind
   */
  KeyKind kind();
}
