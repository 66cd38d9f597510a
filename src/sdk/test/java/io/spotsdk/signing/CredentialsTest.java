package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final String API_KEY = HmacSignerTest.API_KEY;
  private static final String SECRET = HmacSignerTest.SECRET;

  @Test
  void hmacFactory() {
    Credentials c = Credentials.hmac(API_KEY, SECRET);
    assertEquals(API_KEY, c.apiKey());
    assertInstanceOf(HmacSigner.class, c.signer());
    assertEquals(KeyKind.HMAC_SHA256, c.signer().kind());
    assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", c.signer().sign(
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));
  }

  @Test
  void pemFactories() {
    Credentials ed = Credentials.ed25519("edKey", TestKeys.pkcs8Pem(TestKeys.ED25519.getPrivate()));
    assertEquals(KeyKind.ED25519, ed.signer().kind());
    Credentials rsa = Credentials.rsa("rsaKey", TestKeys.pkcs8Pem(TestKeys.RSA.getPrivate()));
    assertEquals(KeyKind.RSA, rsa.signer().kind());
    Signer s = new HmacSigner(SECRET);
    assertSame(s, new Credentials(API_KEY, s).signer());
  }

  @Test
  void toStringMasksApiKeyAndHidesSecrets() {
    Credentials c = Credentials.hmac(API_KEY, SECRET);
    String text = c.toString();
    assertEquals("Credentials[apiKey=vmPU…(64 chars), kind=HMAC_SHA256, signer=HmacSigner[secret=<redacted>]]", text);
    assertFalse(text.contains(API_KEY.substring(0, 8)), text);
    assertFalse(text.contains(SECRET.substring(0, 4)), text);

    String ed = Credentials.ed25519(API_KEY, TestKeys.pkcs8Pem(TestKeys.ED25519.getPrivate())).toString();
    PemRejectionTest.assertNoMaterial(ed, TestKeys.base64(TestKeys.ED25519.getPrivate()));
    String rsa = Credentials.rsa(API_KEY, TestKeys.pkcs8Pem(TestKeys.RSA.getPrivate())).toString();
    PemRejectionTest.assertNoMaterial(rsa, TestKeys.base64(TestKeys.RSA.getPrivate()));
    assertEquals("Credentials[apiKey=…(5 chars), kind=HMAC_SHA256, signer=HmacSigner[secret=<redacted>]]",
        Credentials.hmac("short", SECRET).toString());
  }

  @Test
  void badApiKeysAreRejected() {
    Signer s = new HmacSigner(SECRET);
    assertThrows(SigningKeyException.class, () -> new Credentials(null, s));
    assertThrows(SigningKeyException.class, () -> new Credentials("", s));
    SigningKeyException e = assertThrows(SigningKeyException.class, () -> new Credentials(API_KEY + "\r\nX: y", s));
    assertFalse(e.getMessage().contains(API_KEY.substring(0, 8)), e.getMessage());
    assertThrows(NullPointerException.class, () -> new Credentials(API_KEY, null));
  }
}
