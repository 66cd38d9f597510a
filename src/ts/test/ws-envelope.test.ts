// The WebSocket API envelope over Node's own WebSocket client against a loopback server: replies matched by id in
// any order, a reply sent at once still finds its request, no reply by the deadline is UNKNOWN (NO_REPLY), a close
// settles every request in flight as UNKNOWN (CONNECTION_LOST), and nothing is sent on a closed connection.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { Credentials, SpotWsApiClient, wsPayload, type Outcome } from '../runtime/index';
import { CaseWsServer } from './support';

const NOW = 1_767_225_600_000;
let server: CaseWsServer;

before(async () => {
  server = await CaseWsServer.start();
});
after(() => server.close());

function kind(o: Outcome<unknown>): string {
  return o.kind === 'UNKNOWN' ? `UNKNOWN/${o.cause}` : o.kind === 'NOT_SENT' ? `NOT_SENT/${o.reason}` : o.kind;
}

describe('WebSocket API envelope', () => {
  test('replies are matched to requests by id, whatever their order', async () => {
    const held: Array<() => void> = [];
    server.answer = (socket, frame) => {
      const reply = () => socket.send(JSON.stringify({ id: frame['id'], status: 200, result: { serverTime: Number(frame['id']) } }));
      held.push(reply);
      if (held.length === 2) held.reverse().forEach((r) => r());
    };
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW });
    try {
      const [a, b] = await Promise.all([c.api.time(), c.api.time()]);
      assert.ok(a.kind === 'SUCCESS' && b.kind === 'SUCCESS');
      assert.equal(a.value.serverTime, 1);
      assert.equal(b.value.serverTime, 2);
    } finally {
      c.close();
    }
  });

  test('a signed request carries apiKey, timestamp and an Ed25519 signature over the sorted params', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    server.answer = (socket, frame) => socket.send(JSON.stringify({ id: frame['id'], status: 400, error: { code: -2010, msg: 'no' } }));
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW, credentials: Credentials.ed25519('the-key', pem) });
    try {
      const o = await c.api.orderPlace({ symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '52000.00' });
      assert.equal(kind(o), 'REJECTED');
    } finally {
      c.close();
    }
    const params = server.lastFrame['params'] as Record<string, unknown>;
    assert.equal(server.lastFrame['method'], 'order.place');
    assert.equal(params['apiKey'], 'the-key');
    assert.equal(params['timestamp'], NOW);
    const text = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
    assert.ok(verify(null, Buffer.from(wsPayload(text)), publicKey, Buffer.from(String(params['signature']), 'base64')));
  });

  test('429 with error.data.retryAfter: RATE_LIMITED until that epoch ms, data kept raw with a typed view', async () => {
    server.answer = (socket, frame) => socket.send(JSON.stringify({ id: frame['id'], status: 429,
      error: { code: -1003, msg: 'Too much request weight used.', data: { serverTime: NOW, retryAfter: NOW + 20_000 } } }));
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW });
    try {
      const o = await c.api.time();
      assert.ok(o.kind === 'RATE_LIMITED');
      assert.equal(o.retryAt, NOW + 20_000);
      assert.deepEqual(o.details.retryData, { serverTime: NOW, retryAfter: NOW + 20_000 });
      assert.deepEqual(o.details.data, { serverTime: NOW, retryAfter: NOW + 20_000 });
    } finally {
      c.close();
    }
  });

  test('418 over WebSocket: IP_BANNED until error.data.retryAfter, and nothing is sent before it ends', async () => {
    let now = NOW;
    server.answer = (socket, frame) => socket.send(JSON.stringify({ id: frame['id'], status: 418,
      error: { code: -1003, msg: 'Way too much request weight used; IP banned until 1767225660000.', data: { serverTime: NOW, retryAfter: NOW + 60_000 } } }));
    const c = await SpotWsApiClient.connect(server.url, { clock: () => now });
    try {
      const banned = await c.api.ping();
      assert.ok(banned.kind === 'IP_BANNED');
      assert.equal(banned.bannedUntil, NOW + 60_000);
      assert.equal(server.lastFrame['params'], undefined, 'ping has no params');
      server.requests = 0;
      now = NOW + 59_999;
      assert.equal(kind(await c.api.time()), 'NOT_SENT/HELD_BY_RATE_LIMIT_GATE');
      assert.equal(server.requests, 0);
      now = NOW + 60_000;
      server.answer = (socket, frame) => socket.send(JSON.stringify({ id: frame['id'], status: 200, result: { serverTime: now } }));
      assert.equal(kind(await c.api.time()), 'SUCCESS');
    } finally {
      c.close();
    }
  });

  test('no reply before the deadline: UNKNOWN (NO_REPLY)', async () => {
    server.answer = () => undefined;
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW, requestTimeoutMs: 200 });
    try {
      assert.equal(kind(await c.api.time()), 'UNKNOWN/NO_REPLY');
      assert.equal(c.inFlight(), 0);
    } finally {
      c.close();
    }
  });

  test('the server closes with requests in flight: each is UNKNOWN (CONNECTION_LOST); then nothing is sent (NOT_SENT)', async () => {
    let seen = 0;
    server.answer = (socket) => {
      if (++seen === 2) socket.close();
    };
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW, requestTimeoutMs: 5000 });
    const outcomes = await Promise.all([c.api.time(), c.api.ping()]);
    assert.deepEqual(outcomes.map(kind), ['UNKNOWN/CONNECTION_LOST', 'UNKNOWN/CONNECTION_LOST']);
    server.requests = 0;
    assert.equal(kind(await c.api.time()), 'NOT_SENT/CLIENT_CLOSED');
    assert.equal(server.requests, 0);
  });

  test('a reply sent at once is not lost: the request is registered before the frame goes out', async () => {
    server.answer = (socket, frame) => socket.send(JSON.stringify({ id: frame['id'], status: 200, result: {} }));
    const c = await SpotWsApiClient.connect(server.url, { clock: () => NOW });
    try {
      const all = await Promise.all(Array.from({ length: 50 }, () => c.api.ping()));
      assert.deepEqual(new Set(all.map(kind)), new Set(['SUCCESS']));
    } finally {
      c.close();
    }
  });
});
