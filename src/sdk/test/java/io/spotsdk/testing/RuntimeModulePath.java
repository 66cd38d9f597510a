package io.spotsdk.testing;

import java.io.File;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The SDK's runtime dependencies, found on the test classpath: what a user's module path holds besides the SDK. */
public final class RuntimeModulePath {
  private static final List<String> RUNTIME = List.of("jackson-databind", "jackson-core", "jackson-annotations",
      "httpclient5", "httpcore5", "slf4j-api");

  private RuntimeModulePath() {}

  /** The jars, joined with the path separator. */
  public static String jars() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> e.endsWith(".jar"))
        .filter(e -> RUNTIME.stream().anyMatch(r -> Paths.get(e).getFileName().toString().matches(r + "-[0-9].*")))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
