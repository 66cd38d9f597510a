package io.spotsdk.internal.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it goes on the wire. {@code formBody} is the {@code application/x-www-form-urlencoded} body,
 * or null when the parameters (if any) are in the query string.
 */
public record RawRequest(String method, URI uri, List<Map.Entry<String, String>> headers, String formBody) {
  public RawRequest(String method, URI uri, List<Map.Entry<String, String>> headers) {
    this(method, uri, headers, null);
  }
}
