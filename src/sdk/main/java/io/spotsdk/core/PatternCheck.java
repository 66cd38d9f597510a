package io.spotsdk.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A spec pattern of the usual shape, {@code ^ATOM{m,n}$} (or {@code +}, {@code *}, {@code {m}}) where ATOM is
 * {@code \S} or a class of ASCII letters, digits, ranges and punctuation, checked by a table instead of a Matcher:
 * made once per pattern, it allocates nothing per value. It answers exactly as {@code pattern.matcher(v).find()}:
 * that includes Java's {@code $} also matching before one final line terminator. Any other pattern has no check
 * here ({@link #of} gives null) and keeps the regex.
 */
final class PatternCheck {
  private static final int MAX_CACHED = 1024;
  private static final PatternCheck NONE = new PatternCheck(null, 0, 0, false);
  private static final ConcurrentHashMap<Pattern, PatternCheck> CHECKS = new ConcurrentHashMap<>();

  /** The ASCII characters the atom accepts; null for {@code \S}, which accepts all but six whitespace chars. */
  private final boolean[] allowed;
  private final int min;
  private final int max;
  private final boolean usable;

  private PatternCheck(boolean[] allowed, int min, int max, boolean usable) {
    this.allowed = allowed;
    this.min = min;
    this.max = max;
    this.usable = usable;
  }

  /** The check for a pattern, or null when it is not of the usual shape. */
  static PatternCheck of(Pattern pattern) {
    PatternCheck c = CHECKS.get(pattern);
    if (c == null) {
      c = compile(pattern);
      if (CHECKS.size() < MAX_CACHED) {
        CHECKS.putIfAbsent(pattern, c);
      }
    }
    return c.usable ? c : null;
  }

  boolean matches(String v) {
    int n = v.length();
    if (fits(v, n)) {
      return true;
    }
    // Java's $ (not MULTILINE) also matches before a final \r\n, or a final \n (not after \r), \r, \u0085, \u2028
    // or \u2029; ^ anchors at 0, so those are the only other places the match may end.
    if (n >= 2 && v.charAt(n - 2) == '\r' && v.charAt(n - 1) == '\n') {
      return fits(v, n - 2);
    }
    if (n >= 1) {
      char last = v.charAt(n - 1);
      if (last == '\n' || last == '\r' || last == '\u0085' || last == '\u2028' || last == '\u2029') {
        return fits(v, n - 1);
      }
    }
    return false;
  }

  /** Whether the first {@code k} chars are min..max atoms. */
  private boolean fits(String v, int k) {
    if (k < min || k > max) {
      return false;
    }
    for (int i = 0; i < k; i++) {
      char ch = v.charAt(i);
      if (allowed == null) {
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r') {
          return false;
        }
      } else if (ch >= 128 || !allowed[ch]) {
        return false;
      }
    }
    return true;
  }

  private static PatternCheck compile(Pattern pattern) {
    String p = pattern.pattern();
    if (pattern.flags() != 0 || !p.startsWith("^") || !p.endsWith("$") || p.length() < 4) {
      return NONE;
    }
    String body = p.substring(1, p.length() - 1);
    boolean[] allowed;
    int at;
    if (body.startsWith("\\S")) {
      allowed = null;
      at = 2;
    } else if (body.startsWith("[") && !body.contains("\\\\")) {
      int close = body.indexOf(']', 1);
      while (close > 0 && body.charAt(close - 1) == '\\') {
        close = body.indexOf(']', close + 1);
      }
      if (close < 0) {
        return NONE;
      }
      allowed = charClass(body.substring(1, close));
      if (allowed == null) {
        return NONE;
      }
      at = close + 1;
    } else {
      return NONE;
    }
    String q = body.substring(at);
    int min;
    int max;
    if (q.equals("+")) {
      min = 1;
      max = Integer.MAX_VALUE;
    } else if (q.equals("*")) {
      min = 0;
      max = Integer.MAX_VALUE;
    } else if (q.matches("\\{[0-9]{1,4}(,[0-9]{1,4})?}")) {
      String[] mn = q.substring(1, q.length() - 1).split(",");
      min = Integer.parseInt(mn[0]);
      max = mn.length == 2 ? Integer.parseInt(mn[1]) : min;
      if (max < min) {
        return NONE;
      }
    } else {
      return NONE;
    }
    if (allowed == null && (min > 1 || max != Integer.MAX_VALUE)) {
      return NONE; // \S counts code points, not chars: only "at least one" counts the same either way
    }
    return new PatternCheck(allowed, min, max, true);
  }

  /** Letters, digits, their ranges and escaped or plain punctuation; null for anything else (a negation, ...). */
  private static boolean[] charClass(String c) {
    boolean[] allowed = new boolean[128];
    int i = 0;
    while (i < c.length()) {
      char ch = c.charAt(i);
      char literal;
      if (ch == '\\') {
        if (i + 1 >= c.length()) {
          return null;
        }
        literal = c.charAt(i + 1);
        if (Character.isLetterOrDigit(literal) || literal >= 128) {
          return null; // \d, \w, \p{..}: not a plain character
        }
        i += 2;
      } else {
        if (ch == '[' || ch == '^' || ch == '&' || ch >= 128 || ch < 33) {
          return null;
        }
        literal = ch;
        i++;
      }
      if (i + 1 < c.length() && c.charAt(i) == '-') {
        char to = c.charAt(i + 1);
        if (ch == '\\' || to == '\\') {
          return null; // a range from or to an escape: not read here
        }
        if (!sameKind(literal, to) || to < literal) {
          return null;
        }
        for (char x = literal; x <= to; x++) {
          allowed[x] = true;
        }
        i += 2;
      } else {
        allowed[literal] = true;
      }
    }
    return allowed;
  }

  private static boolean sameKind(char a, char b) {
    return (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z') || (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z')
        || (a >= '0' && a <= '9' && b >= '0' && b <= '9');
  }
}
