package io.spotsdk.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.spotsdk.spec.SpecChanges.Classification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the spec-change classifier fires on a fixture that differs from its base by one change
 * (src/sdk/test/resources/spec-change/, one folder per comparison), and the version rule fails a breaking change
 * unless the major version is raised.
 */
class SpecChangeRulesTest {
  private static final Path FIXTURES = Path.of("src/sdk/test/resources/spec-change");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  // ----- REST document, openapi-diff -----------------------------------------------------------------------

  @Test
  void aRemovedRestOperationIsBreaking() throws IOException {
    SpecChanges c = rest("removed-operation.yaml");
    assertBreaking(c, "GET /api/v3/ping (ping): operation removed: GET /api/v3/ping -> -");
  }

  @Test
  void aRemovedRestResponseIsBreaking() throws IOException {
    SpecChanges c = rest("removed-response.yaml");
    assertBreaking(c, "GET /api/v3/order (queryOrder) status 400: response removed: rejected -> -");
  }

  @Test
  void aNewlyRequiredRestParameterIsBreaking() throws IOException {
    SpecChanges c = rest("newly-required-parameter.yaml");
    assertBreaking(c, "GET /api/v3/order (queryOrder): parameter orderId is now required: optional -> required");
  }

  @Test
  void aReplyFieldNoLongerRequiredIsBreaking() throws IOException {
    SpecChanges c = rest("response-field-no-longer-required.yaml");
    assertBreaking(c, "GET /api/v3/order (queryOrder) status 200: field orderId is no longer required: required -> optional");
  }

  @Test
  void anAddedRestOperationIsMinor() throws IOException {
    SpecChanges c = rest("added-operation.yaml");
    assertEquals(Classification.MINOR, c.classification(), c.render());
    assertHas(c, "MINOR [REST openapi-diff] GET /api/v3/time (serverTime): operation added: - -> GET /api/v3/time");
  }

  @Test
  void aRewordedRestDescriptionIsAPatch() throws IOException {
    SpecChanges c = rest("reworded.yaml");
    assertEquals(Classification.PATCH, c.classification(), c.render());
    assertHas(c, "PATCH [REST openapi-diff] GET /api/v3/order (queryOrder): descriptions or examples changed");
  }

  @Test
  void anIdenticalRestDocumentIsAPatchWithNoChange() throws IOException {
    SpecChanges c = rest("base.yaml");
    assertEquals(Classification.PATCH, c.classification());
    assertEquals(List.of(), c.all());
  }

  // ----- meanings table, both transports -------------------------------------------------------------------

  @Test
  void aRemovedOperationInTheMeaningsIsBreaking() throws IOException {
    assertBreaking(meanings("removed-operation.json"), "ws orderPlace: operation removed: order.place -> -");
  }

  @Test
  void aStatusThatMeansSomethingElseIsBreaking() throws IOException {
    assertBreaking(meanings("changed-meaning.json"), "rest newOrder status 4XX: outcome changed: REJECTED -> UNKNOWN");
  }

  @Test
  void aRemovedStatusIsBreaking() throws IOException {
    assertBreaking(meanings("removed-status.json"), "ws orderPlace status 5XX: status removed: UNKNOWN -> -");
  }

  @Test
  void aRemovedCodeOverrideIsBreaking() throws IOException {
    assertBreaking(meanings("removed-code-override.json"),
        "rest newOrder status 4XX code -1007: code override removed: UNKNOWN -> REJECTED (the status's)");
  }

  @Test
  void anOutcomeWhoseExecutedFactChangedIsBreaking() throws IOException {
    assertBreaking(meanings("changed-outcome-fact.json"), "outcome REJECTED: 'executed' changed: no -> maybe");
  }

  @Test
  void anAddedExactStatusThatContradictsItsRangeIsBreaking() throws IOException {
    assertBreaking(meanings("added-status-other-meaning.json"),
        "rest newOrder status 404: status added with another meaning than 4XX gave it: REJECTED -> UNKNOWN");
  }

  @Test
  void anAddedStatusWithItsRangesMeaningIsMinor() throws IOException {
    SpecChanges c = meanings("added-status-same-meaning.json");
    assertEquals(Classification.MINOR, c.classification(), c.render());
    assertHas(c, "MINOR [meanings] rest newOrder status 429: status added: - -> REJECTED");
  }

  @Test
  void anAddedOperationInTheMeaningsIsMinor() throws IOException {
    SpecChanges c = meanings("added-operation.json");
    assertEquals(Classification.MINOR, c.classification(), c.render());
    assertHas(c, "MINOR [meanings] rest serverTime: operation added: - -> GET /api/v3/time");
  }

  @Test
  void identicalMeaningsAreAPatchWithNoChange() throws IOException {
    SpecChanges c = meanings("base.json");
    assertEquals(Classification.PATCH, c.classification());
    assertEquals(List.of(), c.all());
  }

