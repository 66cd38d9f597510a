// Signing on node:crypto against Binance's published vectors (/work/shared/reference: REST HMAC, WS HMAC, both
// with a non-ASCII symbol), Ed25519 verified with the public key, and the exact payload strings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { Credentials, percentEncode, restQuery, wsPayload, SigningKeyError } from '../runtime/index';

const API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const REST_PARAMS: Array<[string, string]> = [['symbol', 'LTCBTC'], ['side', 'BUY'], ['type', 'LIMIT'], ['timeInForce', 'GTC'],
  ['quantity', '1'], ['price', '0.1'], ['recvWindow', '5000'], ['timestamp', '1499827319559']];

describe('signing', () => {
  test('REST HMAC: Binance\'s published vector', () => {
    const payload = restQuery(REST_PARAMS);
    assert.equal(payload, 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559');
    assert.equal(Credentials.hmac(API_KEY, SECRET).sign(payload), 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
  });

  test('REST HMAC with a non-ASCII symbol: percent-encoded before signing', () => {
    const params = REST_PARAMS.map(([k, v]): [string, string] => [k, k === 'symbol' ? '１２３４５６' : v]);
    const payload = restQuery(params);
    assert.ok(payload.startsWith('symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY'));
    assert.equal(Credentials.hmac(API_KEY, SECRET).sign(payload), 'e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3');
  });

  test('WebSocket HMAC: params sorted, not encoded, apiKey inside: Binance\'s published vectors', () => {
    const hmac = Credentials.hmac(API_KEY, SECRET);
    const a = wsPayload({ symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01000000', price: '52000.00',
      recvWindow: '100', timestamp: '1645423376532', apiKey: API_KEY, signature: 'ignored' });
    assert.equal(a, `apiKey=${API_KEY}&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT`);
    assert.equal(hmac.sign(a), 'aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24');
    const b = wsPayload({ symbol: '１２３４５６', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '1.00000000', price: '0.10000000',
      recvWindow: '5000', timestamp: '1645423376532', apiKey: API_KEY });
    assert.equal(hmac.sign(b), 'b33892ae8e687c939f4468c6268ddd4c40ac1af18ad19a064864c47bae0752cd');
  });

  test('Ed25519: a 64-byte base64 signature the public key verifies, deterministic', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const c = Credentials.ed25519('k', privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const payload = 'symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000';
    const sig = c.sign(payload);
    assert.match(sig, /^[A-Za-z0-9+/]{86}==$/);
    assert.ok(verify(null, Buffer.from(payload), publicKey, Buffer.from(sig, 'base64')));
    assert.ok(!verify(null, Buffer.from(`${payload}&x=1`), publicKey, Buffer.from(sig, 'base64')));
    assert.equal(c.sign(payload), sig);
  });

  test('a key that is not Ed25519, or not a key, is refused with a message that does not contain it', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    assert.throws(() => Credentials.ed25519('k', rsa), (e: unknown) => e instanceof SigningKeyError && /rsa, not Ed25519/.test(e.message) && !e.message.includes('PRIVATE'));
    assert.throws(() => Credentials.ed25519('k', 'not-a-key-SECRETSTUFF'), (e: unknown) => e instanceof SigningKeyError && !e.message.includes('SECRETSTUFF'));
  });

  test('percent-encoding is RFC 3986 (space is %20, reserved characters encoded)', () => {
    assert.equal(percentEncode("a b!'()*~-_."), 'a%20b%21%27%28%29%2A~-_.');
  });
});
