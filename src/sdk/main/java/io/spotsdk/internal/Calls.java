package io.spotsdk.internal;

import io.spotsdk.InvalidRequestException;
import io.spotsdk.core.Params;
import io.spotsdk.core.RequestParams;
import io.spotsdk.core.SecurityType;
import io.spotsdk.outcome.RequestRecord;
import io.spotsdk.signing.Credentials;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every call does the same way on both transports, before and after it is sent. */
public final class Calls {
  /**
   * Binance's largest recvWindow, from the spec (components.schemas.RecvWindow maximum). The SDK also needs it where
   * no request carries it: the client's default, and the reconciler's fallback window for a record that has none.
   */
  public static final long MAX_RECV_WINDOW_MILLIS = io.spotsdk.internal.spec.SpecFacts.MAX_RECV_WINDOW_MILLIS;
  private static final BigDecimal MAX_RECV_WINDOW = BigDecimal.valueOf(MAX_RECV_WINDOW_MILLIS);

  private Calls() {}

  /**
   * Validates and writes the caller's parameters, and fills every id the call creates that the caller left out,
   * once, before the first attempt, so an unknown outcome can be settled by that id.
   */
  public static Params prepare(RequestParams request, List<String> clientIdParams) {
    request.validate();
    Params params = new Params();
    request.writeTo(params);
    for (String idParam : clientIdParams) {
      if (!params.has(idParam)) {
        params.put(idParam, ClientOrderIds.next());
      }
    }
    return params;
  }

  /** Signed calls need credentials; saying so before anything is sent. */
  public static void requireCredentials(String operation, SecurityType security, Credentials credentials) {
    if (credentials == null) {
      throw new InvalidRequestException(operation, null,
          "is a " + security + " call and needs credentials; set them on the client builder");
    }
  }

  /** Binance's rule for recvWindow: > 0, at most 60000 ms, at most 3 decimals. */
  public static BigDecimal checkRecvWindow(String operation, BigDecimal v) {
    if (v.signum() <= 0 || v.compareTo(MAX_RECV_WINDOW) > 0 || v.scale() > 3) {
      throw new InvalidRequestException(operation, "recvWindow", "recvWindow must be > 0 and <= " + MAX_RECV_WINDOW_MILLIS + " ms with at most 3 decimals");
    }
    return v;
  }

  /** The recvWindow a signed call uses: the caller's (checked), else the client's default. */
  public static BigDecimal recvWindow(String operation, String given, BigDecimal clientDefault) {
    if (given == null) {
      return clientDefault;
    }
    try {
      return checkRecvWindow(operation, new BigDecimal(given));
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(operation, "recvWindow", "recvWindow is not a number");
    }
  }

  /** What was sent, for any outcome that is not a plain success: never the signature or the API key. */
  public static RequestRecord record(String operation, String transport, Params params, Long timestamp,
      BigDecimal recvWindow, Instant sentAt) {
    Map<String, String> p = new LinkedHashMap<>();
    for (Params.Param x : params.asList()) {
      if (!"signature".equals(x.name()) && !"apiKey".equals(x.name())) {
        p.put(x.name(), x.value());
      }
    }
    if (timestamp != null) {
      p.put("timestamp", timestamp.toString());
      p.put("recvWindow", recvWindow.toPlainString());
    }
    return new RequestRecord(operation, transport, p, timestamp, recvWindow, sentAt);
  }
}
