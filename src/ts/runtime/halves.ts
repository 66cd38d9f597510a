// The two halves of a cancelReplace error (its error.data): each half executed (an order) or failed (an error), or
// null when not attempted. An error payload has a numeric code and no orderId; anything else is an order.
import type { Order } from '../../../generated/typescript/rest-models';

/** A failed half: Binance's code and message for it (definitely not executed). */
export interface HalfError {
  readonly code: number;
  readonly msg?: string;
  readonly [field: string]: unknown;
}

export type OrderOrError =
  | { readonly kind: 'executed'; readonly order: Order }
  | { readonly kind: 'failed'; readonly error: HalfError };

export interface CancelReplaceHalves {
  /** SUCCESS, FAILURE, NOT_ATTEMPTED, or a value the spec does not know yet. */
  readonly cancelResult: string | null;
  readonly newOrderResult: string | null;
  readonly cancelResponse: OrderOrError | null;
  readonly newOrderResponse: OrderOrError | null;
  /** data as it came. */
  readonly raw: Readonly<Record<string, unknown>>;
}

function half(v: unknown): OrderOrError | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (typeof o['code'] === 'number' && !('orderId' in o)) return { kind: 'failed', error: o as unknown as HalfError };
  return { kind: 'executed', order: o as unknown as Order };
}

/** The halves, or null when data is not the cancelReplace form. */
export function cancelReplaceHalves(data: unknown): CancelReplaceHalves | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const o = data as Record<string, unknown>;
  if (!('cancelResult' in o) && !('newOrderResult' in o)) return null;
  const text = (x: unknown): string | null => (typeof x === 'string' ? x : null);
  return {
    cancelResult: text(o['cancelResult']),
    newOrderResult: text(o['newOrderResult']),
    cancelResponse: half(o['cancelResponse']),
    newOrderResponse: half(o['newOrderResponse']),
    raw: o,
  };
}
