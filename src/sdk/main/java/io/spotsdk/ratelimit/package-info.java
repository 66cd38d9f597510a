/**
 * Pacing against Binance's limits: the {@link io.spotsdk.ratelimit.RateLimitGate} that both clients send through
 * paces requests within the known limits, holds them until a 429's retry instant (or refuses when that is too far
 * off), and lets nothing leave while a 418 ban lasts.
 */
package io.spotsdk.ratelimit;
