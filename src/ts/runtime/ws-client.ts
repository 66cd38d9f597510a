// The WebSocket API request/response envelope over Node's own WebSocket client: one frame {id, method, params}
// out, one frame {id, status, result | error, rateLimits} back. A request is registered before it is sent; a
// request without a reply by its deadline, or in flight when the connection closes, is UNKNOWN (it may have been
// executed). Nothing is sent while the connection is not open or during a 418 ban (NOT_SENT).
import { WsApi, type WsCaller } from '../../../generated/typescript/ws-methods';
import { BanGate } from './ban-gate';
import { fromWs } from './classify';
import type { WsMethod } from './descriptors';
import { ErrorDetails } from './error-details';
import { ResponseHeaders } from './headers';
import type { NotSentReason, Outcome, RequestRecord } from './outcome';
import { wsPayload, type Credentials } from './signing';
import { RateLimitUsage, usageFromWs } from './usage';
import { problems, wireText } from './validate';

export interface WsClientOptions {
  readonly credentials?: Credentials;
  /** Epoch ms; inject for tests. */
  readonly clock?: () => number;
  /** How long a sent request waits for its reply (ms) before it is UNKNOWN (NO_REPLY). */
  readonly requestTimeoutMs?: number;
  /** How long connecting may take (ms). */
  readonly connectTimeoutMs?: number;
}

interface Pending {
  readonly op: WsMethod<unknown, unknown>;
  readonly request: RequestRecord;
  readonly settle: (o: Outcome<unknown>) => void;
  readonly timer: NodeJS.Timeout;
}

type WebSocketCtor = new (url: string) => WebSocket;

