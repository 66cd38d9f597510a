package io.spotsdk.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.outcome.RequestRecord;
import java.io.IOException;
import java.util.ArrayList;
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

  /** Null when every echo holds; otherwise what differs. Parameters the request did not carry are not checked. */
  static String mismatch(List<CallDescriptor.Echo> echoes, Replay result, Supplier<RequestRecord> request)
      throws IOException {
    for (CallDescriptor.Echo e : echoes) {
      String sent = SentRequest.param(request, e.param());
      if (sent == null) {
        continue;
      }
      List<String> got = new ArrayList<>(2);
      if (result != null) {
        try (JsonParser p = result.open()) {
          if (p.nextToken() != null) {
            collect(p, e.field().split("\\."), 0, got);
          }
        }
      }
      if (got.isEmpty()) {
        return "the result has no " + e.field() + " to echo the " + e.param() + " sent (\"" + sent + "\")";
      }
      if (!got.contains(sent)) {
        return "the result's " + e.field() + " is \"" + shown(got.get(0)) + "\", not the " + e.param() + " sent (\"" + sent + "\")";
      }
    }
    return null;
  }

  /** The reply is untrusted: a value it carries is shown only in part. */
  private static String shown(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "..." : v;
  }

  /**
   * The text and integer values at a dotted path, from the value the parser is on (left on its last token). Where
   * the path meets an array (the legs of an order list, a result that is a list), every element is followed: the
   * echo holds when one of them carries the value sent. A key repeated in one object counts once, its last value,
   * as when the result is read as a tree.
   */
  private static void collect(JsonParser p, String[] path, int i, List<String> out) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_ARRAY) {
      while (p.nextToken() != JsonToken.END_ARRAY) {
        collect(p, path, i, out);
      }
      return;
    }
    if (i == path.length) {
      if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
        out.add(p.getText());
      } else {
        p.skipChildren();
      }
      return;
    }
    if (t != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    int before = out.size();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (path[i].equals(name)) {
        while (out.size() > before) {
          out.remove(out.size() - 1); // a repeated key: the last one stands
        }
        collect(p, path, i + 1, out);
      } else {
        p.skipChildren();
      }
    }
  }
}
