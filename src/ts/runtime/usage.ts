// Rate-limit usage a response reported: REST usage headers, read by the header PATTERNS the spec declares
// (x-spot-header-pattern + x-spot-rate-limit-type, generated into USAGE_HEADER_PATTERNS), and WebSocket rateLimits.
import { RATE_LIMIT_INTERVALS, USAGE_HEADER_PATTERNS } from '../../../generated/typescript/spec-facts';
import type { ResponseHeaders } from './headers';

export interface UsageEntry {
  readonly rateLimitType: string;
  /** SECOND, MINUTE, HOUR, DAY, or a value the spec does not know yet. */
  readonly interval: string;
  readonly intervalNum: number;
  readonly count?: number;
  readonly limit?: number;
}

export class RateLimitUsage {
  static readonly EMPTY = new RateLimitUsage([]);
  constructor(readonly entries: readonly UsageEntry[]) {}

  toJSON(): readonly UsageEntry[] {
    return this.entries;
  }
}

const FAMILIES = USAGE_HEADER_PATTERNS.map((h) => ({ type: h.rateLimitType, re: new RegExp(h.pattern, 'i') }));
/** More digits than this cannot be a real window. */
const MAX_DIGITS = 6;

function interval(initial: string): string | null {
  return RATE_LIMIT_INTERVALS.find((i) => i.charAt(0).toUpperCase() === initial.toUpperCase()) ?? null;
}

export function usageFromHeaders(headers: ResponseHeaders): RateLimitUsage {
  const out: UsageEntry[] = [];
  for (const name of headers.names()) {
    for (const f of FAMILIES) {
      const m = f.re.exec(name);
      if (!m || m[1] === undefined || m[2] === undefined || m[1].length > MAX_DIGITS || m[2].length !== 1) continue;
      const iv = interval(m[2]);
      const value = headers.first(name);
      if (iv === null || value === null || !/^\d{1,15}$/.test(value.trim())) continue;
      out.push({ rateLimitType: f.type, interval: iv, intervalNum: Number(m[1]), count: Number(value.trim()) });
    }
  }
  return out.length ? new RateLimitUsage(out) : RateLimitUsage.EMPTY;
}

export function usageFromWs(rateLimits: unknown): RateLimitUsage {
  if (!Array.isArray(rateLimits)) return RateLimitUsage.EMPTY;
  const out: UsageEntry[] = [];
  for (const r of rateLimits) {
    if (r === null || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    if (typeof o['rateLimitType'] !== 'string' || typeof o['interval'] !== 'string' || typeof o['intervalNum'] !== 'number') continue;
    out.push({
      rateLimitType: o['rateLimitType'], interval: o['interval'], intervalNum: o['intervalNum'],
      ...(typeof o['count'] === 'number' ? { count: o['count'] } : {}),
      ...(typeof o['limit'] === 'number' ? { limit: o['limit'] } : {}),
    });
  }
  return out.length ? new RateLimitUsage(out) : RateLimitUsage.EMPTY;
}
