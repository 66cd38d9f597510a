package io.spotsdk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {
  static final String KEY = "CanaryApiKey0123456789abcdefCANARY";
  static final String SIG = "5f2750ad7589d1d40757a55342e621a44037dad23b5128cc70e18ec1d1c3f4c6";

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"id\":1,\"status\":200,\"result\":{\"apiKey\":\"" + KEY + "\",\"authorizedSince\":1}}",
      "{\"params\":{\"apiKey\" : \"" + KEY + "\",\"signature\":\"" + SIG + "\"}}",
      "{\"result\":{\"apiKey\":\"" + KEY,                                     // cut off mid-value
      "{\"result\":{\"APIKEY\":\"" + KEY + "\\\"" + SIG + "\"}}",           // escaped quote inside the value
      "symbol=BTCUSDT&apiKey=" + KEY + "&signature=" + SIG,
      "X-MBX-APIKEY: " + KEY,
      "not json at all: signature=" + SIG + " api_key=" + KEY,
      "{\"secretKey\":\"" + KEY + "\",\"privateKey\":\"" + SIG + "\"}",
      "{\"signature\":" + "1234567890123456789012345" + "}",
  })
  void secretBearingFieldsAreMaskedInAnyShape(String text) {
    String out = Redaction.FIELDS.apply(text);
    assertFalse(out.contains(KEY), out);
    assertFalse(out.contains(SIG), out);
    assertFalse(out.contains("1234567890123456789012345"), out);
    assertTrue(out.contains(Redaction.MASK), out);
  }

  @Test
  void aKnownSecretIsMaskedWhereverItAppears() {
    Redaction r = Redaction.of(KEY, null, "short");
    assertEquals("Invalid API-key *** for action; short stays",
        r.apply("Invalid API-key " + KEY + " for action; short stays"));
  }

  @Test
  void ordinaryTextIsLeftAlone() {
    String frame = "{\"id\":7,\"status\":400,\"error\":{\"code\":-1013,\"msg\":\"Filter failure: LOT_SIZE\"}}";
    assertEquals(frame, Redaction.FIELDS.apply(frame));
  }

  @Test
  void aPreviewIsCutAfterRedaction() {
    String frame = "{\"apiKey\":\"" + KEY + "\"}" + "x".repeat(500);
    String p = Redaction.FIELDS.preview(frame, 20);
    assertFalse(p.contains(KEY.substring(0, 8)), p);
    assertTrue(p.endsWith("..."));
  }

  @Test
  void neverThrows() {
    assertEquals("null", Redaction.FIELDS.apply(null));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      deep.append("{\"signature\":\"\\");
    }
    Redaction.FIELDS.apply(deep); // no exception, whatever it returns
    assertEquals("java.lang.IllegalStateException: apiKey=***",
        Redaction.FIELDS.describe(new IllegalStateException("apiKey=" + KEY)));
  }
}
