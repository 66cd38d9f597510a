/**
 * The REST operations, generated from the spec: one class per tag, one method and one request class per operation,
 * each documented with the spec's summary, description and the outcome of every status. Reach them through
 * {@link io.spotsdk.SpotRestClient}.
 */
package io.spotsdk.rest.api;
