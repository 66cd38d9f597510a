// Every conformance vector of the spec bundle (generated/spec/conformance), the same files the Java tests read, run
// on the wire: a loopback HTTP server answers with exactly the case's status, headers and body bytes, a loopback
// WebSocket server with its reply frame; the client's clock reads the case's `now`. Each case is one test named by
// its file. The pass/fail of every file is written to target/conformance/ts-results.json for the cross-check with
// Java (cross-check.js).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { REST_OPERATIONS, WS_METHODS, SPEC_SHA256 } from '../../../generated/typescript/index';
import { Credentials, SpotRestClient, SpotWsApiClient, errorOf, type Outcome, type OrderOrError } from '../runtime/index';
import type { RestOperation, WsMethod } from '../runtime/descriptors';
import { CaseWsServer, RawHttpServer, repoRoot } from './support';

const ROOT = repoRoot();
const BUNDLE = path.join(ROOT, 'generated', 'spec');
const DIR = path.join(BUNDLE, 'conformance');
const RESULTS = path.join(ROOT, 'src', 'ts', 'target', 'conformance', 'ts-results.json');
const KEY = 'conformanceKey000000000000000000000000000000000000000000000000001';
const SECRET = 'conformanceSecret000000000000000000000000000000000000000000000001';

interface Case {
  readonly file: string;
  readonly name: string;
  readonly operation: string;
  readonly transport: 'rest' | 'ws';
  readonly now: number;
  readonly params: Record<string, unknown>;
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
  readonly expect: Record<string, unknown>;
}

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : f.endsWith('.json') ? [p] : [];
  });
}

function read(p: string): Case {
  const j = JSON.parse(readFileSync(p, 'utf8'));
  const body = j.response.body.base64 !== undefined ? Buffer.from(j.response.body.base64, 'base64') : Buffer.from(j.response.body.text, 'utf8');
  return {
    file: path.relative(BUNDLE, p).split(path.sep).join('/'), name: j.name, operation: j.operation, transport: j.transport,
    now: j.now, params: j.request?.params ?? {}, status: j.response.status, headers: j.response.headers, body, expect: j.expect,
  };
}

const ALL = files(DIR).map(read);
const results: Record<string, 'pass' | 'fail'> = {};
const ed25519Pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
let http: RawHttpServer;
let ws: CaseWsServer;

before(async () => {
  http = await RawHttpServer.start();
  ws = await CaseWsServer.start();
});

after(async () => {
  await http.close();
  await ws.close();
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(RESULTS, `${JSON.stringify({ runner: 'typescript', specSha256: SPEC_SHA256, results: sorted }, null, 1)}\n`);
});

function pointer(v: unknown, ptr: string): unknown {
  return ptr.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((n, k) => (n !== null && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), v);
}

function half(h: OrderOrError | null): string {
  return h === null ? 'absent' : h.kind === 'executed' ? 'executed' : 'failed';
}

function usageKeyed(o: Outcome<unknown>, what: 'count' | 'limit'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of o.usage.entries) if (u[what] !== undefined) out[`${u.rateLimitType}/${u.intervalNum}${u.interval}`] = u[what]!;
  return out;
}

