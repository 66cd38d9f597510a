// Reads the parsed AsyncAPI document into a plain description of the WebSocket methods.
// Everything the Java renderers need is checked here, so that a bad document fails the build with a
// message that names the operation, instead of producing Java that does not compile (or, worse, does).

const SECURITY = ['NONE', 'TRADE', 'USER_DATA', 'USER_STREAM'];
const STATUS_KEY = /^([1-5][0-9][0-9]|[1-5]XX)$/;
const JAVA_KEYWORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double else enum ' +
  'extends final finally float for goto if implements import instanceof int interface long native new package private ' +
  'protected public return short static strictfp super switch synchronized this throw throws transient try void volatile ' +
  'while true false null record var yield').split(' '));

export class SpecError extends Error {}

function fail(message) {
  throw new SpecError(message);
}

/** order.place -> ["order", "place"]; account.rateLimits.orders -> ["account", "rate", "limits", "orders"] */
function words(method) {
  return method
    .split(/[^A-Za-z0-9]+/)
    .flatMap((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .filter(Boolean);
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

export function javaNames(method) {
  const w = words(method);
  const pascal = w.map((x) => cap(x.toLowerCase())).join('');
  return {
    constant: w.map((x) => x.toUpperCase()).join('_'),
    pascal,
    camel: pascal.charAt(0).toLowerCase() + pascal.slice(1),
  };
}

/**
 * The shared schemas (spec/common/spot-common.yaml) as {name -> Java type}. Free-form objects without
 * properties (EmptyResult) have no class on the REST side either: the OpenAPI generator maps them to Object.
 */
export function sharedTypes(sharedJson, sharedPackage) {
  let shared;
  try {
    shared = JSON.parse(sharedJson || '');
  } catch (e) {
    fail(`template parameter sharedSchemas is not JSON: ${e.message}`);
  }
  const types = new Map();
  for (const [name, javaType] of Object.entries(shared)) {
    types.set(name, javaType || `${sharedPackage}.${name}`);
  }
  if (types.size === 0) fail('template parameter sharedSchemas names no shared schema');
  return types;
}

function ext(model, name) {
  const json = typeof model.json === 'function' ? model.json() : model;
  return json ? json[name] : undefined;
}

/** Java type of a result schema; `imports` collects the fully qualified names used. */
function resultType(schema, ctx, where) {
  const title = schema.title();
  if (title && ctx.shared.has(title)) return ctx.shared.get(title);
  if (title && ctx.wsModels.has(title)) return `${ctx.modelPackage}.${title}`;
  const type = schema.type();
  if (type === 'array') {
    const items = schema.items();
    if (!items || Array.isArray(items)) fail(`${where}: array result needs one items schema`);
    return `java.util.List<${resultType(items, ctx, where)}>`;
  }
  fail(`${where}: result schema ${title ? `'${title}'` : '(untitled)'} is neither a shared schema ` +
    `(common/spot-common.yaml, by title) nor a WS model (x-spot-model: true), nor an array of them`);
}

/** Java type of one param, and whether it goes on the wire as a JSON array. */
function paramType(name, schema, ctx, where) {
  const title = schema.title();
  const type = schema.type();
  if (title && ctx.shared.has(title)) {
    if (type === 'string' && Array.isArray(schema.enum())) return { type: ctx.shared.get(title), list: false, isEnum: true };
    // A shared parameter schema (Symbol, ClientOrderId, ...) is a constrained primitive: no class of its own.
    if (!['string', 'integer', 'boolean'].includes(type)) {
      fail(`${where}: param '${name}' refers to shared schema '${title}', which is neither an enum nor a primitive`);
    }
  }
  if (Array.isArray(schema.enum())) {
    fail(`${where}: param '${name}' has an inline enum; put enums under components/schemas in common/spot-common.yaml and $ref them`);
  }
  switch (type) {
    case 'string':
      return { type: schema.format() === 'number' ? 'java.math.BigDecimal' : 'String', list: false };
    case 'integer':
      return { type: schema.format() === 'int32' ? 'Integer' : 'Long', list: false };
    case 'boolean':
      return { type: 'Boolean', list: false };
    case 'array': {
      const items = schema.items();
      if (items && !Array.isArray(items) && items.type() === 'string' && !items.enum()) {
        return { type: 'java.util.List<String>', list: true };
      }
      fail(`${where}: param '${name}' is an array of something other than strings`);
    }
    // falls through (fail throws)
    default:
      fail(`${where}: param '${name}' has unsupported type ${JSON.stringify(type)}`);
  }
}

/**
 * One bound from the schema: {value (decimal text), exclusive}. AsyncAPI 3.0.0 schemas are JSON Schema draft-07,
 * where an exclusive bound is a number of its own (`exclusiveMinimum: 0`); with both `minimum` and
 * `exclusiveMinimum` the stricter one applies. (OpenAPI 3.0's boolean form is refused by the parser already.)
 */
function bound(inclusive, exclusive, lower, name, where) {
  const key = lower ? 'minimum' : 'maximum';
  const exKey = lower ? 'exclusiveMinimum' : 'exclusiveMaximum';
  for (const [k, v] of [[key, inclusive], [exKey, exclusive]]) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) {
      fail(`${where}: param '${name}' has ${k} ${JSON.stringify(v)}; draft-07 wants a number`);
    }
  }
  const candidates = [];
  if (inclusive !== undefined) candidates.push({ value: inclusive, exclusive: false });
  if (exclusive !== undefined) candidates.push({ value: exclusive, exclusive: true });
  if (candidates.length === 0) return null;
  const stricter = (a, b) => {
    if (a.value === b.value) return a.exclusive ? a : b;
    return (lower ? a.value > b.value : a.value < b.value) ? a : b;
  };
  const b = candidates.reduce(stricter);
  return { value: String(b.value), exclusive: b.exclusive };
}

/** The checks the generated validate() makes before anything is sent: the spec's own keywords, nothing else. */
function rules(name, schema, t, where) {
  const r = {
    minLength: schema.minLength(),
    maxLength: schema.maxLength(),
    pattern: schema.pattern(),
    minimum: bound(schema.minimum(), schema.exclusiveMinimum(), true, name, where),
    maximum: bound(schema.maximum(), schema.exclusiveMaximum(), false, name, where),
    known: t.isEnum === true,
  };
  const isText = t.type === 'String';
  const isNumber = ['java.math.BigDecimal', 'Long', 'Integer'].includes(t.type);
  for (const k of ['minLength', 'maxLength']) {
    if (r[k] === undefined) continue;
    if (!isText) fail(`${where}: param '${name}' has ${k}, but it is not a string`);
    if (!Number.isInteger(r[k]) || r[k] < 0) fail(`${where}: param '${name}' has ${k} ${r[k]}, not a non-negative integer`);
  }
  if (r.pattern !== undefined) {
    if (!isText) fail(`${where}: param '${name}' has a pattern, but it is not a string`);
    try {
      new RegExp(r.pattern);
    } catch (e) {
      fail(`${where}: param '${name}' has pattern ${JSON.stringify(r.pattern)}, which is not a regular expression: ${e.message}`);
    }
  }
  if ((r.minimum || r.maximum) && !isNumber) fail(`${where}: param '${name}' has a numeric bound, but it is not a number`);
  return r;
}

function statusOutcomes(raw, where, OUTCOMES) {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(`${where}: the reply has no x-spot-status-outcomes; every reply must say what each status means`);
  }
  const seen = new Set();
  return raw.map((entry, i) => {
    const status = String(entry && entry.status).toUpperCase();
    if (!STATUS_KEY.test(status)) fail(`${where}: x-spot-status-outcomes[${i}].status '${entry && entry.status}' is not a status or NXX`);
    if (seen.has(status)) fail(`${where}: status ${status} is declared twice`);
    seen.add(status);
    if (!OUTCOMES.includes(entry.outcome)) fail(`${where}: status ${status} has outcome '${entry.outcome}', not one of ${OUTCOMES.join(', ')}`);
    const codes = (entry.codeOutcomes || []).map((c) => {
      if (!Number.isInteger(c.code) || !OUTCOMES.includes(c.outcome)) {
        fail(`${where}: status ${status} has a bad codeOutcomes entry ${JSON.stringify(c)}`);
      }
      return { code: c.code, outcome: c.outcome };
    });
    return { status, outcome: entry.outcome, codes, description: entry.description };
  });
}

