package io.spotsdk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One file of the spec bundle's conformance/ (schema/conformance-case.schema.json), read as it is. */
record ConformanceCase(String file, String name, String operation, String transport, long now, JsonNode params,
    int status, Map<String, String> headers, byte[] body, JsonNode expect) {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path BUNDLE = Path.of("generated", "spec");
  static final Path DIR = BUNDLE.resolve("conformance");

  static ConformanceCase read(Path path) {
    String file = BUNDLE.relativize(path).toString().replace('\\', '/');
    JsonNode c;
    try {
      c = JSON.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": not JSON", e);
    }
    JsonNode response = c.path("response");
    Map<String, String> headers = new LinkedHashMap<>();
    response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode body = response.path("body");
    byte[] bytes = body.has("base64") ? Base64.getDecoder().decode(body.get("base64").asText())
        : body.path("text").asText().getBytes(StandardCharsets.UTF_8);
    return new ConformanceCase(file, c.path("name").asText(), c.path("operation").asText(), c.path("transport").asText(),
        c.path("now").asLong(), c.path("request").path("params"), response.path("status").asInt(), headers, bytes,
        c.path("expect"));
  }

  /** Every case file under generated/spec/conformance, in path order. */
  static List<Path> files() {
    if (!Files.isDirectory(DIR)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(DIR)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String outcome() {
    return expect.path("outcome").asText();
  }

  @Override
  public String toString() {
    return file + " (" + name + ")";
  }
}
