// Reads the operations of the two bundled documents into one transport-neutral shape: what each status means
// (with its code overrides) and the facts the conformance vectors need (params, result schema, echoes, headers).
// Both writers read the documents through this, so the meanings table and the vectors cannot disagree.
'use strict';

const STATUS_KEY = /^([1-5][0-9][0-9]|[1-5]XX)$/;

/** Follows local $refs (#/a/b) until a node that is not one. */
function deref(doc, node, where) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    const ref = node.$ref;
    if (!ref.startsWith('#/')) throw new Error(`${where}: ${ref} is not a local reference (the bundle is self-contained)`);
    if (seen.has(ref)) throw new Error(`${where}: ${ref} refers to itself`);
    seen.add(ref);
    node = ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n, key) => (n === undefined || n === null ? undefined : n[key]), doc);
    if (node === undefined) throw new Error(`${where}: ${ref} does not exist`);
  }
  return node;
}

function codeOverrides(raw, where, vocabulary) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new Error(`${where}: code overrides must be a list of {code, outcome}`);
  const seen = new Set();
  return raw.map((c) => {
    if (!c || !Number.isInteger(c.code)) throw new Error(`${where}: code override ${JSON.stringify(c)} needs an integer code`);
    if (seen.has(c.code)) throw new Error(`${where}: code ${c.code} is declared twice`);
    seen.add(c.code);
    return { code: c.code, outcome: outcomeName(c.outcome, `${where} code ${c.code}`, vocabulary) };
  }).sort((a, b) => a.code - b.code);
}

function outcomeName(name, where, vocabulary) {
  if (!Object.prototype.hasOwnProperty.call(vocabulary, name)) {
    throw new Error(`${where}: outcome '${name}' is not in info.x-spot-meanings (${Object.keys(vocabulary).join(', ')})`);
  }
  return name;
}

function statusKey(raw, where) {
  const s = String(raw).toUpperCase();
  if (!STATUS_KEY.test(s)) throw new Error(`${where}: '${raw}' is not a status or a range like 4XX`);
  return s;
}

function changesState(op, where) {
  const v = op['x-spot-changes-state'];
  if (typeof v !== 'boolean') throw new Error(`${where}: x-spot-changes-state must be true or false`);
  return v;
}

function checkUnique(statuses, where) {
  const seen = new Set();
  for (const s of statuses) {
    if (seen.has(s.status)) throw new Error(`${where}: status ${s.status} is declared twice`);
    seen.add(s.status);
  }
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * x-spot-weight-rules as the generators read them: a range rule (min, max, count, perItem) needs an integer min of
 * at least 1 (the REST template tells the kinds apart by min), a max not below it, and weight or perItem.
 */
function checkWeightRules(rules, where) {
  (rules || []).forEach((r, i) => {
    const at = `${where}: x-spot-weight-rules[${i}]`;
    if (!r || typeof r.param !== 'string') throw new Error(`${at} needs param`);
    const range = ['min', 'max', 'count', 'perItem'].some((k) => r[k] !== undefined);
    if (!range) {
      if (!Number.isInteger(r.weight)) throw new Error(`${at} needs an integer weight`);
      return;
    }
    if (!Number.isInteger(r.min) || r.min < 1) throw new Error(`${at}: a range rule needs an integer min of at least 1`);
    if (r.max !== undefined && (!Number.isInteger(r.max) || r.max < r.min)) throw new Error(`${at}: max must be an integer >= min`);
    if (!Number.isInteger(r.weight) && !Number.isInteger(r.perItem)) throw new Error(`${at}: a range rule needs weight or perItem`);
  });
}

/** Every REST operation, with its statuses in declared order. */
function restOperations(doc, vocabulary) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths || {})) {
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `spot-rest.yaml ${method.toUpperCase()} ${path}`;
      if (typeof op.operationId !== 'string') throw new Error(`${where}: no operationId`);
      checkWeightRules(op['x-spot-weight-rules'], where);
      const statuses = [];
      const responses = {};
      for (const [key, raw] of Object.entries(op.responses || {})) {
        const status = statusKey(key, `${where} response`);
        const response = deref(doc, raw, `${where} ${key}`);
        const at = `${where} ${status}`;
        statuses.push({
          status,
          outcome: outcomeName(response['x-spot-outcome'], at, vocabulary),
          codeOverrides: codeOverrides(response['x-spot-code-outcomes'], at, vocabulary),
        });
        responses[status] = response;
      }
      if (statuses.length === 0) throw new Error(`${where}: no responses`);
      checkUnique(statuses, where);
      const params = (op.parameters || []).map((p) => deref(doc, p, where)).map((p) => ({
        name: p.name,
        required: p.required === true,
        signing: p['x-spot-signing'] === true,
        schema: p.schema,
      }));
      const success = Object.entries(responses).find(([s]) => /^2/.test(s));
      const json = success && success[1].content && success[1].content['application/json'];
      out.push({
        transport: 'rest',
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        changesState: changesState(op, where),
        statuses,
        facts: {
          weight: op['x-spot-weight'] || 1,
          orderCount: op['x-spot-order-count'] || 0,
          params,
          clientIds: op['x-spot-client-ids'] || [],
          echoes: op['x-spot-echo'] || [],
          resultSchema: json ? json.schema : undefined,
          responses,
        },
      });
    }
  }
  return out;
}

