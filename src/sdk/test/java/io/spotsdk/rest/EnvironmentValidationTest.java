package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.InvalidSettingException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A base URI the client could never send to is refused when the environment is built, with a clear error, instead
 * of every call later coming back as "may have executed".
 */
class EnvironmentValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8080", "ftp://127.0.0.1:8080", "ws://127.0.0.1:8080", "/api", "http:///api",
      "http://127.0.0.1:8080?x=1", "http://127.0.0.1:8080#f", "mailto:someone@example.com", "http://under_score:80",
      "http://127.0.0.1:99999"})
  void aRestBaseUriThatCannotBeSentToIsRejected(String uri) {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> Environment.custom(URI.create(uri), null));
    assertEquals("restBaseUri", e.setting());
    assertTrue(e.getMessage().startsWith("restBaseUri: "), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost:8080", "http://127.0.0.1:8080/ws-api/v3", "wss:///ws-api/v3", "ftp://h/x"})
  void aWebSocketUriThatCannotBeConnectedToIsRejected(String uri) {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> Environment.custom(URI.create("http://127.0.0.1:8080"), URI.create(uri)));
    assertEquals("wsApiUri", e.setting());
  }

  @org.junit.jupiter.api.Test
  void aPasswordInTheUriIsRefusedWithoutBeingRepeated() {
    InvalidSettingException e = assertThrows(InvalidSettingException.class,
        () -> Environment.custom(URI.create("https://me:hunter2@api.binance.com"), null));
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080", "https://api.binance.com", "HTTPS://API.BINANCE.COM/",
      "http://localhost:8080/prefix", "http://[::1]:8080"})
  void usableRestBaseUrisAreAccepted(String uri) {
    assertDoesNotThrow(() -> Environment.custom(URI.create(uri), URI.create("wss://ws-api.binance.com:443/ws-api/v3")));
  }
}
