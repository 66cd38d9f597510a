// Everything a non-success response carried: status, Binance code, msg, data, headers and the raw body exactly as
// received (HTML or empty too). `data` is kept as the raw JSON value; typed views read the forms the spec knows.
import { inspect } from 'node:util';
import { ResponseHeaders } from './headers';

const BODY_PREVIEW = 200;

/** The 418/429 form of error.data (WebSocket): epoch-ms instants. */
export interface RetryData {
  readonly serverTime: number | null;
  readonly retryAfter: number | null;
}

export class ErrorDetails {
  constructor(
    readonly status: number,
    readonly code: number | null,
    readonly msg: string | null,
    /** error.data as it came (any JSON value), or null. */
    readonly data: unknown,
    readonly headers: ResponseHeaders,
    /** The body (REST) or frame (WebSocket) as received; '' when there was none. */
    readonly rawBody: string,
  ) {}

  /** A view of data in its 418/429 form, or null when data has neither serverTime nor retryAfter. */
  get retryData(): RetryData | null {
    const d = this.data;
    if (d === null || typeof d !== 'object' || Array.isArray(d)) return null;
    const o = d as Record<string, unknown>;
    if (!('serverTime' in o) && !('retryAfter' in o)) return null;
    const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    return { serverTime: num(o['serverTime']), retryAfter: num(o['retryAfter']) };
  }

  summary(): string {
    const body = this.rawBody.length > BODY_PREVIEW ? `${this.rawBody.slice(0, BODY_PREVIEW)}...` : this.rawBody;
    return `status=${this.status}${this.code !== null ? ` code=${this.code}` : ''}${this.msg !== null ? ` msg=${this.msg}` : ''}`
      + `${this.data !== null && this.data !== undefined ? ` data=${JSON.stringify(this.data)}` : ''}`
      + `${this.code === null ? ` body=${body.replace(/\s+/g, ' ')}` : ''}`;
  }

  toString(): string {
    return this.summary();
  }

  [inspect.custom](): string {
    return `ErrorDetails(${this.summary()})`;
  }
}

/** Reads code, msg and data from a parsed error object (anything else gives nulls). */
export function detailsFrom(status: number, err: unknown, headers: ResponseHeaders, raw: string): ErrorDetails {
  let code: number | null = null;
  let msg: string | null = null;
  let data: unknown = null;
  if (err !== null && typeof err === 'object' && !Array.isArray(err)) {
    const o = err as Record<string, unknown>;
    if (typeof o['code'] === 'number' && Number.isInteger(o['code'])) code = o['code'];
    if (typeof o['msg'] === 'string') msg = o['msg'];
    if (o['data'] !== undefined && o['data'] !== null) data = o['data'];
  }
  return new ErrorDetails(status, code, msg, data, headers, raw);
}
