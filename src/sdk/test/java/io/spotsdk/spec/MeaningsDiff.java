package io.spotsdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two meanings tables (meanings.json: operation → status → outcome, with code overrides), which cover the
 * REST and the WebSocket document alike. What an SDK tells its user about a reply is decided here, so anything that
 * makes an old reading of a reply wrong is BREAKING: an operation or a status gone, a status or a code override that
 * now means something else, an outcome whose "executed" or "retry" changed, another resolution order.
 */
final class MeaningsDiff {
  private static final String SOURCE = "meanings";

  private MeaningsDiff() {}

  static List<SpecChange> compare(JsonNode before, JsonNode after) {
    List<SpecChange> out = new ArrayList<>();
    if (!before.path("resolutionOrder").equals(after.path("resolutionOrder"))) {
      out.add(SpecChange.breaking(SOURCE, "resolutionOrder", "the order statuses are resolved in changed",
          before.path("resolutionOrder"), after.path("resolutionOrder")));
    }
    compareOutcomes(before.path("outcomes"), after.path("outcomes"), out);
    Map<String, JsonNode> oldOps = operations(before);
    Map<String, JsonNode> newOps = operations(after);
    oldOps.forEach((key, op) -> {
      JsonNode now = newOps.get(key);
      if (now == null) {
        out.add(SpecChange.breaking(SOURCE, key, "operation removed", signature(op), null));
      } else {
        compareOperation(key, op, now, out);
      }
    });
    newOps.forEach((key, op) -> {
      if (!oldOps.containsKey(key)) out.add(SpecChange.minor(SOURCE, key, "operation added", null, signature(op)));
    });
    return out;
  }

  private static void compareOutcomes(JsonNode before, JsonNode after, List<SpecChange> out) {
    before.fields().forEachRemaining(e -> {
      String name = e.getKey();
      JsonNode now = after.get(name);
      if (now == null) {
        out.add(SpecChange.breaking(SOURCE, "outcome " + name, "outcome removed", name, null));
        return;
      }
      for (String fact : List.of("executed", "retry")) {
        if (!e.getValue().path(fact).equals(now.path(fact))) {
          out.add(SpecChange.breaking(SOURCE, "outcome " + name, "'" + fact + "' changed",
              e.getValue().path(fact).asText(), now.path(fact).asText()));
        }
      }
      if (!e.getValue().path("description").equals(now.path("description"))) {
        out.add(SpecChange.patch(SOURCE, "outcome " + name, "description changed"));
      }
    });
    after.fieldNames().forEachRemaining(name -> {
      if (!before.has(name)) out.add(SpecChange.minor(SOURCE, "outcome " + name, "outcome added", null, name));
    });
  }

  private static void compareOperation(String key, JsonNode before, JsonNode after, List<SpecChange> out) {
    if (!signature(before).equals(signature(after))) {
      out.add(SpecChange.breaking(SOURCE, key, "method or path changed", signature(before), signature(after)));
    }
    if (!before.path("changesState").equals(after.path("changesState"))) {
      // decides whether the SDK may ever resend the call
      out.add(SpecChange.breaking(SOURCE, key, "changesState changed",
          before.path("changesState").asText(), after.path("changesState").asText()));
    }
    Map<String, JsonNode> oldStatuses = statuses(before);
    Map<String, JsonNode> newStatuses = statuses(after);
    oldStatuses.forEach((status, was) -> {
      JsonNode now = newStatuses.get(status);
      String where = key + " status " + status;
      if (now == null) {
        out.add(SpecChange.breaking(SOURCE, where, "status removed", outcome(was), null));
        return;
      }
      if (!outcome(was).equals(outcome(now))) {
        out.add(SpecChange.breaking(SOURCE, where, "outcome changed", outcome(was), outcome(now)));
      }
      compareOverrides(where, was, now, out);
    });
    newStatuses.forEach((status, now) -> {
      if (oldStatuses.containsKey(status)) return;
      String where = key + " status " + status;
      // A new exact status under an old range takes that range's place: if it says something else, old readers of
      // this status were told otherwise. One that no entry covered was UNKNOWN by the resolution order's last rule;
      // saying what it means now is new knowledge, as an added operation is.
      String range = coveringEntry(status, oldStatuses);
      if (range != null && !outcome(oldStatuses.get(range)).equals(outcome(now))) {
        out.add(SpecChange.breaking(SOURCE, where, "status added with another meaning than " + range + " gave it",
            outcome(oldStatuses.get(range)), outcome(now)));
      } else {
        out.add(SpecChange.minor(SOURCE, where, "status added", null, outcome(now)));
      }
      codes(now).forEach((code, outcome) -> {
        String meantBefore = range == null ? null : codes(oldStatuses.get(range)).get(code);
        if (meantBefore != null && !meantBefore.equals(outcome)) {
          out.add(SpecChange.breaking(SOURCE, where + " code " + code, "code override changed", meantBefore, outcome));
        }
      });
    });
  }

  private static void compareOverrides(String where, JsonNode before, JsonNode after, List<SpecChange> out) {
    Map<String, String> was = codes(before);
    Map<String, String> now = codes(after);
    was.forEach((code, outcome) -> {
      String is = now.get(code);
      if (is == null) {
        out.add(SpecChange.breaking(SOURCE, where + " code " + code, "code override removed", outcome,
            outcome(after) + " (the status's)"));
      } else if (!is.equals(outcome)) {
        out.add(SpecChange.breaking(SOURCE, where + " code " + code, "code override changed", outcome, is));
      }
    });
    now.forEach((code, outcome) -> {
      if (was.containsKey(code)) return;
      if (outcome.equals(outcome(before))) {
        out.add(SpecChange.patch(SOURCE, where + " code " + code, "code override added, same meaning as the status"));
      } else {
        out.add(SpecChange.breaking(SOURCE, where + " code " + code, "code override added: the code means something else now",
            outcome(before) + " (the status's)", outcome));
      }
    });
  }

  /** The entry that gave {@code status} its meaning before, by the resolution order: a range such as 4XX. */
  static String coveringEntry(String status, Map<String, JsonNode> statuses) {
    for (String candidate : statuses.keySet()) {
      if (candidate.length() == 3 && candidate.endsWith("XX") && status.length() == 3
          && status.charAt(0) == candidate.charAt(0) && !status.endsWith("XX")) {
        return candidate;
      }
    }
    return statuses.containsKey("default") ? "default" : null;
  }

  private static Map<String, JsonNode> operations(JsonNode table) {
    Map<String, JsonNode> ops = new LinkedHashMap<>();
    for (JsonNode op : table.path("operations")) {
      ops.put(op.path("transport").asText() + " " + op.path("operationId").asText(), op);
    }
    return ops;
  }

  private static Map<String, JsonNode> statuses(JsonNode op) {
    Map<String, JsonNode> statuses = new LinkedHashMap<>();
    for (JsonNode s : op.path("statuses")) statuses.put(s.path("status").asText(), s);
    return statuses;
  }

  private static Map<String, String> codes(JsonNode status) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (JsonNode c : status.path("codeOverrides")) codes.put(c.path("code").asText(), c.path("outcome").asText());
    return codes;
  }

  private static String outcome(JsonNode status) {
    return status.path("outcome").asText();
  }

  private static String signature(JsonNode op) {
    String path = op.path("path").asText("");
    return (op.path("method").asText("") + " " + path).trim();
  }

}
