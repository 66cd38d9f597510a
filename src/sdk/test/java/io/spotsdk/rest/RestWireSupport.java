package io.spotsdk.rest;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.signing.Credentials;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A WireMock server on 127.0.0.1 and a client pointed at it, with Binance's published demo key. */
abstract class RestWireSupport {
  /** A parameter as sent: from the query string, or else from the form body (POST, PUT, DELETE). */
  static String sent(com.github.tomakehurst.wiremock.verification.LoggedRequest r, String name) {
    if (r.queryParameter(name).isPresent()) {
      return r.queryParameter(name).firstValue();
    }
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final Instant NOW = Instant.ofEpochMilli(1_499_827_319_559L);

  WireMockServer wm;
  SpotRestClient client;
  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @BeforeEach
  void startServer() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    client = clientWith(Duration.ofSeconds(5));
  }

  SpotRestClient clientWith(Duration readTimeout) {
    return SpotRestClient.builder()
        .environment(Environment.custom(URI.create("http://127.0.0.1:" + wm.port()), null))
        .credentials(Credentials.hmac(API_KEY, SECRET))
        .readTimeout(readTimeout)
        .clock(clock)
        .build();
  }

  @AfterEach
  void stopServer() {
    client.close();
    wm.stop();
  }
}
