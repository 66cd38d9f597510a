package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.core.Params;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binance's published HMAC test vectors (binance-spot-facts.md section 2). */
class HmacSignerTest {
  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

  private final HmacSigner signer = new HmacSigner(SECRET);

  private static List<Params.Param> restOrderParams(String symbol) {
    Params p = new Params();
    p.put("symbol", symbol);
    p.put("side", "BUY");
    p.put("type", "LIMIT");
    p.put("timeInForce", "GTC");
    p.put("quantity", "1");
    p.put("price", "0.1");
    p.put("recvWindow", "5000");
    p.put("timestamp", "1499827319559");
    return p.asList();
  }

  @Test
  void restVectorAscii() {
    String payload = SigningPayloads.restQuery(restOrderParams("LTCBTC"));
    assertEquals("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
        + "&timestamp=1499827319559", payload);
    assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", signer.sign(payload));
  }

  @Test
  void restVectorNonAsciiIsPercentEncodedBeforeSigning() {
    String payload = SigningPayloads.restQuery(restOrderParams("１２３４５６"));
    assertEquals("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC"
        + "&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", payload);
    assertEquals("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3", signer.sign(payload));
  }

  @Test
  void wsVectorAscii() {
    Map<String, String> params = new LinkedHashMap<>(); // deliberately not in sorted order
    params.put("symbol", "BTCUSDT");
    params.put("side", "SELL");
    params.put("type", "LIMIT");
    params.put("timeInForce", "GTC");
    params.put("quantity", "0.01000000");
    params.put("price", "52000.00");
    params.put("recvWindow", "100");
    params.put("timestamp", "1645423376532");
    params.put("signature", "must-be-excluded");
    params.put("apiKey", API_KEY);
    String payload = SigningPayloads.wsPayload(params);
    assertEquals("apiKey=" + API_KEY + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT"
        + "&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", payload);
    assertEquals("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24", signer.sign(payload));
  }

  @Test
  void wsVectorNonAsciiIsNotPercentEncoded() {
    Map<String, String> params = new HashMap<>();
    params.put("type", "LIMIT");
    params.put("timestamp", "1645423376532");
    params.put("signature", "");
    params.put("symbol", "１２３４５６");
    params.put("apiKey", API_KEY);
    params.put("timeInForce", "GTC");
    params.put("side", "BUY");
    params.put("recvWindow", "5000");
    params.put("quantity", "1.00000000");
    params.put("price", "0.10000000");
    String payload = SigningPayloads.wsPayload(params);
    assertEquals("apiKey=" + API_KEY + "&price=0.10000000&quantity=1.00000000&recvWindow=5000&side=BUY"
        + "&symbol=１２３４５６&timeInForce=GTC&timestamp=1645423376532&type=LIMIT", payload);
    assertEquals("b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd", signer.sign(payload));
  }

  @Test
  void signatureIsLowercaseHexAndRepeatable() {
    String first = signer.sign("a=1");
    assertTrue(first.matches("[0-9a-f]{64}"), first);
    assertEquals(first, signer.sign("a=1"));
    assertEquals(KeyKind.HMAC_SHA256, signer.kind());
  }

  @Test
  void toStringHidesSecret() {
    assertEquals("HmacSigner[secret=<redacted>]", signer.toString());
    assertFalse(signer.toString().contains(SECRET.substring(0, 8)));
  }

  @Test
  void rejectsBadSecretsWithoutEchoingThem() {
    assertThrows(SigningKeyException.class, () -> new HmacSigner(null));
    assertThrows(SigningKeyException.class, () -> new HmacSigner(""));
    SigningKeyException e = assertThrows(SigningKeyException.class, () -> new HmacSigner(" " + SECRET + "\n"));
    assertFalse(e.getMessage().contains(SECRET.substring(0, 8)), e.getMessage());
  }

  @Test
  void nullPayloadIsRejected() {
    assertThrows(NullPointerException.class, () -> signer.sign(null));
  }
}
