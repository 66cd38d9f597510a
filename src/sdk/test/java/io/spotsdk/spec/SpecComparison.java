package io.spotsdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The baseline bundle against a newer one: the REST document, the WS payloads, and the meanings of both. */
final class SpecComparison {
  private SpecComparison() {}

  static SpecChanges compare(SpecBundle baseline, SpecBundle current) {
    SpecChanges changes = new SpecChanges()
        .addAll(RestSpecDiff.compare(baseline.restText(), current.restText()))
        .addAll(WsPayloadDiff.compare(baseline.ws(), current.ws()));
    Optional<JsonNode> before = baseline.meanings();
    Optional<JsonNode> after = current.meanings();
    if (before.isPresent() && after.isPresent()) {
      changes.addAll(MeaningsDiff.compare(before.get(), after.get()));
    } else if (before.isPresent()) {
      changes.addAll(java.util.List.of(SpecChange.breaking("meanings", SpecBundle.MEANINGS,
          "the meanings table is gone from the bundle", "present", null)));
    } else if (after.isPresent()) {
      changes.note("the baseline has no " + SpecBundle.MEANINGS + " (taken before the table existed): meanings not"
          + " compared; run scripts/spec-baseline.sh to take a baseline with it");
    } else {
      changes.note("neither bundle has " + SpecBundle.MEANINGS + ": meanings not compared");
    }
    return changes;
  }
}
