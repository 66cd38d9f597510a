package io.spotsdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.outcome.RequestRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a successful result echoes what the request named ({@code x-spot-echo} in the spec): the same
 * clientOrderId, orderId or symbol. A result that does not is the reply to some other request, whatever its status.
 */
final class ReplyEcho {
  private ReplyEcho() {}

  /** Null when every echo holds; otherwise what differs. Parameters the request did not carry are not checked. */
  static String mismatch(List<CallDescriptor.Echo> echoes, JsonNode result, RequestRecord request) {
    for (CallDescriptor.Echo e : echoes) {
      String sent = request.param(e.param());
      if (sent == null) {
        continue;
      }
      List<JsonNode> got = new ArrayList<>();
      collect(result, e.field().split("\\."), 0, got);
      got.removeIf(g -> !(g.isTextual() || g.isIntegralNumber()));
      if (got.isEmpty()) {
        return "the result has no " + e.field() + " to echo the " + e.param() + " sent (\"" + sent + "\")";
      }
      if (got.stream().noneMatch(g -> sent.equals(g.asText()))) {
        return "the result's " + e.field() + " is \"" + shown(got.get(0).asText()) + "\", not the " + e.param() + " sent (\"" + sent + "\")";
      }
    }
    return null;
  }

  /** The reply is untrusted: a value it carries is shown only in part. */
  private static String shown(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "..." : v;
  }

  /**
   * The values at a dotted path. Where the path meets an array (the legs of an order list, a result that is a
   * list), every element is followed: the echo holds when one of them carries the value sent.
   */
  private static void collect(JsonNode n, String[] path, int i, List<JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isArray()) {
      n.forEach(el -> collect(el, path, i, out));
      return;
    }
    if (i == path.length) {
      out.add(n);
      return;
    }
    if (n.isObject()) {
      collect(n.get(path[i]), path, i + 1, out);
    }
  }
}
