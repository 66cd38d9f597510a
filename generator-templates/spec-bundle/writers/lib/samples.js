// Smallest valid values for a schema of the bundled documents: the request params and success results of the
// generated conformance vectors. Deterministic; every choice is the first one the schema allows.
'use strict';

const { deref } = require('./operations');

const TEXT_CANDIDATES = (name) => [
  ...(/symbol/i.test(name) ? ['BTCUSDT'] : []),
  `${name.replace(/[^A-Za-z0-9]/g, '')}1`,
  'BTCUSDT',
  'A1',
];

function typeOf(schema) {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  return undefined;
}

function textFits(value, schema) {
  if (schema.minLength !== undefined && value.length < schema.minLength) return false;
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return false;
  return schema.pattern === undefined || new RegExp(schema.pattern).test(value);
}

/** A number within the schema's bounds, both OpenAPI 3.0's boolean exclusive form and draft-07's numeric one. */
function number(schema) {
  const lower = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1
    : schema.minimum !== undefined ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : 1;
  return Math.max(lower, 1);
}

/** A value for a request parameter, as JSON (numbers for integers, strings for decimals). */
function paramValue(doc, name, raw, where) {
  const schema = deref(doc, raw, where);
  if (schema.enum) return schema.enum[0];
  const type = typeOf(schema);
  if (type === 'boolean') return true;
  if (type === 'integer') return number(schema);
  if (type === 'number') return String(number(schema));
  if (type === 'array') return [paramValue(doc, name, schema.items || { type: 'string' }, where)];
  if (type === 'string') {
    if (schema.format === 'number') return String(number(schema));
    // A pattern no generic candidate fits (e.g. a kline interval) names its sample as the schema's example.
    const candidates = schema.example !== undefined ? [String(schema.example), ...TEXT_CANDIDATES(name)] : TEXT_CANDIDATES(name);
    const fit = candidates.find((v) => textFits(v, schema));
    if (fit === undefined) throw new Error(`${where}: no sample value fits param '${name}'`);
    return fit;
  }
  throw new Error(`${where}: param '${name}' has a schema no sample is made for`);
}

/** The smallest result the schema allows: required properties only, empty arrays, first enum values. */
function resultValue(doc, raw, where, depth = 0) {
  if (raw === undefined) return {};
  if (depth > 20) throw new Error(`${where}: the result schema nests too deep for a sample`);
  const schema = deref(doc, raw, where);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.oneOf || schema.anyOf) return resultValue(doc, (schema.oneOf || schema.anyOf)[0], where, depth + 1);
  const type = typeOf(schema);
  if (type === 'array') return [];
  if (type === 'boolean') return true;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'string') return schema.format === 'number' ? '1' : 'x';
  const out = {};
  for (const name of schema.required || []) {
    out[name] = resultValue(doc, (schema.properties || {})[name] || {}, `${where}.${name}`, depth + 1);
  }
  return out;
}

/** Sets a dotted path in a result, making the objects on the way. */
/**
 * Sets a dotted path. Where the path meets an array (a list's legs, a result that is a list), the value goes into
 * the first element that does not have it yet, or a new one: each echo of a leg id gets its own leg.
 */
function setPath(result, dotted, value, doc, schema) {
  setKeys(result, dotted.split('.'), value, doc, schema);
}

/** The schema of one property (or of the items of an array), when the caller gave the schema; else undefined. */
function child(doc, schema, key) {
  if (!doc || !schema) return undefined;
  const s = deref(doc, schema, 'echo path');
  if (key === null) return s.items;
  return (s.properties || {})[key];
}

function isArraySchema(doc, schema) {
  return !!doc && !!schema && typeOf(deref(doc, schema, 'echo path')) === 'array';
}

function setKeys(node, keys, value, doc, schema) {
  if (Array.isArray(node)) {
    let el = node.find((e) => getKeys(e, keys) === undefined);
    if (!el) {
      el = {};
      node.push(el);
    }
    setKeys(el, keys, value, doc, child(doc, schema, null));
    return;
  }
  const [k, ...rest] = keys;
  if (rest.length === 0) {
    node[k] = value;
    return;
  }
  const sub = child(doc, schema, k);
  if (!node[k] || typeof node[k] !== 'object') node[k] = isArraySchema(doc, sub) ? [] : {};
  setKeys(node[k], rest, value, doc, sub);
}

function getKeys(node, keys) {
  let n = node;
  for (const k of keys) {
    if (n === null || typeof n !== 'object' || Array.isArray(n)) return undefined;
    n = n[k];
  }
  return n;
}

module.exports = { paramValue, resultValue, setPath };
