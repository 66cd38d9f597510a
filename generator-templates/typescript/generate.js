#!/usr/bin/env node
// Generates the TypeScript client's spec-derived code from the two bundled documents (generated/spec/):
//   rest-models.ts, ws-models.ts   a type for every schema (money stays string, enums stay open to new values)
//   rest-operations.ts             every REST operation: its typed parameters, its descriptor (method, path,
//                                  parameters and their rules, echoes, status meanings AS DATA) and a typed method
//   ws-methods.ts                  every WebSocket API method, the same way
//   spec-facts.ts                  the outcome vocabulary (info.x-spot-meanings), usage header patterns, servers
//   index.ts                       re-exports
//
//   node generate.js --bundle <generated/spec> --out <generated/typescript>
//
// The operations are read through the spec bundle's own reader (../spec-bundle/writers/lib), so the table here and
// meanings.json / the conformance vectors cannot disagree. Schemas are read generically: nothing here knows the
// shape of a particular schema. The text of each file is in ./templates.
'use strict';

const fs = require('fs');
const path = require('path');
const yaml = require(path.join(__dirname, '..', 'asyncapi', 'node_modules', 'js-yaml'));
const { readOperations } = require(path.join(__dirname, '..', 'spec-bundle', 'writers', 'lib', 'operations'));
const { bundleVocabulary } = require(path.join(__dirname, '..', 'spec-bundle', 'writers', 'meanings'));
const { TypeWriter } = require('./templates/types');
const templates = require('./templates/files');

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--bundle') opts.bundle = path.resolve(argv[i + 1]);
    else if (argv[i] === '--out') opts.out = path.resolve(argv[i + 1]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!opts.bundle || !opts.out) throw new Error('usage: generate.js --bundle <generated/spec> --out <dir>');
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const docs = {};
  for (const name of ['spot-rest.yaml', 'spot-ws-api.yaml']) {
    docs[name] = yaml.load(fs.readFileSync(path.join(opts.bundle, name), 'utf8'));
  }
  const version = fs.readFileSync(path.join(opts.bundle, 'SPEC-SHA256'), 'utf8').trim();
  const vocabulary = bundleVocabulary(docs);
  const operations = readOperations(docs, vocabulary);
  const rest = new TypeWriter(docs['spot-rest.yaml'], 'spot-rest.yaml');
  const ws = new TypeWriter(docs['spot-ws-api.yaml'], 'spot-ws-api.yaml');
  const ctx = { docs, vocabulary, specSha256: version, rest, ws,
    restOps: operations.filter((o) => o.transport === 'rest'), wsOps: operations.filter((o) => o.transport === 'ws') };

  const files = {
    'rest-models.ts': templates.models(rest, 'REST'),
    'ws-models.ts': templates.models(ws, 'WebSocket API'),
    'rest-operations.ts': templates.restOperations(ctx),
    'ws-methods.ts': templates.wsMethods(ctx),
    'spec-facts.ts': templates.specFacts(ctx),
    'index.ts': templates.index(),
  };
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(opts.out, name), text);
  console.log(`[typescript] ${ctx.restOps.length} REST operations, ${ctx.wsOps.length} WebSocket API methods, `
    + `${rest.names().length + ws.names().length} models -> ${path.relative(process.cwd(), opts.out) || opts.out}`);
}

try {
  main();
} catch (e) {
  console.error(`[typescript] generation failed: ${e.message}`);
  process.exit(1);
}
