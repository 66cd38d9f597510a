package io.spotsdk.internal.rest;

import io.spotsdk.core.InvalidRequestException;
import io.spotsdk.core.Params;
import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;
import io.spotsdk.outcome.NotSentReason;
import io.spotsdk.signing.Credentials;
import io.spotsdk.signing.SigningPayloads;
import java.math.BigDecimal;
import java.time.Clock;

/**
 * Signs calls whose security type needs it: adds recvWindow (the client default unless the caller set one),
 * a fresh timestamp on every attempt, the signature over the exact query that will be sent, and the API key
 * header. Unsigned calls pass through untouched.
 */
public final class SigningStage implements RestStage {
  private static final BigDecimal MAX_RECV_WINDOW = BigDecimal.valueOf(60_000);

  private final RestStage next;
  private final Credentials credentials;
  private final Clock clock;
  private final BigDecimal defaultRecvWindow;

  public SigningStage(RestStage next, Credentials credentials, Clock clock, BigDecimal defaultRecvWindow) {
    this.next = next;
    this.credentials = credentials;
    this.clock = clock;
    this.defaultRecvWindow = defaultRecvWindow;
  }

  @Override
  public RawResponse send(RestExchange ex) throws TransportException, NotSentException {
    if (!ex.operation().security().signed()) {
      return next.send(ex);
    }
    String op = ex.operation().name();
    if (credentials == null) {
      throw new InvalidRequestException(op, null, "is a " + ex.operation().security()
          + " call and needs credentials; set them on the client builder");
    }
    Params params = ex.params();
    BigDecimal recvWindow = recvWindow(op, params.get("recvWindow"));
    Params wire = params.copy();
    wire.remove("signature").remove("timestamp");
    wire.put("recvWindow", recvWindow.toPlainString());
    long timestamp = clock.millis();
    wire.put("timestamp", Long.toString(timestamp));
    String query = SigningPayloads.restQuery(wire.asList());
    String signature;
    try {
      signature = credentials.signer().sign(query);
    } catch (RuntimeException e) {
      // The message of a crypto failure could echo key material: say only what failed.
      throw new NotSentException(NotSentReason.SIGNING_FAILED, op + ": signing failed (" + e.getClass().getSimpleName() + ")");
    }
    ex.signed(query + "&signature=" + SigningPayloads.percentEncode(signature), timestamp, recvWindow);
    ex.setHeader("X-MBX-APIKEY", credentials.apiKey());
    return next.send(ex);
  }

  private BigDecimal recvWindow(String op, String given) {
    if (given == null) {
      return defaultRecvWindow;
    }
    BigDecimal v;
    try {
      v = new BigDecimal(given);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(op, "recvWindow", "recvWindow is not a number");
    }
    if (v.signum() <= 0 || v.compareTo(MAX_RECV_WINDOW) > 0 || v.scale() > 3) {
      throw new InvalidRequestException(op, "recvWindow", "recvWindow must be > 0 and <= 60000 ms with at most 3 decimals");
    }
    return v;
  }
}
