package io.spotsdk.internal.http;

import io.spotsdk.outcome.ResponseHeaders;

/** One HTTP response, body unread by anyone yet. */
public record RawResponse(int status, ResponseHeaders headers, byte[] body) {}
