package io.spotsdk.internal.call;

import io.spotsdk.internal.NotSentException;

/** How one attempt is signed on its transport. Each rule stamps a fresh timestamp on every attempt. */
@FunctionalInterface
public interface SigningRule {
  void sign(Attempt attempt) throws NotSentException;

  /** Nothing to sign: the caller's parameters go out as they are. */
  SigningRule NONE = a -> { };
}
