// Turns a response into an Outcome, for REST and WebSocket alike. Which meaning a status has comes from the
// operation's generated table (resolveMeaning); this only builds the outcome that meaning calls for, keeping all the
// response carried. It never throws: the request was written, so an exception would lose what may be an executed order.
import type { AnyOperation } from './descriptors';
import { detailsFrom, ErrorDetails } from './error-details';
import { cancelReplaceHalves } from './halves';
import { ResponseHeaders } from './headers';
import { declares, resolveMeaning } from './meanings';
import type { Outcome, RequestRecord, UnknownCause } from './outcome';
import { fromBanMsg, fromEpochMillis, fromSeconds } from './retry-instants';
import { RateLimitUsage, usageFromHeaders } from './usage';

const decoder = new TextDecoder('utf-8', { fatal: false });

export function text(body: Uint8Array): string {
  return decoder.decode(body);
}

function isSuccess(op: AnyOperation, status: number): boolean {
  return status >= 200 && status < 300 && resolveMeaning(op.statuses, status, null) === 'SUCCESS';
}

function unknown(cause: UnknownCause, details: ErrorDetails | null, usage: RateLimitUsage, request: RequestRecord, explanation: string): Outcome<never> {
  return { kind: 'UNKNOWN', cause, details, usage, request, explanation };
}

/** The values at a dotted path; arrays on the way are followed into every element. */
function collect(n: unknown, path: readonly string[], i: number, out: unknown[]): void {
  if (n === null || n === undefined) return;
  if (Array.isArray(n)) {
    for (const el of n) collect(el, path, i, out);
    return;
  }
  if (i === path.length) {
    out.push(n);
    return;
  }
  if (typeof n === 'object') collect((n as Record<string, unknown>)[path[i]!], path, i + 1, out);
}

/** Null when every echo holds; otherwise what differs. Parameters the request did not carry are not checked. */
function echoMismatch(op: AnyOperation, result: unknown, request: RequestRecord): string | null {
  for (const e of op.echoes) {
    const sent = request.params[e.param];
    if (sent === undefined || sent === null) continue;
    const got: unknown[] = [];
    collect(result, e.field.split('.'), 0, got);
    const values = got.filter((g) => typeof g === 'string' || (typeof g === 'number' && Number.isInteger(g))).map(String);
    if (!values.length) return `the result has no ${e.field} to echo the ${e.param} sent`;
    if (!values.includes(String(sent))) return `the result's ${e.field} is not the ${e.param} sent`;
  }
  return null;
}

function success<T>(op: AnyOperation, status: number, headers: ResponseHeaders, usage: RateLimitUsage,
  decoded: { ok: true; value: unknown } | { ok: false; why: string }, raw: () => string, request: RequestRecord): Outcome<T> {
  const bodyOnly = () => new ErrorDetails(status, null, null, null, headers, raw());
  if (!decoded.ok) return unknown('UNREADABLE_RESPONSE', bodyOnly(), usage, request, `${op.operationId}: success status but the body could not be read: ${decoded.why}`);
  let value = decoded.value;
  if ((value === null || value === undefined) && op.requiresResult) {
    return unknown('UNREADABLE_RESPONSE', bodyOnly(), usage, request, `${op.operationId}: success status but no result, which the spec requires`);
  }
  if (op.oneOrMany && value !== null && typeof value === 'object' && !Array.isArray(value)) value = [value];
  const mismatch = echoMismatch(op, value, request);
  if (mismatch) return unknown('MISMATCHED_REPLY', bodyOnly(), usage, request, `${op.operationId}: success status, but ${mismatch}; it may answer another request`);
  return { kind: 'SUCCESS', value: value as T, status, headers, usage };
}

