package io.spotsdk.internal.rest;

import io.spotsdk.internal.NotSentException;
import io.spotsdk.internal.http.RawResponse;
import io.spotsdk.internal.http.TransportException;

/** REST's wire: puts one signed exchange on the HTTP transport ({@link TransportStage}; tests put in their own). */
public interface RestStage {
  RawResponse send(RestExchange exchange) throws TransportException, NotSentException;
}