function webSocketClass(): WebSocketCtor {
  const ctor = (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
  if (!ctor) throw new Error('this Node has no WebSocket client: use Node >= 22, or Node 20 with --experimental-websocket');
  return ctor;
}

export class SpotWsApiClient implements WsCaller {
  readonly api: WsApi;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly clock: () => number;
  private readonly gate: BanGate;
  private readonly requestTimeoutMs: number;
  readonly #credentials: Credentials | undefined;

  private constructor(private readonly socket: WebSocket, options: WsClientOptions) {
    this.clock = options.clock ?? Date.now;
    this.gate = new BanGate(this.clock);
    this.requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
    this.#credentials = options.credentials;
    this.api = new WsApi(this);
    socket.addEventListener('message', (ev) => this.onFrame(ev.data));
    socket.addEventListener('close', () => this.settleAll('the connection closed'));
    socket.addEventListener('error', () => this.settleAll('the connection failed'));
  }

  /** Opens a connection, e.g. to wss://ws-api.testnet.binance.vision/ws-api/v3. */
  static connect(url: string, options: WsClientOptions = {}): Promise<SpotWsApiClient> {
    const Ctor = webSocketClass();
    return new Promise((resolve, reject) => {
      const socket = new Ctor(url);
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error(`could not connect to the WebSocket API within ${options.connectTimeoutMs ?? 10_000} ms`));
      }, options.connectTimeoutMs ?? 10_000);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve(new SpotWsApiClient(socket, options));
      }, { once: true });
      socket.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new Error('could not connect to the WebSocket API'));
      }, { once: true });
    });
  }

  call<P, R>(op: WsMethod<P, R>, params: P): Promise<Outcome<R>> {
    const given = { ...(params as Record<string, unknown>) };
    const id = this.nextId++;
    const request: RequestRecord = { transport: 'ws', operation: op.method, params: given, at: this.clock(), id: String(id) };
    const notSent = (reason: NotSentReason, explanation: string): Promise<Outcome<R>> =>
      Promise.resolve({ kind: 'NOT_SENT', reason, explanation: `${op.method}: ${explanation}`, request, usage: RateLimitUsage.EMPTY });

    const bad = problems(op.params, params);
    if (bad.length) return notSent('INVALID_REQUEST', bad.join('; '));
    const held = this.gate.heldUntil();
    if (held !== null) return notSent('HELD_BY_RATE_LIMIT_GATE', `the IP is banned until ${new Date(held).toISOString()}; nothing is sent before`);
    if (this.socket.readyState !== 1 /* OPEN */) return notSent('CLIENT_CLOSED', 'the connection is not open');

    const wire: Record<string, unknown> = {};
    for (const spec of op.params) {
      const v = given[spec.name];
      if (v !== undefined && v !== null) wire[spec.name] = v;
    }
    if (op.security !== 'NONE') {
      if (!this.#credentials) return notSent('SIGNING_FAILED', `a ${op.security} call needs credentials`);
      try {
        wire['apiKey'] = this.#credentials.apiKeyForWire();
        wire['timestamp'] = this.clock();
        const text: Record<string, string> = {};
        for (const [k, v] of Object.entries(wire)) text[k] = wireText(op.params.find((p) => p.name === k), v);
        wire['signature'] = this.#credentials.sign(wsPayload(text));
      } catch (e) {
        return notSent('SIGNING_FAILED', `the request could not be signed (${(e as Error).name})`);
      }
    }
    // a method without parameters goes without `params`, as Binance documents it
    const frame = JSON.stringify(Object.keys(wire).length ? { id, method: op.method, params: wire } : { id, method: op.method });
    return new Promise<Outcome<R>>((resolve) => {
      const timer = setTimeout(() => {
        if (this.pending.delete(id)) resolve(this.lost(op, request, 'NO_REPLY', `no reply within ${this.requestTimeoutMs} ms`));
      }, this.requestTimeoutMs);
      // registered before the send: a reply can never arrive for a request nobody waits for
      this.pending.set(id, { op: op as WsMethod<unknown, unknown>, request, settle: resolve as (o: Outcome<unknown>) => void, timer });
      try {
        this.socket.send(frame);
      } catch (e) {
        this.pending.delete(id);
        clearTimeout(timer);
        resolve({ kind: 'NOT_SENT', reason: 'CLIENT_CLOSED', explanation: `${op.method}: the frame could not be written (${(e as Error).name})`, request, usage: RateLimitUsage.EMPTY });
      }
    });
  }

  private onFrame(data: unknown): void {
    const raw = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    let frame: unknown;
    try {
      frame = JSON.parse(raw);
    } catch {
      return; // not JSON: no id to match it to; every request in flight stays waiting for its deadline
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) return;
    const f = frame as Record<string, unknown>;
    const id = typeof f['id'] === 'number' ? f['id'] : typeof f['id'] === 'string' ? Number(f['id']) : NaN;
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    const status = f['status'];
    if (typeof status !== 'number' || !Number.isInteger(status)) {
      p.settle({ kind: 'UNKNOWN', cause: 'UNREADABLE_RESPONSE', details: new ErrorDetails(0, null, null, null, ResponseHeaders.EMPTY, raw),
        usage: RateLimitUsage.EMPTY, request: p.request, explanation: `${p.op.method}: the reply has no valid status` });
      return;
    }
    const outcome = fromWs(p.op, status, f, usageFromWs(f['rateLimits']), raw, p.request, this.clock());
    if (outcome.kind === 'IP_BANNED') this.gate.banUntil(outcome.bannedUntil);
    p.settle(outcome);
  }

  private lost<R>(op: WsMethod<unknown, unknown>, request: RequestRecord, cause: 'NO_REPLY' | 'CONNECTION_LOST', why: string): Outcome<R> {
    return { kind: 'UNKNOWN', cause, details: null, usage: RateLimitUsage.EMPTY, request,
      explanation: `${op.method}: ${why} after the request was sent; it may have been executed, confirm by query` };
  }

  private settleAll(why: string): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      clearTimeout(p.timer);
      p.settle(this.lost(p.op, p.request, 'CONNECTION_LOST', why));
    }
  }

  /** Number of requests waiting for a reply. */
  inFlight(): number {
    return this.pending.size;
  }

  /** Closes the connection; every request in flight becomes UNKNOWN (CONNECTION_LOST). */
  close(): void {
    this.settleAll('the client closed the connection');
    this.socket.close();
  }

  toString(): string {
    return `SpotWsApiClient(${this.socket.url})`;
  }

  toJSON(): { url: string; inFlight: number } {
    return { url: this.socket.url, inFlight: this.pending.size };
  }
}
