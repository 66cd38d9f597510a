package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.signing.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * "Not sent" is decided by where a failure happened, not by the exception's type: anything that breaks before the
 * first byte of the request is written (here a TLS handshake that cannot even start) is NotSent, never a "may have
 * executed".
 */
class NotSentBeforeTheWriteWireTest {

  @Test
  void aTlsHandshakeWithAPlainHttpServerIsNotSent() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        while (true) {
          try (Socket s = plain.accept()) {
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.getInputStream().read(); // hold the connection until the client gives up
          } catch (IOException e) {
            if (plain.isClosed()) {
              return;
            }
          }
        }
      }, "plain-http-server");
      server.setDaemon(true);
      server.start();
      try (SpotRestClient client = SpotRestClient.builder()
          .environment(Environment.custom(URI.create("https://127.0.0.1:" + plain.getLocalPort()), null))
          .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET))
          .build()) {
        Outcome<?> o = client.trade().newOrder(RestOutcomeWireTest.limitBuy());
        Outcome.NotSent<?> n = assertInstanceOf(Outcome.NotSent.class, o);
        assertEquals(NotSentReason.CONNECT_FAILED, n.reason());
        assertFalse(n.mayHaveExecuted());
      }
    }
  }
}
