// The result of one call, REST or WebSocket, as a discriminated union on `kind` (the outcome names of the spec's
// vocabulary, plus NOT_SENT). Mirrors io.spotsdk.outcome.Outcome: an UNKNOWN is a normal result of trading that
// callers must face, never a "failed"; NOT_SENT is only ever used when nothing reached the server.
import type { ErrorDetails } from './error-details';
import type { CancelReplaceHalves } from './halves';
import type { RateLimitUsage } from './usage';
import type { ResponseHeaders } from './headers';

/** What was sent (or would have been): the caller's parameters, never a key, secret or signature. */
export interface RequestRecord {
  readonly transport: 'rest' | 'ws';
  readonly operation: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Epoch ms by the client's clock. */
  readonly at: number;
  /** The WebSocket request id, when one was assigned. */
  readonly id?: string;
}

export type UnknownCause =
  /** A 5XX status. */
  | 'SERVER_ERROR'
  /** A Binance code that declares the execution status unknown (-1006, -1007), whatever the status. */
  | 'UNKNOWN_ERROR_CODE'
  /** A status the spec does not explain. */
  | 'UNEXPECTED_STATUS'
  /** No response within the read timeout after the request was written. */
  | 'TIMEOUT'
  /** A WebSocket request was written and no reply came before its deadline. */
  | 'NO_REPLY'
  /** The connection was reset or closed after the request was written. */
  | 'CONNECTION_LOST'
  /** A success status whose body could not be read, or carried no result where the spec requires one. */
  | 'UNREADABLE_RESPONSE'
  /** A success that does not echo the request (x-spot-echo): it answers some other request. */
  | 'MISMATCHED_REPLY';

export type NotSentReason =
  /** The parameters broke the spec's rules; nothing was sent. */
  | 'INVALID_REQUEST'
  /** The connection could not be made (refused, unreachable). */
  | 'CONNECT_FAILED'
  /** The IP is banned (418) until a known instant: nothing is sent before it. */
  | 'HELD_BY_RATE_LIMIT_GATE'
  /** The client or connection was closed (or not open) before the request was written. */
  | 'CLIENT_CLOSED'
  /** The request could not be signed. */
  | 'SIGNING_FAILED'
  /** The client failed before the request was written. */
  | 'INTERNAL_ERROR';

export interface Success<T> {
  readonly kind: 'SUCCESS';
  readonly value: T;
  readonly status: number;
  readonly headers: ResponseHeaders;
  readonly usage: RateLimitUsage;
}

/** A definite 4XX: NOT executed. For cancelReplace -2022, both halves are typed in `cancelReplace`. */
export interface Rejected {
  readonly kind: 'REJECTED';
  readonly details: ErrorDetails;
  readonly usage: RateLimitUsage;
  readonly cancelReplace: CancelReplaceHalves | null;
  readonly request: RequestRecord;
}

/** 429: NOT executed. Wait until retryAt (epoch ms; null when the server did not say). */
export interface RateLimited {
  readonly kind: 'RATE_LIMITED';
  readonly details: ErrorDetails;
  readonly usage: RateLimitUsage;
  /** Milliseconds to wait, or null. */
  readonly retryAfterMs: number | null;
  readonly retryAt: number | null;
  readonly request: RequestRecord;
}

/** 418: NOT executed; the IP is banned until bannedUntil (epoch ms; null when unknown). The client sends nothing before. */
export interface IpBanned {
  readonly kind: 'IP_BANNED';
  readonly details: ErrorDetails;
  readonly usage: RateLimitUsage;
  readonly bannedUntil: number | null;
  readonly request: RequestRecord;
}

/** 403 from the WAF: NOT executed. Never retried. */
export interface WafBlocked {
  readonly kind: 'WAF_BLOCKED';
  readonly details: ErrorDetails;
  readonly usage: RateLimitUsage;
  readonly request: RequestRecord;
}

/** 409 from cancelReplace: one half executed, the other did not; both typed (null when the body had none). */
export interface PartiallyExecuted {
  readonly kind: 'PARTIAL';
  readonly details: ErrorDetails;
  readonly usage: RateLimitUsage;
  readonly halves: CancelReplaceHalves | null;
  readonly request: RequestRecord;
}

/** The request MAY have been executed. Settle it by query; never resend it blindly. */
export interface Unknown {
  readonly kind: 'UNKNOWN';
  readonly cause: UnknownCause;
  /** The response, or null when none arrived. */
  readonly details: ErrorDetails | null;
  readonly usage: RateLimitUsage;
  readonly request: RequestRecord;
  readonly explanation: string;
}

/** Nothing reached the server: certainly not executed. */
export interface NotSent {
  readonly kind: 'NOT_SENT';
  readonly reason: NotSentReason;
  readonly explanation: string;
  readonly request: RequestRecord;
  readonly usage: RateLimitUsage;
}

export type Outcome<T> = Success<T> | Rejected | RateLimited | IpBanned | WafBlocked | PartiallyExecuted | Unknown | NotSent;

export type OutcomeKind = Outcome<unknown>['kind'];

/** True for UNKNOWN and PARTIAL: settle by query, never resend. */
export function mayHaveExecuted(o: Outcome<unknown>): boolean {
  return o.kind === 'UNKNOWN' || o.kind === 'PARTIAL';
}

/** The error as received, for every outcome with a response that is not a success. */
export function errorOf(o: Outcome<unknown>): ErrorDetails | null {
  switch (o.kind) {
    case 'SUCCESS': case 'NOT_SENT': return null;
    default: return o.details;
  }
}

/** Thrown by orThrow for any outcome but a success; carries it. */
export class OutcomeError extends Error {
  constructor(readonly outcome: Outcome<unknown>) {
    super(`${outcome.kind}${outcome.kind === 'UNKNOWN' ? ` (${outcome.cause}): the request may have been executed; confirm by query` : ''}`
      + `${errorOf(outcome) ? `: ${errorOf(outcome)!.summary()}` : ''}`);
    this.name = 'OutcomeError';
  }
}

export function orThrow<T>(o: Outcome<T>): T {
  if (o.kind === 'SUCCESS') return o.value;
  throw new OutcomeError(o);
}
