package io.spotsdk.spec;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A build that changes the spec compares it with the baseline bundle of the last release (spec/baseline/, taken by
 * scripts/spec-baseline.sh) and fails on a breaking change unless the major version is raised. Otherwise it prints
 * what the change calls for (PATCH, MINOR or MAJOR) under "spec-change:". The rules are CHANGELOG.md's; each is
 * shown to fire in SpecChangeRulesTest.
 */
class SpecChangeTest {
  private static final Path BASELINE = Path.of("spec/baseline");
  private static final Path CURRENT = Path.of("generated/spec");

  @Test
  void theSpecChangesSinceTheLastReleaseFitTheProjectVersion() {
    assertTrue(Files.isRegularFile(BASELINE.resolve(SpecBundle.VERSION)),
        BASELINE + " has no baseline: run scripts/spec-baseline.sh <last release version>");
    assertTrue(Files.isRegularFile(CURRENT.resolve(SpecBundle.REST)), CURRENT + " is missing: build from the project root");
    String projectVersion = System.getProperty("spot.project.version");
    assertNotNull(projectVersion, "surefire passes spot.project.version (src/sdk/pom.xml)");

    SpecBundle baseline = new SpecBundle(BASELINE);
    SpecChanges changes = SpecComparison.compare(baseline, new SpecBundle(CURRENT));
    SpecVersionRule.violation(changes, baseline.version(), projectVersion).ifPresent(reason -> fail(reason));

    System.out.println("spec-change: " + changes.classification() + " (" + changes.all().size()
        + " change(s) since release " + baseline.version() + "; project version " + projectVersion + ")");
    System.out.print(changes.render());
  }
}
