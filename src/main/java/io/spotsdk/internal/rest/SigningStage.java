package io.spotsdk.internal.rest;

import io.spotsdk.core.Params;
import io.spotsdk.internal.Calls;
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
    Calls.requireCredentials(op, ex.operation().security(), credentials);
    Params params = ex.params();
    BigDecimal recvWindow = Calls.recvWindow(op, params.get("recvWindow"), defaultRecvWindow);
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

}
