/**
 * Request signing for the Binance Spot APIs: HMAC-SHA256, RSA (SHA256withRSA) and Ed25519 signers, API credentials,
 * and the exact REST and WebSocket payloads to sign. Secrets never appear in toString, exception messages or logs.
 */
package io.spotsdk.signing;
