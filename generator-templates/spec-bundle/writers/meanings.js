// Writes meanings.json: for every REST operation and WebSocket API method, what each declared status means, with
// the code overrides, the resolution order, and for each outcome whether the request executed and whether it may
// be sent again (the spec's vocabulary, info.x-spot-meanings, carried unchanged). Also copies the table's JSON
// Schema (hand-written in spec/schema/meanings.schema.json) into schema/. Nothing here types an outcome name.
'use strict';

const fs = require('fs');
const path = require('path');
const { readVocabulary } = require('./lib/vocabulary');
const { readOperations } = require('./lib/operations');

// The order in which a response finds its meaning; StatusMeanings.resolve in the Java SDK follows it.
const RESOLUTION_ORDER = ['EXACT_STATUS', 'STATUS_RANGE', 'CODE_OVERRIDE', 'ELSE_UNKNOWN'];
const SCHEMAS = ['meanings.schema.json', 'conformance-case.schema.json'];

/** The vocabulary both bundled documents carry; they must carry the same one. */
function bundleVocabulary(docs) {
  const rest = readVocabulary(docs['spot-rest.yaml'].info, 'bundled spot-rest.yaml');
  const ws = readVocabulary(docs['spot-ws-api.yaml'].info, 'bundled spot-ws-api.yaml');
  if (JSON.stringify(rest) !== JSON.stringify(ws)) throw new Error('the two bundled documents carry different x-spot-meanings');
  return rest;
}

function table({ out, docs, version }) {
  const vocabulary = bundleVocabulary(docs);
  const specSha256 = fs.readFileSync(path.join(out, 'SPEC-SHA256'), 'utf8').trim();
  const operations = readOperations(docs, vocabulary).map((o) => {
    const entry = { transport: o.transport, operationId: o.operationId, method: o.method };
    if (o.path !== undefined) entry.path = o.path;
    entry.changesState = o.changesState;
    entry.statuses = o.statuses.map((s) => (s.codeOverrides.length
      ? { status: s.status, outcome: s.outcome, codeOverrides: s.codeOverrides }
      : { status: s.status, outcome: s.outcome }));
    return entry;
  });
  return { specVersion: version, specSha256, resolutionOrder: RESOLUTION_ORDER, outcomes: vocabulary, operations };
}

/** The hand-written JSON Schemas of the table and of a conformance case, copied as they are. */
function copySchemas(out, specDir) {
  fs.mkdirSync(path.join(out, 'schema'), { recursive: true });
  for (const name of SCHEMAS) {
    const from = path.join(specDir, 'schema', name);
    const text = fs.readFileSync(from, 'utf8');
    JSON.parse(text); // a schema that is not JSON must not ship
    fs.writeFileSync(path.join(out, 'schema', name), text);
  }
}

function write(ctx) {
  fs.writeFileSync(path.join(ctx.out, 'meanings.json'), `${JSON.stringify(table(ctx), null, 2)}\n`);
  copySchemas(ctx.out, ctx.specDir);
}

module.exports = { write, table, bundleVocabulary };
