package io.spotsdk.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 in lower-case hex, one Mac per thread (a Mac is not thread-safe, and a new one is slow). */
public final class Hmac {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final ThreadLocal<Mac> macs;

  public Hmac(String secret) {
    SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(() -> {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(key);
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  public String sign(String payload) {
    byte[] d = macs.get().doFinal(payload.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }

  /** Compared in constant time, case-insensitively (hex may come in either case). */
  public boolean verify(String payload, String signature) {
    if (signature == null) {
      return false;
    }
    return MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
        signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}