function failure(op: AnyOperation, d: ErrorDetails, usage: RateLimitUsage, retryAt: number | null, now: number,
  request: RequestRecord, serverErrorHint: string): Outcome<never> {
  const byStatus = resolveMeaning(op.statuses, d.status, null);
  const meaning = resolveMeaning(op.statuses, d.status, d.code);
  switch (meaning) {
    case 'SUCCESS':
      return unknown('UNEXPECTED_STATUS', d, usage, request, `status ${d.status} is declared SUCCESS but carries no result`);
    case 'REJECTED':
      return { kind: 'REJECTED', details: d, usage, cancelReplace: cancelReplaceHalves(d.data), request };
    case 'RATE_LIMITED':
      return { kind: 'RATE_LIMITED', details: d, usage, retryAt, retryAfterMs: retryAt === null ? null : Math.max(0, retryAt - now), request };
    case 'IP_BANNED':
      return { kind: 'IP_BANNED', details: d, usage, bannedUntil: retryAt ?? fromBanMsg(d.msg, now), request };
    case 'WAF_BLOCKED':
      return { kind: 'WAF_BLOCKED', details: d, usage, request };
    case 'PARTIAL':
      return { kind: 'PARTIAL', details: d, usage, halves: cancelReplaceHalves(d.data), request };
    default: {
      // UNKNOWN, and any outcome name this runtime does not know: nothing proves the request was not executed
      const cause: UnknownCause = byStatus !== 'UNKNOWN' ? 'UNKNOWN_ERROR_CODE'
        : !declares(op.statuses, d.status) ? 'UNEXPECTED_STATUS' : 'SERVER_ERROR';
      const why = cause === 'UNKNOWN_ERROR_CODE' ? `Binance code ${d.code} means the execution status is unknown`
        : cause === 'UNEXPECTED_STATUS' ? `status ${d.status} is not declared in the spec`
          : `status ${d.status} is an internal error on Binance's side; execution status unknown${serverErrorHint}`;
      return unknown(cause, d, usage, request, why);
    }
  }
}

function parseObject(raw: string): unknown {
  if (!/^\s*\{/.test(raw)) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

function decodeJson(raw: string): { ok: true; value: unknown } | { ok: false; why: string } {
  if (raw.length === 0) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, why: (e as Error).name };
  }
}

/** A REST response: Retry-After is in seconds. */
export function fromHttp<T>(op: AnyOperation, status: number, headers: ResponseHeaders, body: Uint8Array,
  request: RequestRecord, now: number): Outcome<T> {
  const raw = text(body);
  try {
    const usage = usageFromHeaders(headers);
    if (isSuccess(op, status)) return success<T>(op, status, headers, usage, decodeJson(raw), () => raw, request);
    const d = detailsFrom(status, parseObject(raw), headers, raw);
    return failure(op, d, usage, fromSeconds(headers.first('Retry-After'), now), now, request, '');
  } catch (e) {
    return unknown('UNREADABLE_RESPONSE', new ErrorDetails(status, null, null, null, headers, raw), RateLimitUsage.EMPTY, request,
      `${op.operationId}: status ${status} could not be classified: ${(e as Error).name}`);
  }
}

/** A WebSocket reply: error.data.retryAfter is an epoch-ms instant. */
export function fromWs<T>(op: AnyOperation, status: number, frame: Record<string, unknown>, usage: RateLimitUsage,
  rawFrame: string, request: RequestRecord, now: number): Outcome<T> {
  try {
    const error = frame['error'];
    if (frame['result'] !== undefined && frame['result'] !== null && error !== undefined && error !== null) {
      // The envelope declares result and error mutually exclusive: a reply with both cannot say whether the request
      // was carried out, whatever its status.
      return unknown('UNREADABLE_RESPONSE', detailsFrom(status, error, ResponseHeaders.EMPTY, rawFrame), usage, request,
        `${op.operationId}: status ${status} reply carries both a result and an error, which the envelope excludes`);
    }
    if (isSuccess(op, status)) {
      const result = frame['result'];
      return success<T>(op, status, ResponseHeaders.EMPTY, usage, { ok: true, value: result === undefined ? null : result }, () => rawFrame, request);
    }
    const d = detailsFrom(status, frame['error'], ResponseHeaders.EMPTY, rawFrame);
    const data = d.data !== null && typeof d.data === 'object' ? (d.data as Record<string, unknown>) : null;
    const retryAt = data === null ? null : fromEpochMillis(data['retryAfter'], now);
    return failure(op, d, usage, retryAt, now, request, '; a new WebSocket connection may be wise');
  } catch (e) {
    return unknown('UNREADABLE_RESPONSE', new ErrorDetails(status, null, null, null, ResponseHeaders.EMPTY, rawFrame), RateLimitUsage.EMPTY, request,
      `${op.operationId}: status ${status} could not be classified: ${(e as Error).name}`);
  }
}
