package io.spotsdk.core;

import io.spotsdk.InvalidRequestException;

/** Seam: the parameters of one call, as generated from the spec. */
public interface RequestParams {
  /** Throws {@link InvalidRequestException} when a parameter is missing or breaks a rule the spec declares. */
  void validate();

  void writeTo(ParamSink sink);
}
