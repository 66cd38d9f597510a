package io.spotsdk.internal.call;

import io.spotsdk.core.Params;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.signing.Credentials;
import io.spotsdk.signing.SigningPayloads;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The signing rules of both transports. All of them add recvWindow and a fresh timestamp to a copy of the caller's
 * parameters; they differ only in what is signed and what travels with it:
 * <ul>
 *   <li>REST: the query string and form body as sent (Binance signs their concatenation; the SDK sends the
 *       parameters in one of the two, so the payload is that one's text), with the API key in a header;</li>
 *   <li>WebSocket: the parameters with {@code apiKey}, sorted by name;</li>
 *   <li>WebSocket after {@code session.logon}: nothing signed, the session vouches for the request.</li>
 * </ul>
 */
public final class Signing {
  private Signing() {}

  public static SigningRule restQueryAndBody(Credentials credentials, Clock clock) {
    return a -> {
      Params wire = stamped(a, clock);
      String payload = SigningPayloads.restQuery(wire.asList());
      String signature = sign(credentials, payload);
      wire.put("signature", signature); // last: stamped removed any earlier one
      a.encodedWire(payload + "&signature=" + SigningPayloads.percentEncode(signature));
    };
  }

  public static SigningRule wsSortedPayload(Credentials credentials, Clock clock) {
    return a -> {
      Params wire = stamped(a, clock);
      wire.put("apiKey", credentials.apiKey());
      wire.put("signature", sign(credentials, sortedPayload(wire)));
    };
  }

  public static SigningRule wsSession(Clock clock) {
    return a -> stamped(a, clock);
  }

  /**
   * {@link SigningPayloads#wsPayload} of the wire parameters, without the map it takes: their names are distinct
   * (a put replaces), so sorting the parameters by name gives the same text.
   */
  private static String sortedPayload(Params wire) {
    List<Params.Param> list = wire.asList();
    Params.Param[] sorted = new Params.Param[list.size()];
    int n = 0;
    int size = 0;
    for (int i = 0; i < sorted.length; i++) {
      Params.Param p = list.get(i);
      if (p.name() == null) {
        throw new IllegalArgumentException("a parameter has a null name");
      }
      if ("signature".equals(p.name())) {
        continue;
      }
      if (p.value() == null) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' has a null value");
      }
      sorted[n++] = p;
      size += p.name().length() + p.value().length() + 2;
    }
    Arrays.sort(sorted, 0, n, BY_NAME);
    StringBuilder b = new StringBuilder(size);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append('&');
      }
      b.append(sorted[i].name()).append('=').append(sorted[i].value());
    }
    return b.toString();
  }

  private static final Comparator<Params.Param> BY_NAME = Comparator.comparing(Params.Param::name);

  private static Params stamped(Attempt a, Clock clock) {
    Params wire = a.params().copy();
    wire.remove("signature").remove("apiKey").remove("timestamp");
    wire.put("recvWindow", a.recvWindow().toPlainString(), Params.Kind.NUMBER);
    long timestamp = clock.millis();
    wire.put("timestamp", Long.toString(timestamp), Params.Kind.NUMBER);
    a.signed(wire, timestamp);
    return wire;
  }

  private static String sign(Credentials credentials, String payload) throws NotSentException {
    try {
      return credentials.signer().sign(payload);
    } catch (RuntimeException e) {
      // The message of a crypto failure could echo key material: say only what failed.
      throw new NotSentException(NotSentReason.SIGNING_FAILED,
          "signing failed (" + e.getClass().getSimpleName() + ")");
    }
  }
}