const RESULT_PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;

/** x-spot-echo: [{field, param}], a dotted path into the result and a param of the method. */
function readEchoes(raw, params, where) {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail(`${where}: x-spot-echo must be a list of {field, param}`);
  return raw.map((e, i) => {
    if (!e || typeof e.field !== 'string' || !RESULT_PATH.test(e.field)) {
      fail(`${where}: x-spot-echo[${i}].field must be a dotted path into the result, e.g. newOrderResponse.clientOrderId`);
    }
    const p = params.find((x) => x.name === e.param);
    if (!p) fail(`${where}: x-spot-echo[${i}] names param '${e.param}', which is not a param`);
    if (p.signing || p.list) fail(`${where}: x-spot-echo[${i}] names param '${e.param}', which cannot be echoed`);
    return { field: e.field, param: e.param };
  });
}

const EFFECTS = ['EXISTS', 'CANCELED', 'NONE_OPEN', 'LISTED'];

/**
 * x-spot-settled-by: [{part, operation, effect, key: [{param, from}], match?: [{field, from}]}], how an unknown
 * outcome is settled: the query method, what its answer must show, and its params taken from this method's params
 * (or, as `<part>.<field>`, from what an earlier part found). LISTED needs match: the fields a listed entry must
 * have, each equal to a param of this method. Every method that changes state must declare one; the query and its
 * params are checked once all methods are read.
 */
