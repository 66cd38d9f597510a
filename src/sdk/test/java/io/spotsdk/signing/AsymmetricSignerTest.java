package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RSA and Ed25519: keys generated here, loaded from PKCS#8 PEM, signatures checked with the public key. */
class AsymmetricSignerTest {
  private static final String PAYLOAD =
      "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";
  private static final String NON_ASCII_WS_PAYLOAD = "apiKey=k&symbol=１２３４５６&timestamp=1";

  static boolean verify(String algorithm, PublicKey pub, String payload, String base64Signature) throws Exception {
    Signature v = Signature.getInstance(algorithm);
    v.initVerify(pub);
    v.update(payload.getBytes(StandardCharsets.UTF_8));
    return v.verify(Base64.getDecoder().decode(base64Signature));
  }

  @Test
  void rsaFromPemSignsVerifiably() throws Exception {
    RsaSigner signer = RsaSigner.fromPkcs8Pem(TestKeys.pkcs8Pem(TestKeys.RSA.getPrivate()));
    assertEquals(KeyKind.RSA, signer.kind());
    String sig = signer.sign(PAYLOAD);
    assertTrue(sig.matches("[A-Za-z0-9+/]+={0,2}"), "standard base64, not url-encoded: " + sig);
    assertEquals(256, Base64.getDecoder().decode(sig).length);
    assertTrue(verify("SHA256withRSA", TestKeys.RSA.getPublic(), PAYLOAD, sig));
    assertFalse(verify("SHA256withRSA", TestKeys.RSA.getPublic(), PAYLOAD + "&x=1", sig));
    assertTrue(verify("SHA256withRSA", TestKeys.RSA.getPublic(), NON_ASCII_WS_PAYLOAD,
        signer.sign(NON_ASCII_WS_PAYLOAD)));
    // PKCS#1 v1.5 is deterministic, so repeated signing (reusing the per-thread Signature) gives the same bytes
    assertEquals(sig, signer.sign(PAYLOAD));
  }

  @Test
  void ed25519FromPemSignsVerifiably() throws Exception {
    Ed25519Signer signer = Ed25519Signer.fromPkcs8Pem(TestKeys.pkcs8Pem(TestKeys.ED25519.getPrivate()));
    assertEquals(KeyKind.ED25519, signer.kind());
    String sig = signer.sign(PAYLOAD);
    assertEquals(64, Base64.getDecoder().decode(sig).length);
    assertEquals(88, sig.length());
    assertTrue(sig.matches("[A-Za-z0-9+/]{86}=="), sig);
    assertTrue(verify("Ed25519", TestKeys.ED25519.getPublic(), PAYLOAD, sig));
    assertFalse(verify("Ed25519", TestKeys.ED25519.getPublic(), PAYLOAD + "&x=1", sig));
    assertTrue(verify("Ed25519", TestKeys.ED25519.getPublic(), NON_ASCII_WS_PAYLOAD,
        signer.sign(NON_ASCII_WS_PAYLOAD)));
    assertEquals(sig, signer.sign(PAYLOAD)); // Ed25519 is deterministic
  }

  @Test
  void constructorsTakePrivateKeysDirectly() throws Exception {
    assertTrue(verify("SHA256withRSA", TestKeys.RSA.getPublic(), "a=1",
        new RsaSigner(TestKeys.RSA.getPrivate()).sign("a=1")));
    assertTrue(verify("Ed25519", TestKeys.ED25519.getPublic(), "a=1",
        new Ed25519Signer(TestKeys.ED25519.getPrivate()).sign("a=1")));
  }

  @Test
  void pemWithCrlfIndentationAndSurroundingTextIsAccepted() throws Exception {
    String crlf = TestKeys.pem("PRIVATE KEY", TestKeys.ED25519.getPrivate().getEncoded(), "\r\n");
    String messy = "Bag Attributes: none\n  " + crlf.replace("\r\n", "\r\n    ") + "\n\n";
    Ed25519Signer signer = Ed25519Signer.fromPkcs8Pem(messy);
    assertTrue(verify("Ed25519", TestKeys.ED25519.getPublic(), "a=1", signer.sign("a=1")));
    String oneLine = "-----BEGIN PRIVATE KEY-----" + TestKeys.base64(TestKeys.RSA.getPrivate())
        + "-----END PRIVATE KEY-----";
    assertTrue(verify("SHA256withRSA", TestKeys.RSA.getPublic(), "a=1", RsaSigner.fromPkcs8Pem(oneLine).sign("a=1")));
  }

  @Test
  void wrongKeyTypesAreRejected() {
    assertThrows(SigningKeyException.class, () -> new RsaSigner(TestKeys.ED25519.getPrivate()));
    assertThrows(SigningKeyException.class, () -> new Ed25519Signer(TestKeys.RSA.getPrivate()));
    assertThrows(SigningKeyException.class,
        () -> new Ed25519Signer(TestKeys.generate("Ed448", 0).getPrivate()));
    assertThrows(SigningKeyException.class, () -> new RsaSigner(null));
    assertThrows(SigningKeyException.class, () -> new Ed25519Signer(null));
  }

  @Test
  void toStringHidesKeys() {
    RsaSigner rsa = new RsaSigner(TestKeys.RSA.getPrivate());
    Ed25519Signer ed = new Ed25519Signer(TestKeys.ED25519.getPrivate());
    assertEquals("RsaSigner[key=<redacted>, bits=2048]", rsa.toString());
    assertEquals("Ed25519Signer[key=<redacted>]", ed.toString());
  }
}
