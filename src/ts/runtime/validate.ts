// The spec's parameter rules, checked before anything is sent: a call that breaks them is NOT_SENT, with every
// problem named. Unknown parameter names are refused too (a typo must not silently drop a limit price).
import type { ParamSpec } from './descriptors';

const compiled = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let r = compiled.get(pattern);
  if (!r) {
    r = new RegExp(pattern);
    compiled.set(pattern, r);
  }
  return r;
}

function typeProblem(spec: ParamSpec, v: unknown): string | null {
  switch (spec.type) {
    case 'string': return typeof v === 'string' ? null : 'must be a string';
    case 'integer': return typeof v === 'number' && Number.isInteger(v) ? null : 'must be an integer';
    case 'number': return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    case 'boolean': return typeof v === 'boolean' ? null : 'must be true or false';
    case 'array': return Array.isArray(v) ? null : 'must be an array';
    default: return null;
  }
}

function numeric(spec: ParamSpec, v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (spec.decimal && typeof v === 'string') return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
  return null;
}

export function problems(specs: readonly ParamSpec[], params: unknown): string[] {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return ['the parameters must be an object'];
  const given = params as Record<string, unknown>;
  const out: string[] = [];
  const known = new Set(specs.map((s) => s.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) out.push(`'${name}' is not a parameter of this call`);
  }
  for (const spec of specs) {
    const v = given[spec.name];
    if (v === undefined || v === null) {
      if (spec.required) out.push(`'${spec.name}' is required`);
      continue;
    }
    const t = typeProblem(spec, v);
    if (t) {
      out.push(`'${spec.name}' ${t}`);
      continue;
    }
    if (spec.enum && !spec.enum.includes(v as string)) out.push(`'${spec.name}' must be one of ${spec.enum.join(', ')}`);
    if (typeof v === 'string') {
      if (spec.minLength !== undefined && v.length < spec.minLength) out.push(`'${spec.name}' is shorter than ${spec.minLength}`);
      if (spec.maxLength !== undefined && v.length > spec.maxLength) out.push(`'${spec.name}' is longer than ${spec.maxLength}`);
      if (spec.pattern !== undefined && !regex(spec.pattern).test(v)) out.push(`'${spec.name}' does not match ${spec.pattern}`);
    }
    if (Array.isArray(v)) {
      if (spec.minItems !== undefined && v.length < spec.minItems) out.push(`'${spec.name}' has fewer than ${spec.minItems} items`);
      if (spec.maxItems !== undefined && v.length > spec.maxItems) out.push(`'${spec.name}' has more than ${spec.maxItems} items`);
    }
    const n = numeric(spec, v);
    if (n !== null) {
      if (Number.isNaN(n)) out.push(`'${spec.name}' is not a decimal number`);
      else {
        if (spec.minimum !== undefined && n < spec.minimum) out.push(`'${spec.name}' is below ${spec.minimum}`);
        if (spec.maximum !== undefined && n > spec.maximum) out.push(`'${spec.name}' is above ${spec.maximum}`);
        if (spec.exclusiveMinimum !== undefined && n <= spec.exclusiveMinimum) out.push(`'${spec.name}' must be above ${spec.exclusiveMinimum}`);
        if (spec.exclusiveMaximum !== undefined && n >= spec.exclusiveMaximum) out.push(`'${spec.name}' must be below ${spec.exclusiveMaximum}`);
      }
    }
  }
  return out;
}

/** A parameter value as wire text (REST query/body, WebSocket signing payload). */
export function wireText(spec: ParamSpec | undefined, v: unknown): string {
  if (Array.isArray(v)) return spec?.json ? JSON.stringify(v) : v.map(String).join(',');
  return String(v);
}