/** Every WebSocket API method (a `send` operation with a reply), with its statuses in declared order. */
function wsOperations(doc, vocabulary) {
  const out = [];
  for (const [key, op] of Object.entries(doc.operations || {})) {
    if (op.action !== 'send' || !op.reply) continue;
    const where = `spot-ws-api.yaml operations/${key}`;
    const message = (list, what) => {
      if (!Array.isArray(list) || list.length !== 1) throw new Error(`${where}: needs exactly one ${what} message`);
      return deref(doc, deref(doc, list[0], where).payload, `${where} ${what}`);
    };
    const request = message(op.messages, 'request');
    const reply = message(op.reply.messages, 'reply');
    const method = request.properties && request.properties.method && request.properties.method.const;
    if (typeof method !== 'string') throw new Error(`${where}: the request has no const method`);
    const raw = op.reply['x-spot-status-outcomes'];
    if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${where}: the reply has no x-spot-status-outcomes`);
    const statuses = raw.map((e, i) => {
      const status = statusKey(e && e.status, `${where} x-spot-status-outcomes[${i}]`);
      const at = `${where} ${status}`;
      return { status, outcome: outcomeName(e.outcome, at, vocabulary), codeOverrides: codeOverrides(e.codeOutcomes, at, vocabulary) };
    });
    checkUnique(statuses, where);
    const paramsSchema = request.properties.params ? deref(doc, request.properties.params, where) : { properties: {} };
    const required = new Set(paramsSchema.required || []);
    const params = Object.entries(paramsSchema.properties || {}).map(([name, schema]) => ({
      name,
      required: required.has(name),
      signing: schema['x-spot-signing'] === true,
      schema,
    }));
    out.push({
      transport: 'ws',
      operationId: key,
      method,
      changesState: changesState(op, where),
      statuses,
      facts: {
        weight: op['x-spot-weight'] || 1,
        orderCount: op['x-spot-order-count'] || 0,
        params,
        clientIds: op['x-spot-client-ids'] || [],
        echoes: op['x-spot-echo'] || [],
        resultSchema: reply.properties && reply.properties.result,
      },
    });
  }
  return out;
}

const byTransportThenId = (a, b) => (a.transport !== b.transport ? (a.transport < b.transport ? -1 : 1)
  : a.operationId < b.operationId ? -1 : a.operationId > b.operationId ? 1 : 0);

/** Both documents' operations, sorted by transport then operationId. */
function readOperations(docs, vocabulary) {
  const ops = [
    ...restOperations(docs['spot-rest.yaml'], vocabulary),
    ...wsOperations(docs['spot-ws-api.yaml'], vocabulary),
  ].sort(byTransportThenId);
  if (!ops.some((o) => o.transport === 'rest') || !ops.some((o) => o.transport === 'ws')) {
    throw new Error('the bundle must have REST operations and WebSocket API methods');
  }
  return ops;
}

module.exports = { readOperations, deref };
