package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.spotsdk.core.Params;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SigningPayloadsTest {

  @Test
  void percentEncodeReservedCharacters() {
    assertEquals("%20", SigningPayloads.percentEncode(" "));
    assertEquals("%2B", SigningPayloads.percentEncode("+"));
    assertEquals("%2F", SigningPayloads.percentEncode("/"));
    assertEquals("%3D", SigningPayloads.percentEncode("="));
    assertEquals("%26%25%3F%23%2C%5B%5D%22%3A", SigningPayloads.percentEncode("&%?#,[]\":"));
    // a base64 signature as it goes into a URL
    assertEquals("HZ8HOjiJ1s%2FigS9JA%2Bn7%3D%3D", SigningPayloads.percentEncode("HZ8HOjiJ1s/igS9JA+n7=="));
  }

  @Test
  void percentEncodeKeepsUnreserved() {
    String unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    assertSame(unreserved, SigningPayloads.percentEncode(unreserved));
    assertEquals("", SigningPayloads.percentEncode(""));
  }

  @Test
  void percentEncodeUtf8AllLengths() {
    assertEquals("%C3%A9", SigningPayloads.percentEncode("é")); // 2 bytes
    assertEquals("%EF%BC%91", SigningPayloads.percentEncode("１")); // 3 bytes
    assertEquals("%F0%9F%9A%80", SigningPayloads.percentEncode("\uD83D\uDE80")); // 4 bytes (surrogate pair)
    assertEquals("%00%7F", SigningPayloads.percentEncode("\u0000\u007F"));
  }

  @Test
  void percentEncodeMatchesJdkUtf8Bytes() {
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp < 0x3000; cp += 7) {
      if (!Character.isSurrogate((char) cp)) {
        all.appendCodePoint(cp);
      }
    }
    all.appendCodePoint(0x1F600).appendCodePoint(0x10FFFF);
    StringBuilder expected = new StringBuilder();
    for (byte x : all.toString().getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
        expected.append(c);
      } else {
        expected.append(String.format("%%%02X", x & 0xFF));
      }
    }
    assertEquals(expected.toString(), SigningPayloads.percentEncode(all.toString()));
  }

  @Test
  void percentEncodeRejectsUnpairedSurrogateAndNull() {
    assertThrows(IllegalArgumentException.class, () -> SigningPayloads.percentEncode("a\uD83D"));
    assertThrows(IllegalArgumentException.class, () -> SigningPayloads.percentEncode("\uDE80b"));
    assertThrows(IllegalArgumentException.class, () -> SigningPayloads.percentEncode(null));
  }

  @Test
  void restQueryKeepsOrderAndEncodesNamesAndValues() {
    List<Params.Param> params = List.of(
        new Params.Param("z", "1"),
        new Params.Param("symbols", "[\"BTCUSDT\",\"BNBBTC\"]"),
        new Params.Param("a b", "x+y=z"));
    assertEquals("z=1&symbols=%5B%22BTCUSDT%22%2C%22BNBBTC%22%5D&a%20b=x%2By%3Dz", SigningPayloads.restQuery(params));
    assertEquals("", SigningPayloads.restQuery(List.of()));
    assertEquals("a=", SigningPayloads.restQuery(List.of(new Params.Param("a", ""))));
  }

  @Test
  void restQueryRejectsNullValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SigningPayloads.restQuery(List.of(new Params.Param("symbol", null))));
    assertEquals("parameter 'symbol' has a null value", e.getMessage());
  }

  @Test
  void wsPayloadSortsByNameAndSkipsSignature() {
    Map<String, String> params = Map.of("b", "2", "a", "x y/+", "signature", "abc", "B", "0");
    // String natural order: upper case sorts before lower case
    assertEquals("B=0&a=x y/+&b=2", SigningPayloads.wsPayload(params));
    assertEquals("", SigningPayloads.wsPayload(Map.of("signature", "abc")));
    assertEquals("", SigningPayloads.wsPayload(new TreeMap<>()));
  }
}
