package io.spotsdk.spec;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Semantic versioning's rule for the spec: a breaking change needs a higher major version than the baseline's. */
final class SpecVersionRule {
  private static final Pattern SEMVER = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(?:[-+].*)?$");

  private SpecVersionRule() {}

  /** Empty when the version may carry these changes; otherwise why not, with every breaking change listed. */
  static Optional<String> violation(SpecChanges changes, String baselineVersion, String projectVersion) {
    if (changes.breaking().isEmpty() || major(projectVersion) > major(baselineVersion)) return Optional.empty();
    StringBuilder b = new StringBuilder()
        .append("The spec has ").append(changes.breaking().size()).append(" breaking change(s) since release ")
        .append(baselineVersion).append(", but the project version ").append(projectVersion)
        .append(" keeps major version ").append(major(projectVersion))
        .append(". Raise the major version, or undo these changes (see CHANGELOG.md):\n");
    changes.breaking().forEach(c -> b.append("  ").append(c).append('\n'));
    return Optional.of(b.toString());
  }

  static int major(String version) {
    Matcher m = SEMVER.matcher(version.trim());
    if (!m.matches()) throw new IllegalArgumentException("not a semantic version: '" + version + "'");
    return Integer.parseInt(m.group(1));
  }
}
