/**
 * The WebSocket API methods, generated from the spec: {@link io.spotsdk.ws.api.WsApi} (futures),
 * {@link io.spotsdk.ws.api.WsBlockingApi} (waiting) and one parameters class per method. Reach them through
 * {@link io.spotsdk.SpotWsApiClient}.
 */
package io.spotsdk.ws.api;
