package io.spotsdk.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spotsdk.Environment;
import io.spotsdk.SpotRestClient;
import io.spotsdk.model.Order;
import io.spotsdk.outcome.Outcome;
import io.spotsdk.outcome.UnknownCause;
import io.spotsdk.signing.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies are read through a cap and Content-Length is never trusted for allocation: whatever a server declares or
 * sends after the request was written, the call ends in an outcome, never an exception or an OutOfMemoryError.
 */
class ResponseBodyWireTest {
  static final String HUNDRED_BYTES = "{\"code\":-1000,\"msg\":\"" + "x".repeat(100 - 23) + "\"}";

  RawHttpServer server;
  SpotRestClient client;

  void serve(RawHttpServer.Handler handler, Long maxBody) throws IOException {
    server = RawHttpServer.start(null, handler);
    SpotRestClient.Builder b = SpotRestClient.builder()
        .environment(Environment.custom(server.uri(), null))
        .credentials(Credentials.hmac(RestWireSupport.API_KEY, RestWireSupport.SECRET));
    client = maxBody == null ? b.build() : b.maxResponseBodyBytes(maxBody).build();
  }

  @AfterEach
  void stop() throws IOException {
    client.close();
    server.close();
  }

  Outcome<Order> place() {
    return client.trade().newOrder(RestOutcomeWireTest.limitBuy().newClientOrderId("abc"));
  }

  static RawHttpServer.Handler declaring(String contentLength, byte[] body) {
    return (req, out) -> {
      RawHttpServer.writeHead(out, 200, "Content-Type: application/json", "Content-Length: " + contentLength);
      out.write(body);
      out.flush();
      return false;
    };
  }

  @Test
  void contentLengthBeyondAnIntIsUnknownWithTheHeadKept() throws IOException {
    serve(declaring("3000000000", HUNDRED_BYTES.getBytes(StandardCharsets.UTF_8)), null);
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(200, u.details().status());
    assertEquals("3000000000", u.details().headers().first("Content-Length"));
    assertEquals(HUNDRED_BYTES, u.details().rawBody());
    assertTrue(u.explanation().contains("declares a body of 3000000000 bytes, more than the cap"), u.explanation());
  }

  @Test
  void aLyingContentLengthDoesNotSizeTheBuffer() throws IOException {
    serve(declaring("2000000000", HUNDRED_BYTES.getBytes(StandardCharsets.UTF_8)), null);
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(HUNDRED_BYTES, u.details().rawBody());
  }

  @Test
  void aBodyShorterThanItsContentLengthIsUnknownWithWhatArrived() throws IOException {
    serve(declaring("1000", HUNDRED_BYTES.getBytes(StandardCharsets.UTF_8)), null);
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.CONNECTION_LOST, u.cause());
    assertEquals(200, u.details().status());
    assertEquals(HUNDRED_BYTES, u.details().rawBody());
  }

  @Test
  void aBodyPastTheDefaultCapIsUnknownWithOnlyItsHeadKept() throws IOException {
    // No Content-Length: the body ends when the server closes, so only the cap stops it.
    byte[] prefix = "{\"code\":-2010,\"msg\":\"".getBytes(StandardCharsets.UTF_8);
    serve((req, out) -> {
      RawHttpServer.writeHead(out, 400, "Content-Type: application/json", "Connection: close");
      out.write(prefix);
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      writeQuietly(out, chunk, 17 * 16); // 17 MiB
      return false;
    }, null);
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(400, u.details().status());
    String raw = u.details().rawBody();
    assertTrue(raw.startsWith("{\"code\":-2010,\"msg\":\"aaa"), raw.substring(0, 40));
    assertTrue(raw.length() <= 64 * 1024, "only the head is kept, not " + raw.length() + " chars");
    assertTrue(u.explanation().contains("cap"), u.explanation());
  }

  @Test
  void theCapIsConfigurable() throws IOException {
    byte[] order = RestOutcomeWireTest.ORDER_JSON.getBytes(StandardCharsets.UTF_8);
    serve(declaring(Integer.toString(order.length), order), 100L);
    Outcome.Unknown<Order> u = assertInstanceOf(Outcome.Unknown.class, place());
    assertEquals(UnknownCause.UNREADABLE_RESPONSE, u.cause());
    assertEquals(RestOutcomeWireTest.ORDER_JSON.substring(0, 100), u.details().rawBody());
  }

  @Test
  void aBodyExactlyAtTheCapIsRead() throws IOException {
    byte[] order = RestOutcomeWireTest.ORDER_JSON.getBytes(StandardCharsets.UTF_8);
    serve(declaring(Integer.toString(order.length), order), (long) order.length);
    assertInstanceOf(Outcome.Success.class, place());
  }

  private static void writeQuietly(OutputStream out, byte[] chunk, int times) {
    try {
      for (int i = 0; i < times; i++) {
        out.write(chunk);
      }
      out.flush();
    } catch (IOException clientStoppedReading) {
      // expected once the client passes its cap and drops the connection
    }
  }
}
