// An event with readable names (x-spot-name) for its one-letter wire fields, by a generated names table such as
// ExecutionReportNames. Fields without a readable name keep their wire name; nothing is dropped.
export function readable<R>(names: Readonly<Record<string, string>>, wire: Readonly<Record<string, unknown>>): R {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(wire)) out[Object.prototype.hasOwnProperty.call(names, k) ? names[k]! : k] = v;
  return out as R;
}
