package io.spotsdk.internal.http;

import java.io.Closeable;

/** The raw HTTP exchange, and nothing else: no signing, no meaning, no retries. */
public interface HttpTransport extends Closeable {
  RawResponse execute(RawRequest request) throws TransportException;

  @Override
  void close();
}
