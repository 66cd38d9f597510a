// One wire test per outcome kind over a real loopback HTTP server: what the server answers (or does to the socket)
// and the outcome the client must make of it. The clock is injected, so ban and retry instants are exact.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Credentials, SpotRestClient, mayHaveExecuted, type Outcome } from '../runtime/index';
import { newOrder } from '../../../generated/typescript/rest-operations';
import { RawHttpServer } from './support';

const NOW = 1_767_225_600_000;
const JSON_CT = { 'Content-Type': 'application/json;charset=UTF-8' };
const ORDER = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '52000.00', newClientOrderId: 'c1' } as const;
let server: RawHttpServer;

before(async () => {
  server = await RawHttpServer.start();
});
after(() => server.close());

function answer(status: number, headers: Record<string, string>, body: string): void {
  server.answer = RawHttpServer.response(status, headers, Buffer.from(body, 'utf8'));
  server.requests = 0;
}

function client(clock: () => number = () => NOW, timeoutMs = 2000): SpotRestClient {
  return new SpotRestClient({ baseUrl: server.url, credentials: Credentials.hmac('key', 'secret'), clock, timeoutMs });
}

function expectKind<T, K extends Outcome<T>['kind']>(o: Outcome<T>, kind: K): Extract<Outcome<T>, { kind: K }> {
  assert.equal(o.kind, kind, JSON.stringify(o));
  return o as Extract<Outcome<T>, { kind: K }>;
}

