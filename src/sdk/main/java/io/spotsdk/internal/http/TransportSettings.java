package io.spotsdk.internal.http;

import java.time.Duration;

/**
 * How the HTTP transport behaves.
 *
 * @param readTimeout the longest silence while waiting for response bytes (restarts with every byte)
 * @param responseDeadline the longest time from writing the request to the last byte of its response
 * @param maxBodyBytes the largest response body taken in; a longer one is cut off and only its head kept
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, Duration responseDeadline,
    int maxBodyBytes, int maxConnections, String userAgent) {}
