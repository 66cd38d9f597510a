/**
 * What became of a call: {@link io.spotsdk.outcome.Outcome} and its eight kinds. Executed, rejected, rate limited,
 * banned and blocked are definite; {@link io.spotsdk.outcome.Outcome.Unknown} may have executed and is settled by
 * query (see {@link io.spotsdk.reconcile}), never by resending; {@link io.spotsdk.outcome.Outcome.NotSent} certainly
 * did not reach the server. Every error keeps status, code, message, headers and raw body.
 */
package io.spotsdk.outcome;
