package io.spotsdk.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Both templates run on the small fixture in src/test/golden/fixture during every build that regenerates (see the
 * {@code golden-rest} and {@code asyncapi-golden} executions in pom.xml), into generated/golden/. Every generated
 * Java file must equal its expected file in src/test/golden/expected/, so that any change a template makes to
 * its output shows up here as a diff to review. {@code -Dgolden.update=true} accepts the output instead.
 */
class TemplateGoldenFilesTest {
  static final String UPDATE_COMMAND = "mvn -B -ntp -o -Dgolden.update=true test -Dtest=TemplateGoldenFilesTest";
  private static final Path GENERATED = Path.of("generated", "golden");
  private static final Path EXPECTED = Path.of("src", "sdk", "test", "golden", "expected");
  /** Output folders under generated/golden; only their Java sources count (the OpenAPI generator also writes build files). */
  private static final List<String> GENERATORS = List.of("openapi", "asyncapi");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> everyGeneratedFileEqualsItsExpectedFile() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String generator : GENERATORS) {
      for (Path file : javaFiles(generatedRoot(generator))) {
        tests.add(DynamicTest.dynamicTest(generator + "/" + file, () -> compare(generator, file)));
      }
    }
    assertTrue(tests.size() > 0, "generated/golden holds no Java files: run `mvn generate-sources` (or any build) first");
    return tests.stream();
  }

  @Test
  void everyExpectedFileIsStillGenerated() throws IOException {
    List<String> orphans = new ArrayList<>();
    for (String generator : GENERATORS) {
      TreeSet<Path> stale = new TreeSet<>(javaFiles(EXPECTED.resolve(generator)));
      stale.removeAll(javaFiles(generatedRoot(generator)));
      for (Path p : stale) {
        if (UPDATE) {
          Files.delete(EXPECTED.resolve(generator).resolve(p));
        } else {
          orphans.add(generator + "/" + p);
        }
      }
    }
    assertEquals(List.of(), orphans,
        "expected files that the templates no longer generate (under " + EXPECTED + "). To accept, run:\n  " + UPDATE_COMMAND);
  }

  private static void compare(String generator, Path relative) throws IOException {
    Path actual = generatedRoot(generator).resolve(relative);
    Path expected = EXPECTED.resolve(generator).resolve(relative);
    String actualText = Files.readString(actual, StandardCharsets.UTF_8);
    if (UPDATE) {
      Files.createDirectories(expected.getParent());
      Files.copy(actual, expected, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    if (!Files.exists(expected)) {
      fail("new generated file " + actual + " has no expected file " + expected + ". To accept it, run:\n  " + UPDATE_COMMAND);
    }
    String expectedText = Files.readString(expected, StandardCharsets.UTF_8);
    if (!expectedText.equals(actualText)) {
      fail("the templates' output changed (" + actual + " differs from " + expected + "):\n"
          + UnifiedDiff.of(expected.toString(), expectedText.lines().toList(), actual.toString(), actualText.lines().toList())
          + (expectedText.lines().toList().equals(actualText.lines().toList()) ? "(line endings or final newline differ)\n" : "")
          + "If the change is intended, accept it with:\n  " + UPDATE_COMMAND);
    }
  }

  private static Path generatedRoot(String generator) {
    return GENERATED.resolve(generator).resolve(Path.of("src", "main", "java"));
  }

  /** Java files under root, relative to it, in path order; none when root does not exist. */
  private static TreeSet<Path> javaFiles(Path root) {
    TreeSet<Path> out = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).forEach(p -> out.add(root.relativize(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
