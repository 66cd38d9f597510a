package io.spotsdk.spec;

import io.spotsdk.spec.SpecChange.Impact;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Every change found by the three comparisons, and the version bump they call for together. */
final class SpecChanges {
  /** The version part a release with these changes must raise. */
  enum Classification { PATCH, MINOR, MAJOR }

  private final List<SpecChange> changes = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  SpecChanges addAll(List<SpecChange> found) {
    changes.addAll(found);
    return this;
  }

  /** Something the comparison could not do, said out loud rather than passed over. */
  SpecChanges note(String note) {
    notes.add(note);
    return this;
  }

  List<SpecChange> all() {
    return Collections.unmodifiableList(changes);
  }

  List<String> notes() {
    return Collections.unmodifiableList(notes);
  }

  List<SpecChange> breaking() {
    return changes.stream().filter(c -> c.impact() == Impact.BREAKING).toList();
  }

  /** An unchanged spec is a PATCH too: nothing in it asks for more. */
  Classification classification() {
    Impact worst = changes.stream().map(SpecChange::impact).max(Comparator.naturalOrder()).orElse(Impact.PATCH);
    switch (worst) {
      case BREAKING:
        return Classification.MAJOR;
      case MINOR:
        return Classification.MINOR;
      default:
        return Classification.PATCH;
    }
  }

  String render() {
    StringBuilder b = new StringBuilder();
    changes.stream()
        .sorted(Comparator.comparing(SpecChange::impact).reversed())
        .forEach(c -> b.append("  ").append(c).append('\n'));
    notes.forEach(n -> b.append("  note: ").append(n).append('\n'));
    return b.toString();
  }
}
