package io.spotsdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.ratelimit.WaitBounds;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the instants a 429 or 418 names, in each of Binance's forms, and never throws: a number of any size is
 * clamped by {@link WaitBounds#clamp} (past: now; too far: the horizon); what is not a number gives null, and the
 * raw value stays in the outcome's details (headers, error data, msg).
 */
final class RetryInstants {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern BANNED_UNTIL = Pattern.compile("banned until (\\d{10,})");
  /** More digits than this cannot fit a long: such a number is far past the horizon whatever its unit. */
  private static final int MAX_LONG_DIGITS = 18;

  private RetryInstants() {}

  /** REST {@code Retry-After}: seconds from now. An HTTP-date, a fraction or text is not read. */
  static Instant fromSeconds(String header, Instant now) {
    if (header == null || !INTEGER.matcher(header.trim()).matches()) {
      return null;
    }
    String s = header.trim();
    boolean negative = s.charAt(0) == '-';
    String digits = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
    if (negative) {
      return now;
    }
    if (significant(digits) > MAX_LONG_DIGITS) {
      return now.plus(WaitBounds.HORIZON);
    }
    long seconds = Long.parseLong(digits);
    return seconds > WaitBounds.HORIZON.getSeconds() ? now.plus(WaitBounds.HORIZON) : now.plusSeconds(seconds);
  }

  /** WS {@code error.data.retryAfter}: epoch milliseconds, as a JSON number (or a string of digits). */
  static Instant fromEpochMillis(JsonNode node, Instant now) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      String s = node.asText().trim();
      return INTEGER.matcher(s).matches() ? epochMillis(s, now) : null;
    }
    if (!node.isNumber()) {
      return null;
    }
    if (node.canConvertToLong()) {
      return WaitBounds.clamp(now, Instant.ofEpochMilli(node.asLong()));
    }
    double d = node.asDouble(); // beyond a long, or NaN
    if (Double.isNaN(d)) {
      return null;
    }
    return d > 0 ? now.plus(WaitBounds.HORIZON) : now;
  }

  /** The ban instant (epoch ms) in a -1003 msg: "... IP banned until 1659146400000. ...". */
  static Instant fromBanMsg(String msg, Instant now) {
    if (msg == null) {
      return null;
    }
    Matcher m = BANNED_UNTIL.matcher(msg);
    return m.find() ? epochMillis(m.group(1), now) : null;
  }

  private static Instant epochMillis(String integer, Instant now) {
    if (integer.charAt(0) == '-') {
      return now;
    }
    String digits = integer.charAt(0) == '+' ? integer.substring(1) : integer;
    if (significant(digits) > MAX_LONG_DIGITS) {
      return now.plus(WaitBounds.HORIZON);
    }
    return WaitBounds.clamp(now, Instant.ofEpochMilli(Long.parseLong(digits)));
  }

  /** Digits after leading zeros, so "000…0005" is 5, not a huge number. */
  private static int significant(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.length() - i;
  }
}