  // ----- WebSocket payloads --------------------------------------------------------------------------------

  @Test
  void aRequiredFieldRemovedFromAReceivedWsSchemaIsBreaking() throws IOException {
    assertBreaking(ws("removed-required-field.yaml"), "Order: required field orderId removed (received): required -> -");
  }

  @Test
  void aNewlyRequiredWsParamIsBreaking() throws IOException {
    assertBreaking(ws("newly-required-param.yaml"), "OrderPlaceParams: field side is now required (sent): optional -> required");
  }

  @Test
  void anOptionalFieldAddedToAReceivedWsSchemaIsMinor() throws IOException {
    SpecChanges c = ws("added-optional-field.yaml");
    assertEquals(Classification.MINOR, c.classification(), c.render());
    assertHas(c, "MINOR [WS payloads] Order: optional field added: - -> price");
  }

  @Test
  void identicalWsPayloadsAreAPatchWithNoChange() throws IOException {
    SpecChanges c = ws("base.yaml");
    assertEquals(List.of(), c.all());
  }

  @Test
  void theWsSidesComeFromTheOperations() throws IOException {
    var sides = WsPayloadDiff.sides(YAML.readTree(FIXTURES.resolve("ws/base.yaml").toFile()));
    assertEquals("{OrderPlaceRequest=[SENT], OrderPlaceParams=[SENT], OrderPlaceResponse=[RECEIVED], Order=[RECEIVED]}",
        sides.toString());
  }

  // ----- the version rule ----------------------------------------------------------------------------------

  @Test
  void aBreakingChangeWithTheSameMajorVersionFailsAndListsEveryBreakingChange() throws IOException {
    SpecChanges c = meanings("changed-meaning.json").addAll(rest("removed-response.yaml").all());
    Optional<String> violation = SpecVersionRule.violation(c, "0.1.0", "0.2.0-SNAPSHOT");
    assertTrue(violation.isPresent());
    String message = violation.get();
    assertTrue(message.contains("2 breaking change(s) since release 0.1.0"), message);
    assertTrue(message.contains("rest newOrder status 4XX: outcome changed: REJECTED -> UNKNOWN"), message);
    assertTrue(message.contains("GET /api/v3/order (queryOrder) status 400: response removed"), message);
  }

  @Test
  void aBreakingChangeWithARaisedMajorVersionPassesAsMajor() throws IOException {
    SpecChanges c = meanings("changed-meaning.json");
    assertEquals(Optional.empty(), SpecVersionRule.violation(c, "0.1.0", "1.0.0-SNAPSHOT"));
    assertEquals(Classification.MAJOR, c.classification());
  }

  @Test
  void additionsNeedNoNewMajorVersion() throws IOException {
    assertEquals(Optional.empty(), SpecVersionRule.violation(meanings("added-operation.json"), "0.1.0", "0.1.1-SNAPSHOT"));
  }

  @Test
  void theBaselineComparedWithItselfIsAPatchWithNoChange() {
    SpecBundle baseline = new SpecBundle(Path.of("spec/baseline"));
    SpecChanges c = SpecComparison.compare(baseline, baseline);
    assertEquals(List.of(), c.all(), c.render());
    assertEquals(Classification.PATCH, c.classification());
  }

  // ---------------------------------------------------------------------------------------------------------

  private static SpecChanges rest(String variant) throws IOException {
    return new SpecChanges().addAll(RestSpecDiff.compare(
        Files.readString(FIXTURES.resolve("rest/base.yaml")), Files.readString(FIXTURES.resolve("rest/" + variant))));
  }

  private static SpecChanges meanings(String variant) throws IOException {
    return new SpecChanges().addAll(MeaningsDiff.compare(
        JSON.readTree(FIXTURES.resolve("meanings/base.json").toFile()),
        JSON.readTree(FIXTURES.resolve("meanings/" + variant).toFile())));
  }

  private static SpecChanges ws(String variant) throws IOException {
    return new SpecChanges().addAll(WsPayloadDiff.compare(
        YAML.readTree(FIXTURES.resolve("ws/base.yaml").toFile()), YAML.readTree(FIXTURES.resolve("ws/" + variant).toFile())));
  }

  private static void assertBreaking(SpecChanges c, String expected) {
    assertEquals(Classification.MAJOR, c.classification(), c.render());
    assertTrue(c.breaking().stream().anyMatch(ch -> ch.toString().endsWith(expected)),
        "expected a breaking change ending in\n  " + expected + "\nfound:\n" + c.render());
  }

  private static void assertHas(SpecChanges c, String expected) {
    assertTrue(c.all().stream().anyMatch(ch -> ch.toString().equals(expected)),
        "expected\n  " + expected + "\nfound:\n" + c.render());
  }
}
