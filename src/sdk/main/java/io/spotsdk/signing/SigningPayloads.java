package io.spotsdk.signing;

import io.spotsdk.core.Params;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the exact strings that are signed. */
public final class SigningPayloads {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SigningPayloads() {}

  /**
   * REST: the parameters as {@code name=value} joined by {@code '&'}, in the given order, each name and value
   * {@linkplain #percentEncode percent-encoded}. This is both the signed payload and the sent query string (or form
   * body).
   *
   * @param params the parameters in the order they are sent
   * @return the encoded query
   * @throws IllegalArgumentException if a parameter, its name or its value is null, or a string is not valid UTF-16
   */
  public static String restQuery(List<Params.Param> params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    StringBuilder b = new StringBuilder(params.size() * 24);
    for (int i = 0; i < params.size(); i++) {
      Params.Param p = params.get(i);
      if (p == null || p.name() == null) {
        throw new IllegalArgumentException("parameter #" + i + " has no name");
      }
      if (p.value() == null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' has a null value");
      }
      if (i > 0) {
        b.append('&');
      }
      appendEncoded(b, p.name());
      b.append('=');
      appendEncoded(b, p.value());
    }
    return b.toString();
  }

  /**
   * Percent-encodes per RFC 3986: keeps {@code A-Z a-z 0-9 - _ . ~}; every other character becomes {@code %XX} (upper
   * case hex) for each byte of its UTF-8 encoding. Space is {@code %20}, never {@code +}.
   *
   * @param s the text to encode
   * @return the encoded text; {@code s} itself when nothing needs encoding
   * @throws IllegalArgumentException if s is null or contains an unpaired surrogate
   */
  public static String percentEncode(String s) {
    if (s == null) {
      throw new IllegalArgumentException("cannot percent-encode null");
    }
    int n = s.length();
    int i = 0;
    while (i < n && isUnreserved(s.charAt(i))) {
      i++;
    }
    if (i == n) {
      return s;
    }
    StringBuilder b = new StringBuilder(n + 16);
    appendEncoded(b, s);
    return b.toString();
  }

  /**
   * WebSocket: every parameter except {@code signature}, sorted by name (String natural order), {@code name=value}
   * joined by {@code '&'}, NOT percent-encoded. Includes {@code apiKey} when present.
   *
   * @param params the request's parameters by name
   * @return the payload to sign
   * @throws IllegalArgumentException if the map, a name or a value is null
   */
  public static String wsPayload(Map<String, String> params) {
    if (params == null) {
      throw new IllegalArgumentException("params is null");
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : params.entrySet()) {
      String name = e.getKey();
      if (name == null) {
        throw new IllegalArgumentException("a parameter has a null name");
      }
      if ("signature".equals(name)) {
        continue;
      }
      if (e.getValue() == null) {
        throw new IllegalArgumentException("parameter '" + name + "' has a null value");
      }
      sorted.put(name, e.getValue());
    }
    StringBuilder b = new StringBuilder(sorted.size() * 24);
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }

  /** RFC 3986's unreserved characters, by ASCII code: one load instead of a chain of range checks per character. */
  private static final boolean[] UNRESERVED = new boolean[128];

  static {
    for (char c = 0; c < 128; c++) {
      UNRESERVED[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~';
    }
  }

  private static boolean isUnreserved(char c) {
    return c < 128 && UNRESERVED[c];
  }

  private static void appendEncoded(StringBuilder b, String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      int run = i;
      while (i < n && isUnreserved(s.charAt(i))) {
        i++;
      }
      if (i > run) {
        b.append(s, run, i); // a run that needs no encoding is copied whole
      }
      if (i == n) {
        return;
      }
      char c = s.charAt(i);
      if (c < 0x80) {
        appendByte(b, c);
      } else if (c < 0x800) {
        appendByte(b, 0xC0 | (c >> 6));
        appendByte(b, 0x80 | (c & 0x3F));
      } else if (Character.isSurrogate(c)) {
        if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw new IllegalArgumentException("string has an unpaired surrogate at index " + i);
        }
        int cp = Character.toCodePoint(c, s.charAt(++i));
        appendByte(b, 0xF0 | (cp >> 18));
        appendByte(b, 0x80 | ((cp >> 12) & 0x3F));
        appendByte(b, 0x80 | ((cp >> 6) & 0x3F));
        appendByte(b, 0x80 | (cp & 0x3F));
      } else {
        appendByte(b, 0xE0 | (c >> 12));
        appendByte(b, 0x80 | ((c >> 6) & 0x3F));
        appendByte(b, 0x80 | (c & 0x3F));
      }
    }
  }

  private static void appendByte(StringBuilder b, int v) {
    b.append('%').append(HEX[(v >> 4) & 0xF]).append(HEX[v & 0xF]);
  }
}
