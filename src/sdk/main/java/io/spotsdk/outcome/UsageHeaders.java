package io.spotsdk.outcome;

import io.spotsdk.internal.spec.SpecFacts;
import io.spotsdk.model.RateLimitInterval;
import io.spotsdk.model.RateLimitType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One family of REST usage headers, as the spec declares it ({@code x-spot-header-pattern} and
 * {@code x-spot-rate-limit-type}, generated into {@link SpecFacts#USAGE_HEADERS}). A pattern of the spec's usual
 * shape, {@code ^PREFIX([0-9]+)([SMHD])$}, is matched by hand (no Matcher, no substring per header); any other
 * pattern still works, through the regex.
 */
final class UsageHeaders {
  private static final String USUAL_TAIL = "([0-9]+)([SMHD])$";
  private static final Pattern USUAL_PREFIX = Pattern.compile("[A-Za-z0-9-]+");
  /** Interval numbers up to this many digits; more cannot be a real window and would overflow. */
  private static final int MAX_DIGITS = 6;
  /** Keys for small interval numbers are made once: a response's usage allocates no key. */
  private static final int CACHED_NUMS = 64;
  /** After the constants above, which building these needs. */
  static final List<UsageHeaders> FROM_SPEC = SpecFacts.USAGE_HEADERS.stream()
      .map(h -> new UsageHeaders(RateLimitType.fromValue(h.rateLimitType()), h.pattern())).toList();

  private final RateLimitType type;
  private final Pattern pattern;
  /** The literal prefix in lower case when the pattern has the usual shape, else null. */
  private final String prefix;
  private final UsageKey[][] keys = new UsageKey[RateLimitInterval.knownValues().size()][CACHED_NUMS];

  private UsageHeaders(RateLimitType type, String regex) {
    this.type = type;
    this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    String p = null;
    if (regex.startsWith("^") && regex.endsWith(USUAL_TAIL)) {
      String literal = regex.substring(1, regex.length() - USUAL_TAIL.length());
      if (USUAL_PREFIX.matcher(literal).matches()) {
        p = literal.toLowerCase(Locale.ROOT);
      }
    }
    this.prefix = p;
  }

  /** The limiter a header of this family counts, or null when {@code name} is not one of its headers. */
  UsageKey match(String name) {
    if (prefix != null) {
      return matchUsual(name);
    }
    Matcher m = pattern.matcher(name);
    if (!m.matches() || m.group(1).length() > MAX_DIGITS || m.group(2).length() != 1) {
      return null;
    }
    return key(Integer.parseInt(m.group(1)), m.group(2).charAt(0));
  }

  private UsageKey matchUsual(String name) {
    int start = prefix.length();
    int end = name.length() - 1;
    if (end <= start || end - start > MAX_DIGITS || !name.regionMatches(true, 0, prefix, 0, start)) {
      return null;
    }
    int num = 0;
    for (int i = start; i < end; i++) {
      char c = name.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      num = num * 10 + (c - '0');
    }
    return key(num, name.charAt(end));
  }

  private UsageKey key(int num, char initial) {
    int iv = intervalIndex(initial);
    if (iv < 0) {
      return null;
    }
    if (num >= CACHED_NUMS) {
      return new UsageKey(type, num, RateLimitInterval.knownValues().get(iv));
    }
    UsageKey k = keys[iv][num];
    if (k == null) {
      // A race makes equal keys twice at worst; a record's final fields publish it safely.
      k = new UsageKey(type, num, RateLimitInterval.knownValues().get(iv));
      keys[iv][num] = k;
    }
    return k;
  }

  /** The interval named by its initial in a header (S, M, H, D: the spec's interval names' initials). */
  private static int intervalIndex(char initial) {
    char c = Character.toUpperCase(initial);
    List<RateLimitInterval> known = RateLimitInterval.knownValues();
    for (int i = 0; i < known.size(); i++) {
      if (known.get(i).wireValue().charAt(0) == c) {
        return i;
      }
    }
    return -1;
  }
}
