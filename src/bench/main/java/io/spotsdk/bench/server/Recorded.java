package io.spotsdk.bench.server;

import java.util.List;

/**
 * The last request the server saw for one endpoint, as the harness compares it across clients: its parameters in
 * wire order (query, then body, or the WebSocket params object), where they travelled, and whether the signature
 * was valid. Values of {@code timestamp} and {@code signature} are kept but differ by nature between requests.
 */
public record Recorded(String method, String path, String carrier, List<String> params, String apiKey,
    boolean signatureValid) {

  /** One line per field; params as name=value joined by '&'. */
  public String toText() {
    return "method=" + method + "\npath=" + path + "\ncarrier=" + carrier + "\nparams=" + String.join("&", params)
        + "\napiKey=" + apiKey + "\nsignatureValid=" + signatureValid + "\n";
  }

  public static Recorded fromText(String text) {
    String method = null;
    String path = null;
    String carrier = null;
    List<String> params = List.of();
    String apiKey = null;
    boolean valid = false;
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String k = line.substring(0, eq);
      String v = line.substring(eq + 1);
      switch (k) {
        case "method" -> method = v;
        case "path" -> path = v;
        case "carrier" -> carrier = v;
        case "params" -> params = v.isEmpty() ? List.of() : List.of(v.split("&"));
        case "apiKey" -> apiKey = v;
        case "signatureValid" -> valid = Boolean.parseBoolean(v);
        default -> { }
      }
    }
    return new Recorded(method, path, carrier, params, apiKey, valid);
  }
}
