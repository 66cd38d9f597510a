package io.spotsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The table check answers as {@code matcher(v).find()} does, for the spec's pattern shapes and their edges. */
class PatternCheckTest {
  private static final String CHARS = "aZ09._-:/ \t\n\r\u0085\u2028\u2029\u000B\f+~é\uD83D\uDE00\uD800[]\\";

  @Test
  void answersAsTheRegexDoes() {
    List<Pattern> patterns = List.of(Pattern.compile("^\\S+$"), Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$"),
        Pattern.compile("^[A-Z0-9-_.]{1,20}$"), Pattern.compile("^[a-c]{2}$"), Pattern.compile("^[-x]*$"));
    List<String> values = new ArrayList<>(List.of("", "a", "BTCUSDT", "BTCUSDT\n", "BTCUSDT\r\n", "BTC\r\n\n", "\n",
        "\r\n", "A\r", "A\u0085", "\u0085", "A\u2028", "a b", "x".repeat(36), "x".repeat(37), "x".repeat(36) + "\n",
        "ab\n", "abc", "\uD83D\uDE00", "-", "x-x"));
    SplittableRandom r = new SplittableRandom(12);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(0, 40);
      for (int j = 0; j < n; j++) {
        b.append(r.nextInt(4) == 0 ? CHARS.charAt(r.nextInt(CHARS.length())) : (char) ('a' + r.nextInt(3)));
      }
      values.add(b.toString());
    }
    for (Pattern p : patterns) {
      PatternCheck check = PatternCheck.of(p);
      assertNotNull(check, p.pattern());
      for (String v : values) {
        assertEquals(p.matcher(v).find(), check.matches(v), () -> p.pattern() + " on " + escaped(v));
      }
    }
  }

  @Test
  void anyOtherPatternKeepsTheRegex() {
    for (String p : List.of("^[+-]?[0-9]{1,2}(:[0-9]{2})?$", "^(1s|1m)$", "^[^a]+$", "^[\\d]+$", "^\\S{1,3}$",
        "[a-z]+", "^[a-z&&[^b]]+$")) {
      assertNull(PatternCheck.of(Pattern.compile(p)), p);
    }
    assertNull(PatternCheck.of(Pattern.compile("^[a-z]+$", Pattern.CASE_INSENSITIVE)));
  }

  private static String escaped(String v) {
    StringBuilder b = new StringBuilder();
    v.chars().forEach(c -> b.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
