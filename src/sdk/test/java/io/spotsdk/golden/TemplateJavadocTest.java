package io.spotsdk.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The templates' output is documented well enough for doclint: javadoc with {@code -Xdoclint:all} runs over what both
 * templates made of the golden fixture (generated/golden) and must report nothing. The fixture's descriptions hold
 * the characters that mean something in a Javadoc comment or a Java source (a comment end, a unicode escape,
 * {@code <}, {@code &}, {@code @}, an inline tag), so a template that copies spec text unescaped fails here, naming the
 * generated file and line. The SDK's own build runs the same check on the real spec (maven-javadoc-plugin,
 * failOnWarnings).
 */
class TemplateJavadocTest {
  private static final Path GENERATED = Path.of("generated", "golden");

  @Test
  void doclintFindsNothingInTheTemplatesOutput(@TempDir Path out) throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String generator : List.of("openapi", "asyncapi")) {
      Path root = GENERATED.resolve(generator).resolve(Path.of("src", "main", "java"));
      assertTrue(Files.isDirectory(root), root + " is missing: run `mvn generate-sources` (or any build) first");
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
      }
    }
    assertFalse(sources.isEmpty(), "no generated golden sources");

    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    assertNotNull(javadoc, "no javadoc tool: run the tests on a JDK");
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    boolean ok;
    try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-Xdoclint:all", "-Xmaxwarns", "10000", "-quiet", "-encoding", "UTF-8",
          // the seams and runtime the generated code calls: the SDK's classes on the test class path
          "-classpath", System.getProperty("java.class.path"),
          "-d", out.toString());
      ok = javadoc.getTask(log, files, diagnostics, null, options, files.getJavaFileObjectsFromPaths(sources)).call();
    }

    List<String> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        String where = d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ";
        found.add(where + d.getKind().name().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    assertEquals(List.of(), found, "doclint on the templates' output of the golden fixture; javadoc said:\n" + log);
    assertTrue(ok, "javadoc failed:\n" + log);
  }
}
