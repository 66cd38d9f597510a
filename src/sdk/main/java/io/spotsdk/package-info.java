/**
 * The clients and their settings: {@link io.spotsdk.SpotRestClient} for the REST API,
 * {@link io.spotsdk.SpotWsApiClient} for the WebSocket API, and the {@link io.spotsdk.Environment} they send to
 * (testnet unless production is chosen). Every call returns an {@link io.spotsdk.outcome.Outcome}; bad input is
 * refused with {@link io.spotsdk.InvalidRequestException} before anything is sent.
 */
package io.spotsdk;
