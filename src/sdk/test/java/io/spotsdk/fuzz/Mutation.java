package io.spotsdk.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One change to a valid message, of the kinds real servers, proxies and broken networks produce. {@code where}
 * picks the place (a byte offset or a field, modulo what exists) and {@code seed} the details, so jqwik can
 * generate and shrink mutations as plain values.
 */
record Mutation(Kind kind, int where, long seed) {
  enum Kind {
    NONE, TRUNCATE, TYPE_CHANGE, DROP_FIELD, DEEP_NESTING, HUGE_NUMBER, HUGE_STRING, INVALID_UTF8, DUPLICATE_KEY,
    FLIP_BYTE, GARBAGE
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NF = JsonNodeFactory.instance;
  private static final String[] HUGE_NUMBERS = {
      "99999999999999999999", "-99999999999999999999", "1" + "0".repeat(400), "1e999999", "-1e-999999",
      "123456789012345678901234567890.123456789", "9223372036854775808", "-9223372036854775809", "0.0000000001e-400"};

  byte[] apply(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    Random rnd = new Random(seed);
    if (bytes.length == 0 && kind != Kind.GARBAGE) {
      return bytes;
    }
    switch (kind) {
      case NONE:
        return bytes;
      case TRUNCATE:
        return java.util.Arrays.copyOf(bytes, Math.floorMod(where, Math.max(1, bytes.length)));
      case FLIP_BYTE: {
        byte[] b = bytes.clone();
        b[Math.floorMod(where, b.length)] = (byte) rnd.nextInt(128);
        return b;
      }
      case INVALID_UTF8: {
        byte[][] bad = {{(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        return splice(bytes, Math.floorMod(where, bytes.length + 1), bad[rnd.nextInt(bad.length)]);
      }
      case GARBAGE: {
        String[] g = {"", "null", "[]", "\"text\"", "42", "{", "<html><body>502 Bad Gateway</body></html>", "{}{}", "\u0000"};
        return g[rnd.nextInt(g.length)].getBytes(StandardCharsets.UTF_8);
      }
      case DUPLICATE_KEY:
        return duplicateKey(message, rnd).getBytes(StandardCharsets.UTF_8);
      default:
        return treeMutation(message, rnd).getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Mutations that need to know the structure: a field is chosen among all fields at any depth. */
  private String treeMutation(String message, Random rnd) {
    JsonNode root;
    try {
      root = JSON.readTree(message);
    } catch (Exception e) {
      return message;
    }
    List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
    collect(root, fields);
    if (fields.isEmpty()) {
      return message;
    }
    Map.Entry<ObjectNode, String> f = fields.get(Math.floorMod(where, fields.size()));
    ObjectNode owner = f.getKey();
    String name = f.getValue();
    switch (kind) {
      case DROP_FIELD:
        owner.remove(name);
        return root.toString();
      case TYPE_CHANGE:
        owner.set(name, otherType(owner.get(name), rnd));
        return root.toString();
      case HUGE_STRING:
        owner.put(name, "x".repeat(50_000 + rnd.nextInt(200_000)));
        return root.toString();
      case HUGE_NUMBER:
        // written as text so the number is exactly what a broken server would put on the wire
        return replaceValue(root, owner, name, HUGE_NUMBERS[rnd.nextInt(HUGE_NUMBERS.length)]);
      case DEEP_NESTING: {
        int depth = 500 + rnd.nextInt(5000);
        return replaceValue(root, owner, name, "[".repeat(depth) + "]".repeat(depth));
      }
      default:
        return message;
    }
  }

  private static String replaceValue(JsonNode root, ObjectNode owner, String name, String rawJson) {
    String marker = "__fuzz_marker_" + System.identityHashCode(owner) + "__";
    owner.put(name, marker);
    return root.toString().replace('"' + marker + '"', rawJson);
  }

  private static JsonNode otherType(JsonNode v, Random rnd) {
    List<JsonNode> options = new ArrayList<>(List.of(NF.nullNode(), NF.numberNode(-1), NF.numberNode(3.5),
        NF.textNode(""), NF.textNode("NOT_A_KNOWN_VALUE"), NF.booleanNode(true), NF.arrayNode(), NF.objectNode(),
        NF.arrayNode().add(1).add("two")));
    if (v != null) {
      options.removeIf(o -> o.getNodeType() == v.getNodeType());
    }
    return options.get(rnd.nextInt(options.size()));
  }

  private static void collect(JsonNode n, List<Map.Entry<ObjectNode, String>> out) {
    if (n instanceof ObjectNode o) {
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        out.add(Map.entry(o, name));
        collect(o.get(name), out);
      }
    } else if (n instanceof ContainerNode<?> c) {
      for (JsonNode e : c) {
        collect(e, out);
      }
    }
  }

  /** Repeats an existing key with another value right after the first '{' (the text, not the tree, allows it). */
  private String duplicateKey(String message, Random rnd) {
    int brace = message.indexOf('{');
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([A-Za-z]+)\"\\s*:").matcher(message);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    if (brace < 0 || keys.isEmpty()) {
      return message;
    }
    String key = keys.get(Math.floorMod(where, keys.size()));
    String[] values = {"null", "1", "\"dup\"", "{}", "[]", "-1", "200", "418"};
    return message.substring(0, brace + 1) + '"' + key + "\":" + values[rnd.nextInt(values.length)] + ','
        + message.substring(brace + 1);
  }

  private static byte[] splice(byte[] b, int at, byte[] insert) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
    out.write(b, 0, at);
    out.write(insert, 0, insert.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }
}