describe('REST outcomes on the wire', () => {
  test('200 with the order: SUCCESS, the value decoded, money as text, unknown fields kept', async () => {
    answer(200, { ...JSON_CT, 'X-MBX-USED-WEIGHT-1M': '7' },
      '{"symbol":"BTCUSDT","orderId":5,"clientOrderId":"c1","price":"52000.00000001","status":"NEW_KIND","extra":{"a":1}}');
    const o = expectKind(await client().api.newOrder(ORDER), 'SUCCESS');
    assert.equal(o.value.price, '52000.00000001');
    assert.equal(o.value.status, 'NEW_KIND');
    assert.deepEqual(o.value['extra'], { a: 1 });
    assert.deepEqual(o.usage.entries, [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, count: 7 }]);
    assert.match(server.lastRequest, /^POST \/api\/v3\/order HTTP\/1.1/);
    assert.match(server.lastRequest, /x-mbx-apikey: key/i);
    assert.match(server.lastRequest, /\r\n\r\nsymbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=52000.00&newClientOrderId=c1&timestamp=1767225600000&signature=[0-9a-f]{64}$/);
  });

  test('400 -2010: REJECTED, definite, with status, code, msg, headers and raw body', async () => {
    const body = '{"code":-2010,"msg":"Account has insufficient balance for requested action."}';
    answer(400, { ...JSON_CT, 'X-Extra': 'kept' }, body);
    const o = expectKind(await client().api.newOrder(ORDER), 'REJECTED');
    assert.equal(o.details.status, 400);
    assert.equal(o.details.code, -2010);
    assert.equal(o.details.msg, 'Account has insufficient balance for requested action.');
    assert.equal(o.details.headers.first('x-extra'), 'kept');
    assert.equal(o.details.rawBody, body);
    assert.equal(mayHaveExecuted(o), false);
  });

  test('429 with Retry-After: RATE_LIMITED until now + seconds', async () => {
    answer(429, { ...JSON_CT, 'Retry-After': '12' }, '{"code":-1003,"msg":"Too many requests."}');
    const o = expectKind(await client().api.newOrder(ORDER), 'RATE_LIMITED');
    assert.equal(o.retryAt, NOW + 12_000);
    assert.equal(o.retryAfterMs, 12_000);
  });

  test('418: IP_BANNED, and nothing at all is sent until the ban ends (NOT_SENT), then sending resumes', async () => {
    let now = NOW;
    const c = client(() => now);
    answer(418, { ...JSON_CT, 'Retry-After': '60' }, '{"code":-1003,"msg":"Way too much request weight used; IP banned until 1767225660000."}');
    const banned = expectKind(await c.api.newOrder(ORDER), 'IP_BANNED');
    assert.equal(banned.bannedUntil, NOW + 60_000);
    answer(200, JSON_CT, '{}');
    now = NOW + 59_999;
    const held = expectKind(await c.api.ping(), 'NOT_SENT');
    assert.equal(held.reason, 'HELD_BY_RATE_LIMIT_GATE');
    assert.equal(server.requests, 0, 'a request went out during the ban');
    now = NOW + 60_000;
    expectKind(await c.api.ping(), 'SUCCESS');
    assert.equal(server.requests, 1);
  });

  test('403 HTML page from the WAF: WAF_BLOCKED, the page kept', async () => {
    answer(403, { 'Content-Type': 'text/html' }, '<html><body>Forbidden</body></html>');
    const o = expectKind(await client().api.newOrder(ORDER), 'WAF_BLOCKED');
    assert.equal(o.details.code, null);
    assert.equal(o.details.rawBody, '<html><body>Forbidden</body></html>');
  });

  test('409 from cancelReplace: PARTIAL, both halves typed', async () => {
    answer(409, JSON_CT, JSON.stringify({ code: -2021, msg: 'Order cancel-replace partially failed.', data: {
      cancelResult: 'FAILURE', newOrderResult: 'SUCCESS',
      cancelResponse: { code: -2011, msg: 'Unknown order sent.' },
      newOrderResponse: { symbol: 'BTCUSDT', orderId: 9, clientOrderId: 'n1', status: 'NEW' } } }));
    const o = expectKind(await client().api.cancelReplaceOrder({ symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC',
      quantity: '0.01', price: '52000.00', cancelReplaceMode: 'ALLOW_FAILURE', cancelOrderId: 27 }), 'PARTIAL');
    assert.ok(mayHaveExecuted(o));
    assert.equal(o.halves?.cancelResponse?.kind, 'failed');
    const placed = o.halves?.newOrderResponse;
    assert.ok(placed && placed.kind === 'executed');
    assert.equal(placed.order.orderId, 9);
  });

  test('503, and -1006 under 400: UNKNOWN, never a failure', async () => {
    answer(503, JSON_CT, '{"code":-1001,"msg":"Internal error."}');
    const server5xx = expectKind(await client().api.newOrder(ORDER), 'UNKNOWN');
    assert.equal(server5xx.cause, 'SERVER_ERROR');
    answer(400, JSON_CT, '{"code":-1006,"msg":"An unexpected response was received from the message bus."}');
    const code = expectKind(await client().api.newOrder(ORDER), 'UNKNOWN');
    assert.equal(code.cause, 'UNKNOWN_ERROR_CODE');
    assert.ok(mayHaveExecuted(code));
  });

  test('no response before the read timeout: UNKNOWN (TIMEOUT), sent exactly once', async () => {
    server.requests = 0;
    server.answer = () => undefined; // reads the request, never answers
    const o = expectKind(await client(() => NOW, 300).api.newOrder(ORDER), 'UNKNOWN');
    assert.equal(o.cause, 'TIMEOUT');
    assert.equal(o.details, null);
    assert.equal(server.requests, 1);
  });

  test('connection reset after the request was written: UNKNOWN (CONNECTION_LOST)', async () => {
    server.requests = 0;
    server.answer = (socket) => socket.resetAndDestroy();
    const o = expectKind(await client().api.newOrder(ORDER), 'UNKNOWN');
    assert.equal(o.cause, 'CONNECTION_LOST');
    assert.equal(server.requests, 1);
  });

  test('bad input: NOT_SENT (INVALID_REQUEST), every problem named, nothing sent', async () => {
    answer(200, JSON_CT, '{}');
    const o = expectKind(await client().call(newOrder,
      { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', quantity: '-1', pricee: '1' } as never), 'NOT_SENT');
    assert.equal(o.reason, 'INVALID_REQUEST');
    assert.match(o.explanation, /'pricee' is not a parameter/);
    assert.match(o.explanation, /'quantity' must be above 0/);
    assert.equal(server.requests, 0);
  });

  test('nobody listening: NOT_SENT (CONNECT_FAILED)', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const c = new SpotRestClient({ baseUrl: `http://127.0.0.1:${port}`, clock: () => NOW });
    const o = expectKind(await c.api.ping(), 'NOT_SENT');
    assert.equal(o.reason, 'CONNECT_FAILED');
  });

  test('array parameters marked x-spot-json go on the wire as one JSON value', async () => {
    answer(200, JSON_CT, '[{"symbol":"BTCUSDT","price":"1.00"},{"symbol":"ETHUSDT","price":"2.00"}]');
    expectKind(await client().api.tickerPrice({ symbols: ['BTCUSDT', 'ETHUSDT'] }), 'SUCCESS');
    assert.match(server.lastRequest, /^GET \/api\/v3\/ticker\/price\?symbols=%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D HTTP/);
  });

  test('a one-or-many result sent as one bare object is read as a list of one', async () => {
    answer(200, JSON_CT, '{"symbol":"BTCUSDT","price":"1.00"}');
    const o = expectKind(await client().api.tickerPrice({ symbol: 'BTCUSDT' }), 'SUCCESS');
    assert.deepEqual(o.value, [{ symbol: 'BTCUSDT', price: '1.00' }]);
  });
});
