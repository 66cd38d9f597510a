package io.spotsdk.internal.ws;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.spotsdk.core.Params;
import java.util.List;

/**
 * Writes {@code {"id":..,"method":..,"params":{..}}} with each value in its JSON kind: into one builder sized from
 * the parameters, so a request costs that builder and its string, no writer and no generator. Strings are quoted
 * as Jackson's generator quotes them (its own encoder: {@code "}, {@code \} and control characters escaped, the
 * rest as is); numbers and raw JSON values go as given, as {@code writeNumber(String)} and {@code writeRawValue}
 * write them.
 */
final class RequestFrames {
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

  private RequestFrames() {}

  static String request(long id, String method, Params params) {
    List<Params.Param> list = params.asList();
    int size = 48 + method.length();
    for (int i = 0; i < list.size(); i++) {
      Params.Param p = list.get(i);
      size += p.name().length() + (p.value() == null ? 4 : p.value().length()) + 6;
    }
    StringBuilder b = new StringBuilder(size);
    b.append("{\"id\":").append(id).append(",\"method\":");
    quoted(b, method);
    if (!list.isEmpty()) {
      b.append(",\"params\":{");
      for (int i = 0; i < list.size(); i++) {
        Params.Param p = list.get(i);
        if (i > 0) {
          b.append(',');
        }
        quoted(b, p.name());
        b.append(':');
        if (p.value() == null && p.kind() != Params.Kind.BOOLEAN) {
          b.append("null"); // as the generator writes a null string or number
          continue;
        }
        switch (p.kind()) {
          case NUMBER, JSON -> b.append(p.value());
          case BOOLEAN -> b.append(Boolean.parseBoolean(p.value()));
          default -> quoted(b, p.value());
        }
      }
      b.append('}');
    }
    return b.append('}').toString();
  }

  private static void quoted(StringBuilder b, String s) {
    b.append('"');
    QUOTE.quoteAsString(s, b);
    b.append('"');
  }
}