function readSettlements(raw, params, changesState, where) {
  if (raw === undefined) {
    if (changesState) fail(`${where}: changes state but has no x-spot-settled-by; say which query settles an unknown outcome`);
    return [];
  }
  if (!Array.isArray(raw) || raw.length === 0) fail(`${where}: x-spot-settled-by must be a non-empty list of {part, operation, effect, key}`);
  return raw.map((s, i) => {
    const at = `${where}: x-spot-settled-by[${i}]`;
    if (!s || typeof s.part !== 'string' || typeof s.operation !== 'string') fail(`${at} needs part and operation`);
    if (!EFFECTS.includes(s.effect)) fail(`${at}.effect '${s.effect}' is not one of ${EFFECTS.join(', ')}`);
    if (!Array.isArray(s.key) || s.key.length === 0) fail(`${at}.key must list {param, from}`);
    const key = s.key.map((k, j) => {
      if (!k || typeof k.param !== 'string' || typeof k.from !== 'string') fail(`${at}.key[${j}] needs param and from`);
      const dot = k.from.indexOf('.');
      if (dot > 0) {
        const earlier = k.from.slice(0, dot);
        if (!raw.slice(0, i).some((e) => e && e.part === earlier)) fail(`${at}.key[${j}].from '${k.from}' names no earlier part '${earlier}'`);
      } else if (!params.some((p) => p.name === k.from)) fail(`${at}.key[${j}].from '${k.from}' is not a param of this method`);
      return { param: k.param, from: k.from };
    });
    if (s.legs !== undefined && typeof s.legs !== 'string') fail(`${at}.legs must name the query of one leg`);
    if (s.match !== undefined && (!Array.isArray(s.match) || s.match.length === 0)) fail(`${at}.match must list {field, from}`);
    if (s.effect === 'LISTED' && s.match === undefined) fail(`${at}: LISTED needs match, the fields a listed entry must have`);
    if (s.effect !== 'LISTED' && s.match !== undefined) fail(`${at}: only LISTED takes match`);
    const match = (s.match || []).map((m, j) => {
      if (!m || typeof m.field !== 'string' || typeof m.from !== 'string') fail(`${at}.match[${j}] needs field and from`);
      if (!params.some((p) => p.name === m.from)) fail(`${at}.match[${j}].from '${m.from}' is not a param of this method`);
      return { field: m.field, from: m.from };
    });
    return { part: s.part, operation: s.operation, effect: s.effect, key, legs: s.legs || null, match };
  });
}

/** Each settlement names a method of this document, and its key names that method's params. */
function checkSettlements(methods) {
  for (const m of methods) {
    for (const s of m.settlements) {
      const q = methods.find((x) => x.method === s.operation);
      if (!q) fail(`${m.method}: x-spot-settled-by names '${s.operation}', which is not a method of this document`);
      for (const k of s.key) {
        if (!q.params.some((p) => p.name === k.param)) fail(`${m.method}: x-spot-settled-by key '${k.param}' is not a param of ${s.operation}`);
      }
      if (s.legs && !methods.some((x) => x.method === s.legs)) fail(`${m.method}: x-spot-settled-by legs '${s.legs}' is not a method of this document`);
    }
  }
}

