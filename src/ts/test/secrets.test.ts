// Secrets (API key, secret, private key, signature) never appear in toString, util.inspect or JSON of any object a
// caller can reach: credentials, clients, outcomes (with their request record), errors.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { Credentials, OutcomeError, SpotRestClient, SpotWsApiClient, orThrow, type Outcome } from '../runtime/index';
import { CaseWsServer, RawHttpServer } from './support';

const KEY = 'APIKEY-abcdefghijklmnopqrstuvwxyz0123456789';
const SECRET = 'SECRET-zyxwvutsrqponmlkjihgfedcba9876543210';
const NOW = 1_767_225_600_000;
const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const PEM_BODY = pem.split('\n')[1]!;
let http: RawHttpServer;
let ws: CaseWsServer;

before(async () => {
  http = await RawHttpServer.start();
  ws = await CaseWsServer.start();
});
after(async () => {
  await http.close();
  await ws.close();
});

function assertClean(what: string, x: unknown, signature?: string): void {
  const shown = [String(x), inspect(x, { depth: 10, showHidden: true }), JSON.stringify(x) ?? ''];
  for (const s of shown) {
    for (const secret of [KEY, SECRET, PEM_BODY, ...(signature ? [signature] : [])]) {
      assert.ok(!s.includes(secret), `${what} shows a secret: ${s.slice(0, 300)}`);
    }
  }
}

describe('secrets stay hidden', () => {
  test('credentials', () => {
    assertClean('HMAC credentials', Credentials.hmac(KEY, SECRET));
    assertClean('Ed25519 credentials', Credentials.ed25519(KEY, pem));
  });

  test('a REST client and its outcomes, success and error, and the error orThrow raises', async () => {
    const client = new SpotRestClient({ baseUrl: http.url, credentials: Credentials.hmac(KEY, SECRET), clock: () => NOW });
    assertClean('REST client', client);
    http.answer = RawHttpServer.response(400, { 'Content-Type': 'application/json' }, Buffer.from('{"code":-1022,"msg":"Signature for this request is not valid."}'));
    const o: Outcome<unknown> = await client.api.account();
    const signature = /signature=([0-9a-f]+)/.exec(http.lastRequest)?.[1];
    assert.ok(signature, 'the request was signed');
    assertClean('REST outcome', o, signature);
    assert.throws(() => orThrow(o), (e: unknown) => {
      assert.ok(e instanceof OutcomeError);
      assertClean('OutcomeError', e, signature);
      assertClean('OutcomeError message', e.message, signature);
      return true;
    });
  });

  test('a WebSocket client and its outcomes', async () => {
    let signature = '';
    ws.answer = (socket, frame) => {
      signature = String((frame['params'] as Record<string, unknown>)['signature']);
      socket.send(JSON.stringify({ id: frame['id'], status: 401, error: { code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' } }));
    };
    const client = await SpotWsApiClient.connect(ws.url, { credentials: Credentials.ed25519(KEY, pem), clock: () => NOW });
    try {
      assertClean('WS client', client);
      const o = await client.api.accountStatus();
      assert.equal(o.kind, 'REJECTED');
      assert.ok(signature.length > 0);
      assertClean('WS outcome', o, signature);
    } finally {
      client.close();
    }
  });
});
