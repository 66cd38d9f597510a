/**
 * When a read is tried again ({@link io.spotsdk.retry.RetryPolicy}) and how the SDK waits
 * ({@link io.spotsdk.retry.Sleeper}). Calls that change state are never retried once they may have reached the
 * server.
 */
package io.spotsdk.retry;
