package io.spotsdk.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signer. Signature is lowercase hex. Thread-safe: each thread keeps its own initialized {@link Mac}. */
public final class HmacSigner implements Signer {
  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  /**
   * A signer for an HMAC API key's secret; {@link Credentials#hmac} makes one with its API key.
   *
   * @param secretKey the API secret as shown by Binance (UTF-8 encoded to form the HMAC key)
   * @throws SigningKeyException if the secret is null, empty or has leading/trailing whitespace
   */
  public HmacSigner(String secretKey) {
    if (secretKey == null) {
      throw new SigningKeyException("HMAC secret key is null");
    }
    if (secretKey.isEmpty()) {
      throw new SigningKeyException("HMAC secret key is empty");
    }
    if (!secretKey.strip().equals(secretKey)) {
      throw new SigningKeyException("HMAC secret key has leading or trailing whitespace (copy/paste error?)");
    }
    this.key = new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    Mac first = newMac(key); // fail now, not on first sign, if HmacSHA256 is unusable
    this.macs = ThreadLocal.withInitial(() -> newMac(key));
    this.macs.set(first);
  }

  private static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  @Override
  public String sign(String payload) {
    Objects.requireNonNull(payload, "payload");
    Mac mac = macs.get();
    // doFinal resets the Mac to its initialized state, ready for the next call on this thread
    return HEX.formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public KeyKind kind() {
    return KeyKind.HMAC_SHA256;
  }

  @Override
  public String toString() {
    return "HmacSigner[secret=<redacted>]";
  }
}
