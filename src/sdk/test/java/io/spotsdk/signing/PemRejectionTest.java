package io.spotsdk.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Bad PEM input fails with a SigningKeyException that names the problem and never echoes the material. */
class PemRejectionTest {
  private static final String RSA_B64 = TestKeys.base64(TestKeys.RSA.getPrivate());
  private static final String ED_B64 = TestKeys.base64(TestKeys.ED25519.getPrivate());

  /** Loads with both loaders, checks no 12-character window of the input body appears in the message. */
  private static String reject(String pem, String secretBody) {
    String message = null;
    for (Function<String, Signer> loader : List.<Function<String, Signer>>of(
        RsaSigner::fromPkcs8Pem, Ed25519Signer::fromPkcs8Pem)) {
      SigningKeyException e = assertThrows(SigningKeyException.class, () -> loader.apply(pem));
      message = e.getMessage();
      assertNotNull(message);
      assertTrue(e.getCause() == null, "no cause that could carry material");
      assertNoMaterial(message, secretBody);
    }
    return message;
  }

  static void assertNoMaterial(String message, String material) {
    if (material == null) {
      return;
    }
    String compact = material.replaceAll("\\s", "");
    for (int i = 0; i + 12 <= compact.length(); i += 4) {
      String window = compact.substring(i, i + 12);
      assertFalse(message.contains(window), "message leaks key material: " + message);
    }
  }

  @Test
  void nullAndEmpty() {
    assertTrue(reject(null, null).contains("null"));
    assertTrue(reject("", null).contains("empty"));
    assertTrue(reject("   \n", null).contains("empty"));
  }

  @Test
  void pkcs1RsaIsRejectedWithHint() {
    String pem = TestKeys.pem("RSA PRIVATE KEY", TestKeys.RSA.getPrivate().getEncoded(), "\n");
    String msg = reject(pem, RSA_B64);
    assertTrue(msg.contains("PKCS#1") && msg.contains("PKCS#8"), msg);
  }

  @Test
  void otherPemTypesAreRejected() {
    byte[] der = TestKeys.RSA.getPrivate().getEncoded();
    assertTrue(reject(TestKeys.pem("ENCRYPTED PRIVATE KEY", der, "\n"), RSA_B64).contains("encrypted"));
    assertTrue(reject(TestKeys.pem("OPENSSH PRIVATE KEY", der, "\n"), RSA_B64).contains("OpenSSH"));
    assertTrue(reject(TestKeys.pem("EC PRIVATE KEY", der, "\n"), RSA_B64).contains("EC"));
    String pub = TestKeys.pem("PUBLIC KEY", TestKeys.RSA.getPublic().getEncoded(), "\n");
    assertTrue(reject(pub, pub).contains("public key"));
    assertTrue(reject(TestKeys.pem("CERTIFICATE", der, "\n"), RSA_B64).contains("unsupported"));
  }

  @Test
  void garbage() {
    String secretLooking = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    assertTrue(reject(secretLooking, secretLooking).contains("not PEM"));
    assertTrue(reject(RSA_B64, RSA_B64).contains("not PEM"), "bare base64 without armor");
  }

  @Test
  void brokenArmorOrBody() {
    String good = TestKeys.pkcs8Pem(TestKeys.RSA.getPrivate());
    String noEnd = good.substring(0, good.indexOf("-----END"));
    assertTrue(reject(noEnd, RSA_B64).contains("END"));
    assertTrue(reject("-----BEGIN PRIVATE KEY-----\n\n-----END PRIVATE KEY-----", null).contains("empty"));
    String badBase64 = good.replaceFirst("\n(.{10})", "\n$1*!");
    assertTrue(reject(badBase64, RSA_B64).contains("base64"));
    // valid base64, but truncated DER
    String truncated = "-----BEGIN PRIVATE KEY-----\n" + RSA_B64.substring(0, 400) + "\n-----END PRIVATE KEY-----";
    String msg = assertThrows(SigningKeyException.class, () -> RsaSigner.fromPkcs8Pem(truncated)).getMessage();
    assertTrue(msg.contains("not a valid PKCS#8 RSA"), msg);
    assertNoMaterial(msg, RSA_B64);
  }

  @Test
  void keyOfTheOtherAlgorithmIsNamed() {
    String edPem = TestKeys.pkcs8Pem(TestKeys.ED25519.getPrivate());
    SigningKeyException e = assertThrows(SigningKeyException.class, () -> RsaSigner.fromPkcs8Pem(edPem));
    assertTrue(e.getMessage().contains("Ed25519") && e.getMessage().contains("RSA"), e.getMessage());
    assertNoMaterial(e.getMessage(), ED_B64);

    String rsaPem = TestKeys.pkcs8Pem(TestKeys.RSA.getPrivate());
    e = assertThrows(SigningKeyException.class, () -> Ed25519Signer.fromPkcs8Pem(rsaPem));
    assertTrue(e.getMessage().contains("holds a PKCS#8 RSA"), e.getMessage());
    assertNoMaterial(e.getMessage(), RSA_B64);

    String ed448Pem = TestKeys.pkcs8Pem(TestKeys.generate("Ed448", 0).getPrivate());
    e = assertThrows(SigningKeyException.class, () -> Ed25519Signer.fromPkcs8Pem(ed448Pem));
    assertTrue(e.getMessage().contains("Ed448"), e.getMessage());

    String ecPem = TestKeys.pkcs8Pem(TestKeys.generate("EC", 256).getPrivate());
    e = assertThrows(SigningKeyException.class, () -> Ed25519Signer.fromPkcs8Pem(ecPem));
    assertTrue(e.getMessage().contains("EC"), e.getMessage());
  }
}
