package io.spotsdk.internal.ws;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The failure itself, out of the wrappers futures put around it. */
final class Causes {
  private Causes() {}

  static Throwable root(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
