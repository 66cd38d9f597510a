package io.spotsdk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in text before it reaches a log line or a message: the values of secret-bearing fields (API keys,
 * signatures, secrets, private keys, listen keys, tokens) in JSON, query strings and headers, and, anywhere in the
 * text, each secret value this instance was given (the client's own API key). It works on the text itself, not on
 * parsed JSON, because what needs masking most is what does not parse: truncated, malformed and unexpected frames.
 * It never throws.
 */
public final class Redaction {
  public static final String MASK = "***";
  /** Masks secret-bearing fields only. */
  public static final Redaction FIELDS = new Redaction(List.of());

  private static final String NAMES = "api[-_]?key|x-mbx-apikey|signature|secret(?:[-_]?key)?|private[-_]?key"
      + "|listen[-_]?key|pass(?:word|phrase)|(?:access[-_]?|auth[-_]?)?token";
  // "name": "value" (the closing quote may be cut off), or "name": <number, literal or anything up to , } ]>
  private static final Pattern JSON_FIELD = Pattern.compile(
      "(\"(?:" + NAMES + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"?|[^,}\\]\\s]+)", Pattern.CASE_INSENSITIVE);
  // name=value (query strings, form bodies) and name: value (headers, plain text)
  private static final Pattern PAIR = Pattern.compile(
      "((?<![A-Za-z0-9_])(?:" + NAMES + ")\\s*[=:]\\s*)([^&,;\\s\"}\\]]+)", Pattern.CASE_INSENSITIVE);
  // Shorter values would mask ordinary words; real keys and signatures are far longer.
  private static final int MIN_LITERAL = 8;

  private final List<String> literals;

  private Redaction(List<String> literals) {
    this.literals = literals;
  }

  /** Masks fields, and every occurrence of each given value (nulls and short values are ignored). */
  public static Redaction of(String... secrets) {
    List<String> l = new ArrayList<>();
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_LITERAL) {
        l.add(s);
      }
    }
    return new Redaction(List.copyOf(l));
  }

  /** The text with every secret masked; "null" for null. */
  public String apply(CharSequence text) {
    if (text == null) {
      return "null";
    }
    try {
      String s = text.toString();
      for (String lit : literals) {
        s = s.replace(lit, MASK);
      }
      s = JSON_FIELD.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
      return PAIR.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    } catch (RuntimeException | StackOverflowError e) {
      return "<text withheld: it could not be redacted>";
    }
  }

  /** {@link #apply}, then cut to {@code max} characters. Redacting first: a cut may not split a secret open. */
  public String preview(CharSequence text, int max) {
    String s = apply(text);
    return s.length() > max ? s.substring(0, max) + "..." : s;
  }

  /** An exception as "Class: message" with the message redacted; never its stack or its cause's text. */
  public String describe(Throwable t) {
    if (t == null) {
      return "null";
    }
    return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + preview(t.getMessage(), 300));
  }
}
