// Signing on node:crypto: HMAC-SHA256 (hex) and Ed25519 (base64). A Credentials object never shows its key, secret
// or private key: not in toString, util.inspect, JSON or any message; only the signer closure holds them.
import { createHmac, createPrivateKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';

export type KeyKind = 'HMAC' | 'ED25519';

/** A key that cannot be used; the message never contains the key. */
export class SigningKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SigningKeyError';
  }
}

export class Credentials {
  readonly #apiKey: string;
  readonly #sign: (payload: string) => string;

  private constructor(readonly kind: KeyKind, apiKey: string, sign: (payload: string) => string) {
    if (typeof apiKey !== 'string' || apiKey.length === 0) throw new SigningKeyError('the API key is empty');
    this.#apiKey = apiKey;
    this.#sign = sign;
  }

  /** HMAC-SHA256 with a secret key; signatures are lower-case hex. */
  static hmac(apiKey: string, secretKey: string): Credentials {
    if (typeof secretKey !== 'string' || secretKey.length === 0) throw new SigningKeyError('the HMAC secret key is empty');
    return new Credentials('HMAC', apiKey, (payload) => createHmac('sha256', secretKey).update(payload, 'utf8').digest('hex'));
  }

  /** Ed25519 with a PKCS#8 PEM private key; signatures are standard base64 (64 bytes). */
  static ed25519(apiKey: string, privateKeyPem: string): Credentials {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: privateKeyPem, format: 'pem' });
    } catch {
      throw new SigningKeyError('the Ed25519 private key is not a readable PKCS#8 PEM');
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`the private key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not Ed25519`);
    return new Credentials('ED25519', apiKey, (payload) => cryptoSign(null, Buffer.from(payload, 'utf8'), key).toString('base64'));
  }

  /** The signature of a payload (see restQuery / wsPayload). */
  sign(payload: string): string {
    return this.#sign(payload);
  }

  /** For the wire only (X-MBX-APIKEY header, WebSocket apiKey param). */
  apiKeyForWire(): string {
    return this.#apiKey;
  }

  toString(): string {
    return `Credentials(${this.kind})`;
  }

  toJSON(): { kind: KeyKind } {
    return { kind: this.kind };
  }

  [inspect.custom](): string {
    return this.toString();
  }
}

/** RFC 3986: keeps A-Z a-z 0-9 - _ . ~; everything else is %XX (upper case) of its UTF-8 bytes. */
export function percentEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** REST: name=value joined by '&' in the given order, percent-encoded. Both the signed payload and the query/body. */
export function restQuery(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&');
}

/** WebSocket: every parameter but signature, sorted by name, name=value joined by '&', NOT percent-encoded. */
export function wsPayload(params: Readonly<Record<string, string>>): string {
  return Object.keys(params).filter((k) => k !== 'signature').sort()
    .map((k) => `${k}=${params[k]}`).join('&');
}
