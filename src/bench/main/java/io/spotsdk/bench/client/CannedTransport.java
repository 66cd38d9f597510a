package io.spotsdk.bench.client;

import io.spotsdk.internal.http.HttpTransport;
import io.spotsdk.internal.http.RawRequest;
import io.spotsdk.internal.http.RawResponse;

/** The SDK's transport seam answered from {@link CannedResponses}: the pipeline's own work, with no network. */
public final class CannedTransport implements HttpTransport {
  private final CannedResponses canned;

  public CannedTransport(CannedResponses canned) {
    this.canned = canned;
  }

  @Override
  public RawResponse execute(RawRequest request) {
    return canned.sdk(request.uri().getRawPath());
  }

  @Override
  public void close() {}
}
