// Resolves a status (and the Binance code of its body) to an outcome name through an operation's generated table.
// The order is the bundle's resolutionOrder: exact status, then its range, then a code override of the entry
// found, else UNKNOWN (nothing proves that an unexplained response was not executed).
import type { OutcomeName, StatusMeaning } from './descriptors';

function entry(table: readonly StatusMeaning[], status: number): StatusMeaning | undefined {
  const exact = String(status);
  const range = `${Math.floor(status / 100)}XX`;
  return table.find((s) => s.status.toUpperCase() === exact) ?? table.find((s) => s.status.toUpperCase() === range);
}

export function resolveMeaning(table: readonly StatusMeaning[], status: number, code: number | null): OutcomeName {
  const e = entry(table, status);
  if (!e) return 'UNKNOWN';
  if (code !== null) {
    const o = e.codeOverrides.find((c) => c.code === code);
    if (o) return o.outcome;
  }
  return e.outcome;
}

/** True when the table declares the status, exactly or by its range. */
export function declares(table: readonly StatusMeaning[], status: number): boolean {
  return entry(table, status) !== undefined;
}
