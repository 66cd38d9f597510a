package io.spotsdk.core;

/** Seam: the parameters of one call, as generated from the spec. */
public interface RequestParams {
  /** Throws {@link InvalidRequestException} when a required parameter is missing. */
  void validate();

  void writeTo(ParamSink sink);
}