/** Names of the WS-only schemas that become Java models (components/schemas with x-spot-model: true). */
export function wsModelSchemas(asyncapi, shared) {
  const out = [];
  for (const schema of asyncapi.components().schemas().all()) {
    if (ext(schema, 'x-spot-model') !== true) continue;
    const name = schema.id();
    if (schema.title() !== name) fail(`components/schemas/${name}: a model schema needs title '${name}'`);
    if (shared.has(name)) fail(`components/schemas/${name}: the name is a shared schema's; models are not copied`);
    out.push(schema);
  }
  if (out.length === 0) fail('no components/schemas entry has x-spot-model: true, so there would be no WS models');
  return out;
}

/** The request/reply methods of the document, in document order. */
export function readMethods(asyncapi, ctx) {
  const version = asyncapi.version();
  if (version !== '3.0.0') fail(`the document is AsyncAPI ${version}; this template needs exactly 3.0.0`);

  const methods = [];
  const seenMethods = new Set();
  for (const op of asyncapi.operations().all()) {
    const opId = op.id();
    const where = `operations/${opId}`;
    if (op.action() !== 'send') {
      if (op.reply()) fail(`${where}: only 'send' operations may have a reply`);
      continue; // events (serverShutdown) have no method
    }
    const reply = op.reply();
    if (!reply) fail(`${where}: a 'send' operation needs a reply`);
    const requests = op.messages().all();
    const replies = reply.messages().all();
    if (requests.length !== 1 || replies.length !== 1) fail(`${where}: needs exactly one request and one reply message`);

    const request = requests[0].payload();
    const props = (request && request.properties()) || {};
    const methodSchema = props.method;
    const method = methodSchema && methodSchema.const();
    if (typeof method !== 'string' || !method) fail(`${where}: the request payload needs properties.method with a const method name`);
    if (seenMethods.has(method)) fail(`${where}: method '${method}' is declared twice`);
    seenMethods.add(method);
    const names = javaNames(method);
    if (names.camel !== opId) fail(`${where}: the operation of method '${method}' must be called '${names.camel}'`);

    const params = [];
    const paramsSchema = props.params;
    if (paramsSchema) {
      const required = new Set(paramsSchema.required() || []);
      for (const [name, schema] of Object.entries(paramsSchema.properties() || {})) {
        if (!/^[a-z][A-Za-z0-9]*$/.test(name) || JAVA_KEYWORDS.has(name)) fail(`${where}: param '${name}' is not usable as a Java name`);
        const signing = ext(schema, 'x-spot-signing') === true;
        const t = paramType(name, schema, ctx, where);
        const checks = signing ? null : rules(name, schema, t, where);
        params.push({ name, signing, required: required.has(name), description: schema.description(), ...t, rules: checks });
      }
      for (const r of required) {
        if (!params.some((p) => p.name === r)) fail(`${where}: required param '${r}' is not among the properties`);
      }
    }

    const response = replies[0].payload();
    const result = response && response.properties() && response.properties().result;
    if (!result) fail(`${where}: the reply payload needs a properties.result schema`);

    const security = ext(op, 'x-spot-security');
    if (!SECURITY.includes(security)) fail(`${where}: x-spot-security '${security}' is not one of ${SECURITY.join(', ')}`);
    const weight = ext(op, 'x-spot-weight');
    if (!Number.isInteger(weight) || weight < 0) fail(`${where}: x-spot-weight must be a non-negative integer`);
    const changesState = ext(op, 'x-spot-changes-state');
    if (typeof changesState !== 'boolean') fail(`${where}: x-spot-changes-state must be true or false`);
    const clientIds = ext(op, 'x-spot-client-ids') || [];
    for (const id of clientIds) {
      if (!params.some((p) => p.name === id)) fail(`${where}: x-spot-client-ids names '${id}', which is not a param`);
    }
    const orderCount = ext(op, 'x-spot-order-count') || 0;
    if (!Number.isInteger(orderCount) || orderCount < 0) fail(`${where}: x-spot-order-count must be a non-negative integer`);
    const weightRules = (ext(op, 'x-spot-weight-rules') || []).map((r, i) => {
      if (!r || typeof r.param !== 'string' || !(Number.isInteger(r.weight) || Number.isInteger(r.perItem))) fail(`${where}: x-spot-weight-rules[${i}] needs param and weight (or perItem)`);
      if (!params.some((p) => p.name === r.param)) fail(`${where}: x-spot-weight-rules[${i}] names '${r.param}', which is not a param`);
      if (r.min !== undefined || r.max !== undefined || r.count !== undefined || r.perItem !== undefined) {
        return readRangeRule(r, `${where}: x-spot-weight-rules[${i}]`);
      }
      return { param: r.param, equals: r.equals === undefined ? null : String(r.equals), absent: r.absent === true, weight: r.weight };
    });
    const oneOrMany = ext(op, 'x-spot-one-or-many') === true;
    const echoes = readEchoes(ext(op, 'x-spot-echo'), params, where);
    const settlements = readSettlements(ext(op, 'x-spot-settled-by'), params, changesState, where);
    const restTwin = ext(op, 'x-spot-rest-twin');
    if (restTwin !== undefined && typeof restTwin !== 'string') fail(`${where}: x-spot-rest-twin must be an operationId`);

    methods.push({
      method,
      names,
      summary: op.summary(),
      description: op.description(),
      security,
      weight,
      weightRules,
      oneOrMany,
      orderCount,
      changesState,
      clientIds,
      echoes,
      settlements,
      restTwin,
      resultType: resultType(result, ctx, `${where} reply`),
      params,
      outcomes: statusOutcomes(ext(reply, 'x-spot-status-outcomes'), `${where} reply`, ctx.meanings),
    });
  }
  if (methods.length === 0) fail('the document has no send operation with a reply, so there would be no methods');
  checkSettlements(methods);
  return methods;
}

