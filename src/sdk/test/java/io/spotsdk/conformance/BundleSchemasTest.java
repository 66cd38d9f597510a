package io.spotsdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.MatchesJsonSchemaPattern;
import io.spotsdk.core.Meaning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The spec bundle's JSON files against the JSON Schemas it ships (validated by the JSON Schema matcher WireMock
 * already brings to the tests, so no new dependency), and the table's vocabulary against the SDK's.
 */
class BundleSchemasTest {
  static MatchesJsonSchemaPattern schema(String name) throws IOException {
    Path shipped = ConformanceCase.BUNDLE.resolve("schema").resolve(name);
    assertEquals(Files.readString(Path.of("spec", "schema", name)), Files.readString(shipped),
        shipped + " must be spec/schema/" + name + " as written");
    return new MatchesJsonSchemaPattern(Files.readString(shipped), WireMock.JsonSchemaVersion.V202012);
  }

  @Test
  void meaningsTableMatchesItsSchema() throws IOException {
    String table = Files.readString(ConformanceCase.BUNDLE.resolve("meanings.json"));
    assertTrue(schema("meanings.schema.json").match(table).isExactMatch(), "meanings.json does not match meanings.schema.json");
  }

  @Test
  void theSchemaRefusesABrokenTable() throws IOException {
    String table = Files.readString(ConformanceCase.BUNDLE.resolve("meanings.json"));
    String broken = table.replaceFirst("\"executed\": \"yes\"", "\"executed\": \"maybe\"");
    assertFalse(broken.equals(table), "the table has no executed: yes to break");
    assertFalse(schema("meanings.schema.json").match(broken).isExactMatch(), "the schema let executed: maybe through");
  }

  @Test
  void everyCaseMatchesTheCaseSchema() throws IOException {
    MatchesJsonSchemaPattern s = schema("conformance-case.schema.json");
    List<String> bad = new ArrayList<>();
    for (Path f : ConformanceCase.files()) {
      if (!s.match(Files.readString(f)).isExactMatch()) {
        bad.add(ConformanceCase.BUNDLE.relativize(f).toString());
      }
    }
    assertFalse(ConformanceCase.files().isEmpty(), "no conformance cases");
    assertTrue(bad.isEmpty(), "cases that do not match conformance-case.schema.json: " + bad);
  }

  @Test
  void theTablesOutcomesAreTheSdksMeanings() throws IOException {
    List<String> table = new ArrayList<>();
    ConformanceCase.JSON.readTree(ConformanceCase.BUNDLE.resolve("meanings.json").toFile()).path("outcomes")
        .fieldNames().forEachRemaining(table::add);
    assertEquals(Arrays.stream(Meaning.values()).map(Enum::name).toList(), table);
  }
}
