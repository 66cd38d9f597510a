package io.spotsdk.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One spec bundle on disk: this build's (generated/spec) or the last release's (spec/baseline). The meanings table
 * is optional only so that a baseline taken before the table existed can still be read; the comparison says so.
 */
record SpecBundle(Path dir) {
  static final String REST = "spot-rest.yaml";
  static final String WS = "spot-ws-api.yaml";
  static final String MEANINGS = "meanings.json";
  static final String VERSION = "VERSION";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  String restText() {
    return read(REST);
  }

  JsonNode ws() {
    return parse(YAML, WS);
  }

  Optional<JsonNode> meanings() {
    return Files.exists(dir.resolve(MEANINGS)) ? Optional.of(parse(JSON, MEANINGS)) : Optional.empty();
  }

  /** The release this bundle is the spec of (spec/baseline/VERSION); a build's own bundle has none. */
  String version() {
    return read(VERSION).trim();
  }

  private JsonNode parse(ObjectMapper mapper, String file) {
    try {
      return mapper.readTree(dir.resolve(file).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
    }
  }

  private String read(String file) {
    try {
      return Files.readString(dir.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
    }
  }
}
