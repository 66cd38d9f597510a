package io.spotsdk.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** One HTTP request as it goes on the wire. */
public record RawRequest(String method, URI uri, List<Map.Entry<String, String>> headers) {}
