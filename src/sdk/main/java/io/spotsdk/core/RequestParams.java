package io.spotsdk.core;

import io.spotsdk.InvalidRequestException;

/** Seam: the parameters of one call, as generated from the spec. */
public interface RequestParams {
  /** Throws {@link InvalidRequestException} when a parameter is missing or breaks a rule the spec declares. */
  void validate();

  /**
   * Hands every parameter that is set to the sink, in the spec's order, as the wire spells it; unset ones are
   * left out. Called by the SDK after {@link #validate()}; user code has no need to.
   *
   * @param sink receives the name and wire text of each parameter
   */
  void writeTo(ParamSink sink);
}
