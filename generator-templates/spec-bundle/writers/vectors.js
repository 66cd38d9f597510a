// Writes the conformance vectors under conformance/: language-neutral JSON cases, one file each, that say what a
// client must make of a response (schema/conformance-case.schema.json).
//   conformance/<rest|ws>/<operationId>/<status>.json             one per declared status of every operation; a
//                                                                 range (4XX) gets two statuses it does not name
//   conformance/<rest|ws>/<operationId>/<status>-code<code>.json  one per code override
//   conformance/edge/<name>.json                                  the hand-written odd cases of spec/conformance/
// Every expected outcome of a generated case is the spec's meaning of that status (and code); nothing here names
// an outcome. Usage entries follow the spec's usage-header patterns; retry instants the case's clock.
'use strict';

const fs = require('fs');
const path = require('path');
const { bundleVocabulary } = require('./meanings');
const { readOperations, deref } = require('./lib/operations');
const { paramValue, resultValue, setPath } = require('./lib/samples');

const NOW = 1767225600000; // 2026-01-01T00:00:00Z, the clock of every generated case
const RETRY_AFTER_SECONDS = 120;
// Error codes put in generated error bodies. Any code would do: a status's own meaning must hold for a code the
// spec does not override, so these are only realistic ones.
const SAMPLE_CODES = { 401: -2015, 409: -2021, 418: -1003, 429: -1003 };
const DEFAULT_CODE = { 4: -1102, 5: -1001 };
const FRAME_ID = '{{id}}'; // replaced by the request's id, as JSON, by whoever plays the server

/** Concrete statuses a range stands for: ones the operation does not declare exactly. */
function representatives(range, declared) {
  const first = range[0];
  const preferred = { 4: [400, 404, 405, 410, 415, 422], 5: [500, 503, 502, 504] }[first]
    || Array.from({ length: 100 }, (_, i) => Number(first) * 100 + i);
  const picked = preferred.filter((s) => !declared.has(String(s))).slice(0, 2);
  if (picked.length === 0) throw new Error(`no representative status left for ${range}`);
  return picked;
}

function usageKeyOf(headerName, patterns, intervals) {
  for (const p of patterns) {
    const m = new RegExp(p.pattern, 'i').exec(headerName);
    if (!m) continue;
    const interval = intervals.find((i) => i[0] === m[2].toUpperCase());
    if (!interval) throw new Error(`header ${headerName}: no RateLimitInterval starts with ${m[2]}`);
    return { rateLimitType: p.rateLimitType, interval, intervalNum: Number(m[1]) };
  }
  return null;
}

/** What the REST document knows about usage headers: their patterns and the interval names. */
function restUsageRules(doc) {
  const patterns = Object.values((doc.components && doc.components.headers) || {})
    .filter((h) => h['x-spot-header-pattern'])
    .map((h) => ({ pattern: h['x-spot-header-pattern'], rateLimitType: h['x-spot-rate-limit-type'] }));
  const intervals = deref(doc, { $ref: '#/components/schemas/RateLimitInterval' }, 'RateLimitInterval').enum;
  return { patterns, intervals };
}

function errorCode(status, overrides) {
  const taken = new Set(overrides.map((o) => o.code));
  let code = SAMPLE_CODES[status] || DEFAULT_CODE[String(status)[0]] || -1000;
  while (taken.has(code)) code -= 1;
  return code;
}

function caseFile(op, status, code, name, response, expect, request) {
  const c = { name, operation: op.operationId, transport: op.transport, now: NOW };
  if (request) c.request = request;
  c.response = response;
  c.expect = expect;
  const file = code === undefined ? `${status}.json` : `${status}-code${code}.json`;
  return { rel: `${op.transport}/${op.operationId}/${file}`, body: c };
}

/** The request a success case is sent with: required params, and the ids the call creates (so they can be echoed). */
function requestOf(doc, op) {
  const params = {};
  for (const p of op.facts.params) {
    if (p.signing || !(p.required || op.facts.clientIds.includes(p.name))) continue;
    params[p.name] = paramValue(doc, p.name, p.schema, `${op.transport} ${op.operationId}`);
  }
  return params;
}

function successResult(doc, op, params) {
  const result = resultValue(doc, op.facts.resultSchema, `${op.transport} ${op.operationId} result`);
  for (const e of op.facts.echoes) {
    if (params[e.param] !== undefined) setPath(result, e.field, params[e.param], doc, op.facts.resultSchema);
  }
  return result;
}

