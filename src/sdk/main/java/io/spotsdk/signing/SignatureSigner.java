package io.spotsdk.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Shared engine of the asymmetric signers: one initialized {@link Signature} per thread (Signature is not
 * thread-safe), base64 output.
 */
final class SignatureSigner {
  private final String algorithm;
  private final PrivateKey key;
  private final ThreadLocal<Signature> signatures;

  /** @param what how to name the key in messages, e.g. "RSA" */
  SignatureSigner(String algorithm, PrivateKey key, String what) {
    if (key == null) {
      throw new SigningKeyException(what + " private key is null");
    }
    this.algorithm = algorithm;
    this.key = key;
    Signature first;
    try {
      first = Signature.getInstance(algorithm);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available in this JVM", e);
    }
    try {
      first.initSign(key);
    } catch (InvalidKeyException | RuntimeException e) {
      throw new SigningKeyException("key is not a usable " + what + " private key (algorithm "
          + key.getAlgorithm() + ")");
    }
    this.signatures = ThreadLocal.withInitial(this::newSignature);
    this.signatures.set(first);
  }

  private Signature newSignature() {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      return s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " signer could not be initialized", e);
    }
  }

  String sign(String payload) {
    Objects.requireNonNull(payload, "payload");
    Signature s = signatures.get();
    try {
      s.update(payload.getBytes(StandardCharsets.UTF_8));
      // sign() resets the Signature to its initSign state, ready for the next call on this thread
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException | RuntimeException e) {
      signatures.remove(); // do not reuse an instance left in an unknown state
      throw new IllegalStateException(algorithm + " signing failed", e);
    }
  }
}
