// The instants a 429 or 418 names, in each of Binance's forms. Never throws: a number of any size is clamped to
// [now, now + HORIZON]; what is not a number gives null (the raw value stays in the outcome's details).

/** No wait is believed beyond this (Java: WaitBounds.HORIZON). */
export const HORIZON_MS = 7 * 24 * 3600 * 1000;

const INTEGER = /^[+-]?\d+$/;

function clamp(now: number, at: number): number {
  return Math.min(Math.max(at, now), now + HORIZON_MS);
}

function integerText(s: string, toMs: (n: bigint) => bigint, now: number): number {
  if (s.startsWith('-')) return now;
  const n = BigInt(s.replace(/^\+/, ''));
  const delta = toMs(n);
  if (delta > BigInt(Number.MAX_SAFE_INTEGER)) return now + HORIZON_MS;
  return clamp(now, Number(delta));
}

/** REST Retry-After: seconds from now. An HTTP-date, a fraction or text is not read. */
export function fromSeconds(header: string | null, now: number): number | null {
  if (header === null || !INTEGER.test(header.trim())) return null;
  const s = header.trim();
  if (s.startsWith('-')) return now;
  const n = BigInt(s.replace(/^\+/, ''));
  if (n * 1000n > BigInt(HORIZON_MS)) return now + HORIZON_MS;
  return now + Number(n) * 1000;
}

/** WebSocket error.data.retryAfter: epoch ms, as a number or a string of digits. */
export function fromEpochMillis(v: unknown, now: number): number | null {
  if (typeof v === 'string') return INTEGER.test(v.trim()) ? integerText(v.trim(), (n) => n, now) : null;
  if (typeof v !== 'number' || Number.isNaN(v)) return null;
  if (!Number.isFinite(v)) return v > 0 ? now + HORIZON_MS : now;
  return clamp(now, Math.trunc(v));
}

/** The ban instant (epoch ms) in a -1003 msg: "... IP banned until 1659146400000. ...". */
export function fromBanMsg(msg: string | null, now: number): number | null {
  if (msg === null) return null;
  const m = /banned until (\d{10,})/.exec(msg);
  return m ? integerText(m[1]!, (n) => n, now) : null;
}
