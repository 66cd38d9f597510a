package io.spotsdk.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies of the compiled SDK, read by jdeps: the value packages users hold (outcome, ratelimit) do not
 * depend on each other in a circle, so either can be understood (and later split) without the other.
 */
class PackageCyclesTest {
  private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.spotsdk[\\w.]*)\\s+->\\s+(io\\.spotsdk[\\w.]*)\\s");

  static Map<String, Set<String>> packageGraph() {
    Path classes = Path.of("src", "sdk", "target", "classes");
    if (!Files.isDirectory(classes)) {
      throw new IllegalStateException("no " + classes.toAbsolutePath());
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none",
        "--ignore-missing-deps", "--multi-release", "17", "--module-path", io.spotsdk.testing.RuntimeModulePath.jars(),
        classes.toString());
    assertEquals(0, rc, err.toString());
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return graph;
  }

  static boolean reaches(Map<String, Set<String>> graph, String from, String to) {
    Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(from, Set.of()));
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String p = todo.pop();
      if (p.equals(to)) {
        return true;
      }
      if (seen.add(p)) {
        todo.addAll(graph.getOrDefault(p, Set.of()));
      }
    }
    return false;
  }

  @Test
  void outcomeDoesNotDependOnRateLimit() {
    Map<String, Set<String>> g = packageGraph();
    assertFalse(reaches(g, "io.spotsdk.outcome", "io.spotsdk.ratelimit")
            && reaches(g, "io.spotsdk.ratelimit", "io.spotsdk.outcome"),
        "outcome and ratelimit are in one cycle: outcome -> " + g.get("io.spotsdk.outcome") + ", ratelimit -> "
            + g.get("io.spotsdk.ratelimit"));
  }

  @Test
  void theGateDoesNotReachTheRuntimeThatCallsIt() {
    Map<String, Set<String>> g = packageGraph();
    for (String runtime : new String[] {"io.spotsdk.internal", "io.spotsdk.internal.rest", "io.spotsdk.internal.ws"}) {
      assertFalse(reaches(g, "io.spotsdk.ratelimit", runtime), "ratelimit reaches " + runtime + ": " + g);
    }
  }
}
