package io.spotsdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WebSocket document's payloads, which openapi-diff cannot read (AsyncAPI). Each named schema is judged by the
 * side it is on, found by following $refs from the operations: what the client SENDS (request params) and what it
 * RECEIVES (replies, events). On the receiving side a required field removed or made optional is BREAKING (old
 * readers count on it); on the sending side a field removed or newly required is (old callers break). Type changes
 * are BREAKING on both. Not judged here: enum, pattern and bound changes (openapi-diff judges them for the schemas
 * shared with REST; the WS-only schemas have none today).
 */
final class WsPayloadDiff {
  private static final String SOURCE = "WS payloads";
  private static final String SCHEMAS = "/components/schemas/";

  enum Side { SENT, RECEIVED }

  private WsPayloadDiff() {}

  static List<SpecChange> compare(JsonNode before, JsonNode after) {
    List<SpecChange> out = new ArrayList<>();
    Map<String, Set<Side>> sides = sides(before);
    JsonNode newSchemas = after.path("components").path("schemas");
    sides.forEach((name, on) -> {
      JsonNode was = before.path("components").path("schemas").path(name);
      JsonNode now = newSchemas.get(name);
      if (now == null) {
        out.add(SpecChange.breaking(SOURCE, name, "schema removed", name, null));
        return;
      }
      for (Side side : on) compareSchema(name, side, was, now, out);
    });
    return out;
  }

  /** Every named schema an operation reaches, with the sides it is reached from. */
  static Map<String, Set<Side>> sides(JsonNode doc) {
    Map<String, Set<Side>> sides = new LinkedHashMap<>();
    doc.path("operations").forEach(op -> {
      boolean sends = "send".equals(op.path("action").asText());
      reach(doc, op.path("messages"), sends ? Side.SENT : Side.RECEIVED, sides, new LinkedHashSet<>());
      reach(doc, op.path("reply").path("messages"), Side.RECEIVED, sides, new LinkedHashSet<>());
    });
    return sides;
  }

  private static void reach(JsonNode doc, JsonNode node, Side side, Map<String, Set<Side>> sides, Set<String> seen) {
    if (node.isArray()) {
      node.forEach(n -> reach(doc, n, side, sides, seen));
      return;
    }
    if (!node.isObject()) return;
    JsonNode ref = node.get("$ref");
    if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
      String pointer = ref.asText().substring(1);
      if (seen.add(pointer)) {
        if (pointer.startsWith(SCHEMAS)) {
          sides.computeIfAbsent(pointer.substring(SCHEMAS.length()), k -> EnumSet.noneOf(Side.class)).add(side);
        }
        reach(doc, doc.at(pointer), side, sides, seen);
      }
    }
    node.fields().forEachRemaining(e -> {
      // a message's channel and correlationId say where it travels, not what it holds
      if (!e.getKey().equals("$ref") && !e.getKey().equals("channel") && !e.getKey().equals("correlationId")) {
        reach(doc, e.getValue(), side, sides, seen);
      }
    });
  }

  /** Own properties only; inline object properties by path. Named schemas they $ref are judged under their own name. */
  private static void compareSchema(String where, Side side, JsonNode was, JsonNode now, List<SpecChange> out) {
    if (was.has("$ref") || now.has("$ref")) {
      if (!was.path("$ref").equals(now.path("$ref"))) {
        out.add(SpecChange.breaking(SOURCE, where, "type changed (" + side + ")",
            was.path("$ref").asText(was.path("type").toString()), now.path("$ref").asText(now.path("type").toString())));
      }
      return;
    }
    if (!was.path("type").isMissingNode() && !was.path("type").equals(now.path("type"))) {
      out.add(SpecChange.breaking(SOURCE, where, "type changed (" + side + ")", was.path("type"), now.path("type")));
    }
    Set<String> oldRequired = names(was.path("required"));
    Set<String> newRequired = names(now.path("required"));
    JsonNode oldProps = was.path("properties");
    JsonNode newProps = now.path("properties");
    if (side == Side.RECEIVED) {
      for (String f : oldRequired) {
        if (!newProps.has(f)) {
          out.add(SpecChange.breaking(SOURCE, where, "required field " + f + " removed (received)", "required", null));
        } else if (!newRequired.contains(f)) {
          out.add(SpecChange.breaking(SOURCE, where, "field " + f + " no longer required (received)", "required", "optional"));
        }
      }
      oldProps.fieldNames().forEachRemaining(f -> {
        if (!newProps.has(f) && !oldRequired.contains(f)) {
          out.add(SpecChange.minor(SOURCE, where, "optional field " + f + " removed (received; readers expect it may be absent)", f, null));
        }
      });
    } else {
      for (String f : newRequired) {
        if (!oldRequired.contains(f)) {
          out.add(SpecChange.breaking(SOURCE, where, "field " + f + " is now required (sent)",
              oldProps.has(f) ? "optional" : null, "required"));
        }
      }
      oldProps.fieldNames().forEachRemaining(f -> {
        if (!newProps.has(f)) out.add(SpecChange.breaking(SOURCE, where, "field " + f + " removed (sent)", f, null));
      });
    }
    newProps.fieldNames().forEachRemaining(f -> {
      if (!oldProps.has(f) && !(side == Side.SENT && newRequired.contains(f))) {
        out.add(SpecChange.minor(SOURCE, where, "optional field added", null, f));
      }
    });
    oldProps.fields().forEachRemaining(e -> {
      JsonNode p = e.getValue();
      JsonNode q = newProps.path(e.getKey());
      if (q.isMissingNode()) return;
      compareSchema(where + "." + e.getKey(), side, p, q, out);
      if (p.has("items") && q.has("items")) compareSchema(where + "." + e.getKey() + "[]", side, p.get("items"), q.get("items"), out);
    });
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }
}
