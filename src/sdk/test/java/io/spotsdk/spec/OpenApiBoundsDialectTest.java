package io.spotsdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI generator reads the OpenAPI 3.0 documents (spot-rest.yaml and the shared file) with OpenAPI 3.0's
 * boolean exclusiveMinimum/exclusiveMaximum, and silently drops a numeric one (JSON Schema draft-07's form): the
 * rule would vanish from validate() without a word. The AsyncAPI parser fails loudly on the opposite mistake.
 */
class OpenApiBoundsDialectTest {
  private static final Pattern NUMERIC_EXCLUSIVE_BOUND = Pattern.compile("exclusiveM(?:in|ax)imum:\\s*[-+.0-9]");

  @Test
  void theOpenApiDocumentsWriteExclusiveBoundsAsBooleans() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path p : List.of(Path.of("spec/spot-rest.yaml"), Path.of("spec/common/spot-common.yaml"))) {
      List<String> lines = Files.readAllLines(p);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = NUMERIC_EXCLUSIVE_BOUND.matcher(lines.get(i));
        if (m.find() && !lines.get(i).trim().startsWith("#")) {
          wrong.add(p + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), wrong, "write `minimum: 0` with `exclusiveMinimum: true` in OpenAPI 3.0");
  }
}
