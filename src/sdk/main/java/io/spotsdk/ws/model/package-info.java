/**
 * Payloads that only the WebSocket API has (requests, responses, events), generated from the spec; the payloads
 * both APIs share are in {@link io.spotsdk.model}.
 */
package io.spotsdk.ws.model;
