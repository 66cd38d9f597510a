// REST transport on Node's fetch. Checks the parameters, holds everything during a ban, signs, sends once (never
// resent on its own), and classifies the response by the operation's generated table.
import { RestApi, type RestCaller } from '../../../generated/typescript/rest-operations';
import { REST_SERVERS } from '../../../generated/typescript/spec-facts';
import { BanGate } from './ban-gate';
import { fromHttp } from './classify';
import type { RestOperation } from './descriptors';
import { ResponseHeaders } from './headers';
import type { NotSentReason, Outcome, RequestRecord } from './outcome';
import { restQuery, type Credentials } from './signing';
import { RateLimitUsage } from './usage';
import { problems, wireText } from './validate';

export interface RestClientOptions {
  /** e.g. https://testnet.binance.vision (default: the spec's TESTNET server). */
  readonly baseUrl?: string;
  readonly credentials?: Credentials;
  /** Epoch ms; inject for tests. */
  readonly clock?: () => number;
  /** Read timeout after sending (ms): then the outcome is UNKNOWN (TIMEOUT). */
  readonly timeoutMs?: number;
  readonly recvWindow?: number;
}

const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(e: unknown): string | undefined {
  let c: unknown = e;
  for (let i = 0; i < 4 && c && typeof c === 'object'; i++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    c = (c as { cause?: unknown }).cause;
  }
  return undefined;
}

export class SpotRestClient implements RestCaller {
  readonly api: RestApi;
  private readonly baseUrl: string;
  private readonly clock: () => number;
  private readonly gate: BanGate;
  private readonly timeoutMs: number;
  readonly #credentials: Credentials | undefined;

  private readonly recvWindow: number | undefined;

  constructor(options: RestClientOptions = {}) {
    this.recvWindow = options.recvWindow;
    const testnet = REST_SERVERS.find((s) => s.environment === 'TESTNET');
    this.baseUrl = (options.baseUrl ?? testnet?.url ?? '').replace(/\/+$/, '');
    this.clock = options.clock ?? Date.now;
    this.gate = new BanGate(this.clock);
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.#credentials = options.credentials;
    this.api = new RestApi(this);
  }

  async call<P, R>(op: RestOperation<P, R>, params: P): Promise<Outcome<R>> {
    const given = { ...(params as Record<string, unknown>) };
    const request: RequestRecord = { transport: 'rest', operation: op.operationId, params: given, at: this.clock() };
    const notSent = (reason: NotSentReason, explanation: string): Outcome<R> =>
      ({ kind: 'NOT_SENT', reason, explanation: `${op.operationId}: ${explanation}`, request, usage: RateLimitUsage.EMPTY });

    const bad = problems(op.params, params);
    if (bad.length) return notSent('INVALID_REQUEST', bad.join('; '));
    const held = this.gate.heldUntil();
    if (held !== null) return notSent('HELD_BY_RATE_LIMIT_GATE', `the IP is banned until ${new Date(held).toISOString()}; nothing is sent before`);

    const wire: Array<[string, string]> = [];
    for (const spec of op.params) {
      const v = given[spec.name];
      if (v !== undefined && v !== null) wire.push([spec.name, wireText(spec, v)]);
    }
    const headers: Record<string, string> = {};
    let payload: string;
    try {
      if (op.security !== 'NONE') {
        if (!this.#credentials) return notSent('SIGNING_FAILED', `a ${op.security} call needs credentials`);
        if (this.recvWindow !== undefined && given['recvWindow'] === undefined) wire.push(['recvWindow', String(this.recvWindow)]);
        wire.push(['timestamp', String(this.clock())]);
        const unsigned = restQuery(wire);
        payload = `${unsigned}&signature=${encodeURIComponent(this.#credentials.sign(unsigned))}`;
        headers['X-MBX-APIKEY'] = this.#credentials.apiKeyForWire();
      } else {
        payload = restQuery(wire);
      }
    } catch (e) {
      return notSent(e instanceof URIError ? 'INVALID_REQUEST' : 'SIGNING_FAILED', `the request could not be encoded or signed (${(e as Error).name})`);
    }
    const inQuery = op.method === 'GET';
    if (!inQuery) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    const url = `${this.baseUrl}${op.path}${inQuery && payload ? `?${payload}` : ''}`;

    let response: Response;
    let body: Uint8Array;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      response = await fetch(url, { method: op.method, headers, body: inQuery ? undefined : payload, signal: timeout, redirect: 'manual' });
    } catch (e) {
      const code = errorCode(e);
      if (code !== undefined && CONNECT_ERRORS.has(code)) return notSent('CONNECT_FAILED', `could not connect (${code})`);
      return this.lost(op, request, timeout.aborted);
    }
    const responseHeaders = ResponseHeaders.fromFetch(response.headers);
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch {
      return this.lost(op, request, timeout.aborted);
    }
    const outcome = fromHttp<R>(op, response.status, responseHeaders, body, request, this.clock());
    if (outcome.kind === 'IP_BANNED') this.gate.banUntil(outcome.bannedUntil);
    return outcome;
  }

  private lost<R>(op: RestOperation<unknown, unknown>, request: RequestRecord, timedOut: boolean): Outcome<R> {
    return {
      kind: 'UNKNOWN', cause: timedOut ? 'TIMEOUT' : 'CONNECTION_LOST', details: null, usage: RateLimitUsage.EMPTY, request,
      explanation: `${op.operationId}: ${timedOut ? `no response within ${this.timeoutMs} ms` : 'the connection was lost'} after the request was sent; it may have been executed, confirm by query`,
    };
  }

  toString(): string {
    return `SpotRestClient(${this.baseUrl})`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}
