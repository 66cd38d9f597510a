package io.spotsdk.internal.rest;

import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;

/** One concern on the way out (signing, rate-limit gate, retry, transport). Stages wrap each other. */
public interface RestStage {
  RawResponse send(RestExchange exchange) throws TransportException, NotSentException;
}
