/**
 * The payloads of the REST and WebSocket APIs, generated from the spec: immutable records that ignore fields they
 * do not know, and open enums that keep a value they do not know instead of failing. Money is {@link java.math.BigDecimal}.
 */
package io.spotsdk.model;
