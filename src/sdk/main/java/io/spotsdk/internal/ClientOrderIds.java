package io.spotsdk.internal;

import java.security.SecureRandom;

/**
 * Client order ids the SDK creates before the first attempt, so that an unknown outcome can be settled by
 * {@code origClientOrderId}. 28 characters from [A-Za-z0-9], prefixed "sdk": within Binance's 36-character
 * rule and valid as a WebSocket request id too.
 */
public final class ClientOrderIds {
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ClientOrderIds() {}

  public static String next() {
    byte[] bytes = new byte[25];
    RANDOM.nextBytes(bytes);
    char[] out = new char[28];
    out[0] = 's';
    out[1] = 'd';
    out[2] = 'k';
    for (int i = 0; i < 25; i++) {
      out[i + 3] = ALPHABET[(bytes[i] & 0xff) % ALPHABET.length];
    }
    return new String(out);
  }
}
