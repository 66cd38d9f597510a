/**
 * The Binance Spot REST and WebSocket API client. Exported: the clients and their settings, the outcome model,
 * the generated models and operations, signing, rate limiting, retries and reconciliation. Not exported:
 * {@code io.spotsdk.core} (the seams generated code calls) and {@code io.spotsdk.internal.*} (the runtime), so
 * no user code can come to depend on them.
 */
module io.spotsdk {
  requires transitive com.fasterxml.jackson.databind;
  requires java.net.http;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires org.slf4j;

  exports io.spotsdk;
  exports io.spotsdk.model;
  exports io.spotsdk.outcome;
  exports io.spotsdk.ratelimit;
  exports io.spotsdk.reconcile;
  exports io.spotsdk.rest.api;
  exports io.spotsdk.retry;
  exports io.spotsdk.signing;
  exports io.spotsdk.userdata;
  exports io.spotsdk.ws.api;
  exports io.spotsdk.ws.model;

  // Jackson binds the generated records and the outcome types by reflection
  opens io.spotsdk.model to com.fasterxml.jackson.databind;
  opens io.spotsdk.ws.model to com.fasterxml.jackson.databind;
  opens io.spotsdk.outcome to com.fasterxml.jackson.databind;
}
