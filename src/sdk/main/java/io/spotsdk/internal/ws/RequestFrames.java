package io.spotsdk.internal.ws;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.spotsdk.core.Params;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Writes {@code {"id":..,"method":..,"params":{..}}} with each value in its JSON kind. */
final class RequestFrames {
  private static final JsonFactory JSON = new JsonFactory();

  private RequestFrames() {}

  static String request(long id, String method, Params params) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("id", id);
      g.writeStringField("method", method);
      if (!params.asList().isEmpty()) {
        g.writeObjectFieldStart("params");
        for (Params.Param p : params.asList()) {
          g.writeFieldName(p.name());
          switch (p.kind()) {
            case NUMBER -> g.writeNumber(p.value());
            case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(p.value()));
            case JSON -> g.writeRawValue(p.value());
            default -> g.writeString(p.value());
          }
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