/**
 * A range rule: {param, min (>= 1), max?, count?, perItem?, weight?}. The param's number (its JSON array's item
 * count when count) in [min, max] weighs weight, or perItem per unit.
 */
function readRangeRule(r, where) {
  if (!Number.isInteger(r.min) || r.min < 1) fail(`${where}: a range rule needs an integer min of at least 1`);
  if (r.max !== undefined && (!Number.isInteger(r.max) || r.max < r.min)) fail(`${where}: max must be an integer >= min`);
  if (r.perItem === undefined && !Number.isInteger(r.weight)) fail(`${where}: a range rule needs weight or perItem`);
  return {
    param: r.param, range: true, count: r.count === true, min: r.min, max: r.max === undefined ? null : r.max,
    perItem: r.perItem || 0, weight: r.weight || 0,
  };
}

/** The servers, by their x-spot-environment name, as wss:// URLs. */
export function readServers(asyncapi) {
  const out = [];
  for (const server of asyncapi.servers().all()) {
    const env = ext(server, 'x-spot-environment');
    if (!/^[A-Z][A-Z0-9_]*$/.test(env || '')) fail(`servers/${server.id()}: x-spot-environment must be an UPPER_CASE name`);
    out.push({ env, url: `${server.protocol()}://${server.host()}${server.pathname() || ''}`, description: server.description() });
  }
  if (!out.some((s) => s.env === 'TESTNET')) fail('servers: no server has x-spot-environment TESTNET (the default)');
  return out;
}

/**
 * The events of the document (its receive operations), in document order: the event type (the `e` const of the
 * payload's `event` object), the model it decodes into, and whether it belongs to the user data stream (its frame
 * carries a subscriptionId).
 */
export function readEvents(asyncapi, ctx) {
  const events = [];
  const seen = new Set();
  for (const op of asyncapi.operations().all()) {
    if (op.action() !== 'receive') continue;
    const where = `operations/${op.id()}`;
    const messages = op.messages().all();
    if (messages.length !== 1) fail(`${where}: an event needs exactly one message`);
    const frame = messages[0].payload();
    const props = (frame && frame.properties()) || {};
    const event = props.event;
    if (!event) fail(`${where}: the message payload needs properties.event (the event object)`);
    const model = event.title();
    if (!model || !(ctx.wsModels.has(model) || ctx.nestedModels.has(model))) {
      fail(`${where}: the event schema ${model ? `'${model}'` : '(untitled)'} is not a WS model (x-spot-model: true)`);
    }
    const e = event.properties() && event.properties().e;
    const type = e && e.const();
    if (typeof type !== 'string' || !type) fail(`${where}: the event schema needs properties.e with a const event type`);
    if (seen.has(type)) fail(`${where}: event type '${type}' is declared twice`);
    seen.add(type);
    events.push({ type, model, names: javaNames(type), summary: op.summary(), userDataStream: props.subscriptionId !== undefined });
  }
  return events;
}
