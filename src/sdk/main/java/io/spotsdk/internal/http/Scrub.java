package io.spotsdk.internal.http;

import java.util.List;
import java.util.Map;

/**
 * Describes a failure for an outcome's explanation without what the request must never show: exception messages
 * may quote the request line (whose query holds the signature) or a header (the API key).
 */
public final class Scrub {
  /** Header values shorter than this are not secrets worth the search (and would blank common words). */
  private static final int MIN_SECRET = 8;

  private Scrub() {}

  /** The failure's class and message, with {@code query} and every header value cut out. */
  public static String describe(Throwable t, String query, List<Map.Entry<String, String>> headers) {
    String what = t.getClass().getSimpleName();
    String m = t.getMessage();
    if (m == null || m.isEmpty()) {
      return what;
    }
    if (query != null && !query.isEmpty()) {
      m = m.replace(query, "<query>");
      int sig = query.indexOf("signature=");
      if (sig >= 0) {
        int end = query.indexOf('&', sig);
        String signature = query.substring(sig + "signature=".length(), end < 0 ? query.length() : end);
        if (!signature.isEmpty()) {
          m = m.replace(signature, "<redacted>");
        }
      }
    }
    if (headers != null) {
      for (Map.Entry<String, String> h : headers) {
        if (h.getValue() != null && h.getValue().length() >= MIN_SECRET) {
          m = m.replace(h.getValue(), "<redacted>");
        }
      }
    }
    return what + ": " + m;
  }
}