function check(c: Case, o: Outcome<unknown>): string[] {
  const e = c.expect;
  const wrong: string[] = [];
  if (o.kind !== e['outcome']) wrong.push(`outcome ${o.kind}, expected ${String(e['outcome'])}`);
  const d = errorOf(o);
  if ('code' in e) {
    const got = d === null ? null : d.code;
    if (got !== e['code']) wrong.push(`code ${got}, expected ${String(e['code'])}`);
  }
  const want = { count: {} as Record<string, number>, limit: {} as Record<string, number> };
  for (const u of e['usage'] as Array<Record<string, unknown>>) {
    const key = `${String(u['rateLimitType'])}/${String(u['intervalNum'])}${String(u['interval'])}`;
    if (typeof u['count'] === 'number') want.count[key] = u['count'];
    if (typeof u['limit'] === 'number') want.limit[key] = u['limit'];
  }
  for (const what of ['count', 'limit'] as const) {
    try {
      assert.deepStrictEqual(usageKeyed(o, what), want[what]);
    } catch {
      wrong.push(`usage ${what}s ${JSON.stringify(usageKeyed(o, what))}, expected ${JSON.stringify(want[what])}`);
    }
  }
  if ('retryAt' in e) {
    const got = o.kind === 'RATE_LIMITED' ? o.retryAt : o.kind === 'IP_BANNED' ? o.bannedUntil : null;
    if (got !== e['retryAt']) wrong.push(`retryAt ${got}, expected ${String(e['retryAt'])}`);
  }
  if (e['rawKept'] === true) {
    const wantRaw = new TextDecoder().decode(c.body);
    let got = d === null ? null : d.rawBody;
    if (got !== null && c.transport === 'ws') got = got.replace(/^\{"id":[0-9]+/, '{"id":{{id}}');
    if (got !== wantRaw) wrong.push(`raw body ${got === null ? 'not kept' : `kept as <${got}>`}, expected <${wantRaw}>`);
  }
  if (e['result'] !== undefined) {
    if (o.kind !== 'SUCCESS') wrong.push('no result to check');
    else {
      for (const [ptr, v] of Object.entries(e['result'] as Record<string, unknown>)) {
        const got = pointer(o.value, ptr);
        try {
          assert.deepStrictEqual(got, v);
        } catch {
          wrong.push(`result ${ptr} is ${JSON.stringify(got)}, expected ${JSON.stringify(v)}`);
        }
      }
    }
  }
  if (e['halves'] !== undefined) {
    const h = o.kind === 'PARTIAL' ? o.halves : o.kind === 'REJECTED' ? o.cancelReplace : null;
    if (h === null) wrong.push('no typed halves');
    else {
      const got: Record<string, string | null> = {
        cancelResult: h.cancelResult, newOrderResult: h.newOrderResult,
        cancelResponse: half(h.cancelResponse), newOrderResponse: half(h.newOrderResponse),
      };
      for (const [k, v] of Object.entries(e['halves'] as Record<string, string>)) {
        if (got[k] !== v) wrong.push(`halves.${k} is ${got[k]}, expected ${v}`);
      }
    }
  }
  return wrong;
}

async function run(c: Case): Promise<void> {
  let outcome: Outcome<unknown>;
  let requests: number;
  const clock = () => c.now;
  if (c.transport === 'rest') {
    const op = (REST_OPERATIONS as Record<string, RestOperation<unknown, unknown>>)[c.operation];
    assert.ok(op, `no REST operation ${c.operation}`);
    http.answer = RawHttpServer.response(c.status, c.headers, c.body);
    http.requests = 0;
    const client = new SpotRestClient({ baseUrl: http.url, credentials: Credentials.hmac(KEY, SECRET), clock, timeoutMs: 5000 });
    outcome = await client.call(op, c.params);
    requests = http.requests;
  } else {
    const op = (WS_METHODS as Record<string, WsMethod<unknown, unknown>>)[c.operation];
    assert.ok(op, `no WebSocket API method ${c.operation}`);
    ws.answer = new TextDecoder().decode(c.body);
    ws.requests = 0;
    const client = await SpotWsApiClient.connect(ws.url, { credentials: Credentials.ed25519(KEY, ed25519Pem), clock, requestTimeoutMs: 5000 });
    try {
      outcome = await client.call(op, c.params);
    } finally {
      client.close();
    }
    requests = ws.requests;
  }
  const wrong = check(c, outcome);
  if (requests !== 1) wrong.unshift(`the server got ${requests} requests, expected exactly 1`);
  if (wrong.length) {
    throw new assert.AssertionError({ message: `${c.file} (${c.name}): ${wrong.join('; ')}\n  outcome: ${JSON.stringify(outcome)}` });
  }
}

describe('conformance vectors', () => {
  test('the bundle has vectors, and every generated operation and method has one', () => {
    assert.ok(ALL.length > 0, `no conformance vectors under ${DIR}: the spec bundle was not built`);
    const ops = new Set(ALL.map((c) => `${c.transport}/${c.operation}`));
    const missing = [...Object.keys(REST_OPERATIONS).map((k) => `rest/${k}`), ...Object.keys(WS_METHODS).map((k) => `ws/${k}`)]
      .filter((k) => !ops.has(k));
    assert.deepStrictEqual(missing, []);
  });

  for (const c of ALL) {
    test(c.file, async () => {
      results[c.file] = 'fail';
      await run(c);
      results[c.file] = 'pass';
    });
  }
});
