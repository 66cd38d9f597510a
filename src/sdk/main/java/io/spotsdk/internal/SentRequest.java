package io.spotsdk.internal;

import io.spotsdk.outcome.RequestRecord;
import java.util.function.Supplier;

/**
 * What was sent, for the classifier: the whole {@link RequestRecord} when an outcome keeps it, and one parameter
 * as that record would show it without building the record, for a success's echo check, which is every success of
 * a call that echoes.
 */
public interface SentRequest extends Supplier<RequestRecord> {
  /** The parameter as {@code get().param(name)} gives it. */
  String sentParam(String name);

  /** A parameter of what {@code request} sent, through the record only when nothing cheaper is there. */
  static String param(Supplier<RequestRecord> request, String name) {
    return request instanceof SentRequest s ? s.sentParam(name) : request.get().param(name);
  }
}
