package consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A project that depends on spot-sdk gets the SDK and its few libraries at runtime; the testkit's servers stay out. */
class RuntimeClasspathTest {
  private static final Set<String> EXPECTED = new TreeSet<>(Set.of(
      "spot-sdk", "jackson-databind", "jackson-core", "jackson-annotations",
      "httpclient5", "httpcore5", "httpcore5-h2", "slf4j-api"));

  @Test
  void theSdkBringsOnlyItsOwnRuntimeLibraries() throws Exception {
    String classpath = Files.readString(Path.of(System.getProperty("runtime.classpath.file"))).trim();
    Set<String> artifacts = Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .map(p -> Path.of(p).getFileName().toString().replaceAll("-[0-9][^/]*\\.jar$", ""))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(EXPECTED, artifacts, "runtime classpath of a project that depends on spot-sdk: " + classpath);
  }
}
