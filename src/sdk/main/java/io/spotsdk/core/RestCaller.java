package io.spotsdk.core;

import io.spotsdk.outcome.Outcome;

/** Seam: generated operation classes hand every call to this. The runtime behind it is hand-written. */
public interface RestCaller {
  <T> Outcome<T> call(OperationDescriptor<T> operation, RequestParams params);
}
