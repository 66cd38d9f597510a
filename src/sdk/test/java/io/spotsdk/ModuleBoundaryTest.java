package io.spotsdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import io.spotsdk.testing.RuntimeModulePath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public surface is enforced by the module system, not by naming: a consumer module that requires
 * {@code io.spotsdk} compiles against the exported packages and fails to compile against the seams and the runtime.
 * The SDK's own classes (target/classes) and its runtime dependencies go on the module path, as a user's build puts them.
 */
class ModuleBoundaryTest {
  @TempDir
  Path dir;

  @Test
  void aConsumerModuleSeesThePublicApi() throws IOException {
    String out = compile("""
        import io.spotsdk.SpotRestClient;
        import io.spotsdk.outcome.Outcome;
        import io.spotsdk.model.Order;
        import io.spotsdk.rest.api.TradeApi;
        import io.spotsdk.ratelimit.RateLimitGate;
        import io.spotsdk.reconcile.Reconciler;
        class Use {
          Outcome<Order> place(SpotRestClient c) {
            return c.trade().newOrder(new TradeApi.NewOrderRequest().symbol("BTCUSDT"));
          }
          RateLimitGate gate() { return RateLimitGate.builder().build(); }
        }
        """);
    assertEquals("", out, "the exported API compiles");
  }

  @ParameterizedTest
  @ValueSource(strings = {"io.spotsdk.core.Params", "io.spotsdk.core.RestCaller", "io.spotsdk.internal.Json",
      "io.spotsdk.internal.OutcomeClassifier", "io.spotsdk.internal.ws.WsRuntime", "io.spotsdk.internal.rest.RestRuntime"})
  void aConsumerModuleCannotReachTheSeamsOrTheRuntime(String type) throws IOException {
    String out = compile("import " + type + ";\nclass Use {}\n");
    String pkg = type.substring(0, type.lastIndexOf('.'));
    assertTrue(out.contains("package " + pkg + " is not visible") || out.contains("does not export " + pkg), out);
  }

  /** Compiles one class in a module {@code consumer} that requires io.spotsdk; returns the diagnostics ("" = ok). */
  private String compile(String source) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("consumer"));
    Files.writeString(src.resolve("module-info.java"), "module consumer { requires io.spotsdk; }\n");
    Files.writeString(src.resolve("consumer/Use.java"), "package consumer;\n" + source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    List<String> args = new ArrayList<>(List.of("-d", dir.resolve("out").toString(), "--module-path", modulePath(),
        "-Xlint:none", src.resolve("module-info.java").toString(), src.resolve("consumer/Use.java").toString()));
    int rc = javac.run(null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
        new java.io.PrintStream(new java.io.OutputStream() {
          @Override
          public void write(int b) {
            diagnostics.write(b);
          }
        }, true), args.toArray(String[]::new));
    return rc == 0 ? "" : diagnostics.toString();
  }

  /** target/classes plus the SDK's runtime dependencies. */
  private static String modulePath() {
    return Paths.get("src", "sdk", "target", "classes").toAbsolutePath() + java.io.File.pathSeparator + RuntimeModulePath.jars();
  }
}