function restCases(doc, op, rules) {
  const declared = new Set(op.statuses.map((s) => s.status));
  const params = requestOf(doc, op);
  const out = [];
  for (const entry of op.statuses) {
    const concrete = /XX$/.test(entry.status) ? representatives(entry.status, declared) : [Number(entry.status)];
    const response = op.facts.responses[entry.status];
    const headerNames = Object.keys(response.headers || {});
    const headers = {};
    const usage = [];
    for (const h of headerNames) {
      const key = usageKeyOf(h, rules.patterns, rules.intervals);
      if (h.toLowerCase() === 'retry-after') {
        headers[h] = String(RETRY_AFTER_SECONDS);
      } else if (key) {
        const count = key.rateLimitType === 'ORDERS' ? Math.max(op.facts.orderCount, 1) : op.facts.weight;
        headers[h] = String(count);
        usage.push({ ...key, count });
      }
    }
    const retryAt = headers['Retry-After'] !== undefined ? NOW + RETRY_AFTER_SECONDS * 1000 : null;
    const types = Object.keys(response.content || {});
    const success = entry.outcome === 'SUCCESS' && concrete[0] < 300;
    const bodyFor = (status, code) => {
      if (success) return { type: 'application/json', text: JSON.stringify(successResult(doc, op, params)) };
      if (types[0] === 'text/html') return { type: 'text/html', text: `<html><body><h1>${status}</h1></body></html>` };
      if (types.length === 0) return { type: null, text: '' };
      return { type: 'application/json', text: JSON.stringify({ code, msg: `sample error ${code}` }) };
    };
    const one = (status, code, outcome, nameCode) => {
      const body = bodyFor(status, code);
      const h = body.type ? { 'Content-Type': `${body.type};charset=UTF-8`, ...headers } : { ...headers };
      const expect = { outcome };
      if (!success) expect.code = body.type === 'application/json' ? code : null;
      expect.usage = usage;
      if (outcome === 'RATE_LIMITED' || outcome === 'IP_BANNED') expect.retryAt = retryAt;
      const what = nameCode === undefined ? `status ${status} (declared ${entry.status})` : `status ${status} (declared ${entry.status}) with code ${code}`;
      return caseFile(op, status, nameCode, `${op.operationId} ${what} is ${outcome}`,
        { status, headers: h, body: { text: body.text } }, expect, { params });
    };
    for (const status of concrete) {
      out.push(one(status, success ? undefined : errorCode(status, entry.codeOverrides), entry.outcome));
    }
    for (const o of entry.codeOverrides) out.push(one(concrete[0], o.code, o.outcome, o.code));
  }
  return out;
}

function wsUsage(op) {
  const usage = [{ rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000, count: op.facts.weight }];
  if (op.facts.orderCount > 0) {
    usage.push({ rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100, count: op.facts.orderCount });
  }
  return usage;
}

/** A reply frame with the request's id left as {{id}}; key order as Binance writes it. */
function frame(status, payload, rateLimits) {
  const rest = JSON.stringify({ status, ...payload, rateLimits });
  return `{"id":${FRAME_ID},${rest.slice(1)}`;
}

function wsCases(doc, op) {
  const declared = new Set(op.statuses.map((s) => s.status));
  const params = requestOf(doc, op);
  const usage = wsUsage(op);
  const out = [];
  for (const entry of op.statuses) {
    const concrete = /XX$/.test(entry.status) ? representatives(entry.status, declared) : [Number(entry.status)];
    const one = (status, code, outcome, nameCode) => {
      const success = outcome === 'SUCCESS' && nameCode === undefined && status < 300;
      const expect = { outcome };
      let payload;
      if (success) {
        payload = { result: successResult(doc, op, params) };
      } else {
        const error = { code, msg: `sample error ${code}` };
        if (outcome === 'RATE_LIMITED' || outcome === 'IP_BANNED') {
          error.data = { retryAfter: NOW + RETRY_AFTER_SECONDS * 1000 };
        }
        payload = { error };
        expect.code = code;
      }
      expect.usage = usage;
      if (outcome === 'RATE_LIMITED' || outcome === 'IP_BANNED') expect.retryAt = NOW + RETRY_AFTER_SECONDS * 1000;
      const what = nameCode === undefined ? `status ${status} (declared ${entry.status})` : `status ${status} (declared ${entry.status}) with code ${code}`;
      return caseFile(op, status, nameCode, `${op.method} ${what} is ${outcome}`,
        { status, headers: {}, body: { text: frame(status, payload, usage) } }, expect, { params });
    };
    for (const status of concrete) {
      const success = entry.outcome === 'SUCCESS' && status < 300;
      out.push(one(status, success ? undefined : errorCode(status, entry.codeOverrides), entry.outcome));
    }
    for (const o of entry.codeOverrides) out.push(one(concrete[0], o.code, o.outcome, o.code));
  }
  return out;
}

/** The hand-written cases: each must name an operation of the bundle and an outcome of the vocabulary. */
function edgeCases(specDir, ops, vocabulary) {
  const dir = path.join(specDir, 'conformance');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const file = path.join(dir, f);
    let c;
    try {
      c = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`${file}: not JSON: ${e.message}`);
    }
    if (!ops.some((o) => o.transport === c.transport && o.operationId === c.operation)) {
      throw new Error(`${file}: no ${c.transport} operation '${c.operation}' in the bundle`);
    }
    if (!c.expect || !Object.prototype.hasOwnProperty.call(vocabulary, c.expect.outcome)) {
      throw new Error(`${file}: expect.outcome '${c.expect && c.expect.outcome}' is not in the vocabulary`);
    }
    return { rel: `edge/${f}`, body: c };
  });
}

function write({ out, docs, specDir }) {
  const vocabulary = bundleVocabulary(docs);
  const ops = readOperations(docs, vocabulary);
  const rules = restUsageRules(docs['spot-rest.yaml']);
  const cases = [
    ...ops.flatMap((op) => (op.transport === 'rest' ? restCases(docs['spot-rest.yaml'], op, rules) : wsCases(docs['spot-ws-api.yaml'], op))),
    ...edgeCases(specDir, ops, vocabulary),
  ];
  const seen = new Set();
  for (const c of cases) {
    if (seen.has(c.rel)) throw new Error(`two conformance cases would be written to ${c.rel}`);
    seen.add(c.rel);
    const file = path.join(out, 'conformance', ...c.rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(c.body, null, 2)}\n`);
  }
}

module.exports = { write };
