package io.spotsdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.outcome.RequestRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks that a successful result echoes what the request named ({@code x-spot-echo} in the spec): the same
 * clientOrderId, orderId or symbol. A result that does not is the reply to some other request, whatever its status.
 *
 * <p>It walks the result's tokens ({@link Replay}), the same tokens the value was bound from, so checking costs no
 * second parse of the body and no tree.
 */
final class ReplyEcho {
  private ReplyEcho() {}

  /** A result that can be read again from its start; null stands for no result at all. */
  interface Replay {
    JsonParser open() throws IOException;
  }

  /**
   * Null when every echo holds; otherwise what differs, for the first echo (in declaration order) that does not hold.
   * Parameters the request did not carry are not checked. One walk over the result reads every echoed path.
   */
  static String mismatch(List<CallDescriptor.Echo> echoes, Replay result, Supplier<RequestRecord> request)
      throws IOException {
    int n = echoes.size();
    if (n > Long.SIZE) {
      throw new IllegalStateException(n + " echoes declared for one call; at most " + Long.SIZE + " are read");
    }
    String[] sent = new String[n];
    long wanted = 0;
    for (int k = 0; k < n; k++) {
      sent[k] = SentRequest.param(request, echoes.get(k).param());
      if (sent[k] != null) {
        wanted |= 1L << k;
      }
    }
    if (wanted == 0) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<String>[] got = new List[n];
    if (result != null) {
      try (JsonParser p = result.open()) {
        if (p.nextToken() != null) {
          new Walk(echoes, got).value(p, wanted);
        }
      }
    }
    for (int k = 0; k < n; k++) {
      if (sent[k] == null) {
        continue;
      }
      CallDescriptor.Echo e = echoes.get(k);
      if (got[k] == null || got[k].isEmpty()) {
        return "the result has no " + e.field() + " to echo the " + e.param() + " sent (\"" + sent[k] + "\")";
      }
      if (!got[k].contains(sent[k])) {
        return "the result's " + e.field() + " is \"" + shown(got[k].get(0)) + "\", not the " + e.param() + " sent (\""
            + sent[k] + "\")";
      }
    }
    return null;
  }

  /** The reply is untrusted: a value it carries is shown only in part. */
  private static String shown(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "..." : v;
  }

  /**
   * The text and integer values at every echoed dotted path, in one walk from the value the parser is on (left on
   * its last token). Echo {@code k} is in a bit set while the walk is on its path; {@code at[k]} is where its next
   * path segment starts (past the end once the whole path has matched). Where a path meets an array (the legs of
   * an order list, a result that is a list), every element is followed: the echo holds when one of them carries the
   * value sent. A key repeated in one object counts once, its last value, as when the result is read as a tree.
   */
  private static final class Walk {
    private final List<CallDescriptor.Echo> echoes;
    private final List<String>[] got;
    private final int[] at;

    Walk(List<CallDescriptor.Echo> echoes, List<String>[] got) {
      this.echoes = echoes;
      this.got = got;
      this.at = new int[echoes.size()];
    }

    void value(JsonParser p, long on) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.START_ARRAY) {
        while (p.nextToken() != JsonToken.END_ARRAY) {
          value(p, on);
        }
        return;
      }
      long ended = 0;
      for (long bits = on; bits != 0; bits &= bits - 1) {
        int k = Long.numberOfTrailingZeros(bits);
        if (at[k] > field(k).length()) {
          ended |= 1L << k;
        }
      }
      if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
        if (ended != 0) {
          String v = p.getText();
          for (long bits = ended; bits != 0; bits &= bits - 1) {
            add(Long.numberOfTrailingZeros(bits), v);
          }
        }
        return;
      }
      long deeper = on & ~ended;
      if (t != JsonToken.START_OBJECT || deeper == 0) {
        p.skipChildren();
        return;
      }
      int[] before = null; // per echo: how many values it had when its key was first met in this object
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        long matched = 0;
        for (long bits = deeper; bits != 0; bits &= bits - 1) {
          int k = Long.numberOfTrailingZeros(bits);
          if (segmentIs(field(k), at[k], name)) {
            matched |= 1L << k;
          }
        }
        if (matched == 0) {
          p.skipChildren();
          continue;
        }
        if (before == null) {
          before = new int[at.length];
          Arrays.fill(before, -1);
        }
        for (long bits = matched; bits != 0; bits &= bits - 1) {
          int k = Long.numberOfTrailingZeros(bits);
          int size = got[k] == null ? 0 : got[k].size();
          if (before[k] < 0) {
            before[k] = size;
          } else {
            while (got[k].size() > before[k]) {
              got[k].remove(got[k].size() - 1); // a repeated key: the last one stands
            }
          }
          at[k] += name.length() + 1;
        }
        value(p, matched);
        for (long bits = matched; bits != 0; bits &= bits - 1) {
          at[Long.numberOfTrailingZeros(bits)] -= name.length() + 1;
        }
      }
    }

    private String field(int k) {
      return echoes.get(k).field();
    }

    private void add(int k, String v) {
      if (got[k] == null) {
        got[k] = new ArrayList<>(2);
      }
      got[k].add(v);
    }

    /** Whether the dotted path's segment starting at {@code from} is {@code name}. */
    private static boolean segmentIs(String path, int from, String name) {
      int end = path.indexOf('.', from);
      if (end < 0) {
        end = path.length();
      }
      return end - from == name.length() && path.startsWith(name, from);
    }
  }
}
