package io.spotsdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.spotsdk.core.CallDescriptor;
import io.spotsdk.outcome.RequestRecord;
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
      JsonNode got = at(result, e.field());
      if (got == null || !(got.isTextual() || got.isIntegralNumber())) {
        return "the result has no " + e.field() + " to echo the " + e.param() + " sent (\"" + sent + "\")";
      }
      if (!sent.equals(got.asText())) {
        return "the result's " + e.field() + " is \"" + shown(got.asText()) + "\", not the " + e.param() + " sent (\"" + sent + "\")";
      }
    }
    return null;
  }

  /** The reply is untrusted: a value it carries is shown only in part. */
  private static String shown(String v) {
    return v.length() > 64 ? v.substring(0, 64) + "..." : v;
  }

  private static JsonNode at(JsonNode node, String dottedPath) {
    JsonNode n = node;
    for (String name : dottedPath.split("\\.")) {
      if (n == null || !n.isObject()) {
        return null;
      }
      n = n.get(name);
    }
    return n;
  }
}
