#!/usr/bin/env node
// Spec validation of the build, by tools other than our own generators (the spec module runs it after the bundle;
// openapi-generator's `validate --recommend` runs next to it from Maven). Any error fails the build; the warnings we
// keep are listed, with the reason, in spec/VALIDATION.md.
//   1. Redocly CLI lint, recommended rules, on both bundled documents (config: spec/redocly.yaml)
//   2. @asyncapi/parser on the AsyncAPI document, source (external $refs resolved) and bundle
//   3. names: x-spot-name is lowerCamelCase (each language maps it to its own style), and properties that differ
//      only in case (`e`/`E`) each carry a distinct one, in every schema of both bundles, so that no language
//      (TypeScript, Python) gets two fields of one name
//
//   node validate.js --spec-dir <spec/> --bundle-dir <generated/spec/>
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
const yaml = require(path.join(here, '..', 'asyncapi', 'node_modules', 'js-yaml'));

class ValidationError extends Error {}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new ValidationError(`${key} needs a value`);
    if (key === '--spec-dir') opts.specDir = path.resolve(value);
    else if (key === '--bundle-dir') opts.bundleDir = path.resolve(value);
    else throw new ValidationError(`unknown argument ${key}`);
  }
  if (!opts.specDir || !opts.bundleDir) throw new ValidationError('--spec-dir and --bundle-dir are required');
  return opts;
}

/** Redocly's own exit status is the verdict (1 on any error); its summary (problems per rule) goes to the log. */
function redocly(specDir) {
  const cli = path.join(path.dirname(require.resolve('@redocly/cli/package.json', { paths: [here] })), 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', '--config', path.join(specDir, 'redocly.yaml'), '--format=summary'], {
    cwd: specDir,
    encoding: 'utf8',
    // no usage reports, no update check: the build must not talk to anyone
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  if (run.error) throw new ValidationError(`redocly: ${run.error.message}`);
  // Redocly frames a notice about the Node version in a box; the problems are the rest.
  const text = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.trim() && !/[║╔╚]/.test(l)).join('\n');
  console.log(text.replace(/^/gm, '[redocly] '));
  return run.status === 0 ? 0 : 1;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

async function asyncapiParser(files) {
  const { Parser, fromFile } = require(require.resolve('@asyncapi/parser', { paths: [here] }));
  let errors = 0;
  for (const file of files) {
    const { document, diagnostics } = await fromFile(new Parser(), file).parse();
    const counts = SEVERITY.map((s, i) => `${diagnostics.filter((d) => d.severity === i).length} ${s}s`).join(', ');
    console.log(`[asyncapi-parser] ${path.relative(process.cwd(), file)}: ${counts}`);
    for (const d of diagnostics) {
      console.log(`[asyncapi-parser]   ${SEVERITY[d.severity]} ${d.code} at /${d.path.join('/')}: ${d.message}`);
    }
    const fileErrors = diagnostics.filter((d) => d.severity === 0).length;
    if (!document && fileErrors === 0) throw new ValidationError(`${file}: the parser gave no document and no error`);
    errors += fileErrors;
  }
  return errors;
}

/** Every schema object of a document (components and inline), with a JSON pointer for messages. */
function* schemasOf(node, at) {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* schemasOf(node[i], `${at}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.properties && typeof node.properties === 'object' && !Array.isArray(node.properties)) yield [node, at];
  for (const [k, v] of Object.entries(node)) yield* schemasOf(v, `${at}/${k}`);
}

function caseCollisions(file) {
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  const problems = [];
  for (const [schema, at] of schemasOf(doc, '#')) {
    const byLower = new Map();
    for (const [name, prop] of Object.entries(schema.properties)) {
      const key = name.toLowerCase();
      byLower.set(key, [...(byLower.get(key) || []), [name, prop]]);
    }
    for (const [name, prop] of Object.entries(schema.properties)) {
      const n = prop && prop['x-spot-name'];
      if (n !== undefined && (typeof n !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(n))) {
        problems.push(`${path.basename(file)} ${at}: property '${name}' has x-spot-name ${JSON.stringify(n)}; it must be lowerCamelCase`);
      }
    }
    for (const group of byLower.values()) {
      if (group.length < 2) continue;
      const named = group.map(([, p]) => p && p['x-spot-name']);
      if (named.some((n) => typeof n !== 'string') || new Set(named.map((n) => n.toLowerCase())).size !== named.length) {
        problems.push(`${path.basename(file)} ${at}: properties ${group.map(([n]) => `'${n}'`).join(', ')} differ only in case; ` +
          'give each a distinct x-spot-name');
      }
    }
  }
  for (const p of problems) console.log(`[names]   error ${p}`);
  return problems.length;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const results = {};
  results.redocly = redocly(opts.specDir);
  results['asyncapi-parser'] = await asyncapiParser([
    path.join(opts.specDir, 'spot-ws-api.yaml'),
    path.join(opts.bundleDir, 'spot-ws-api.yaml'),
  ]);
  results.names = ['spot-rest.yaml', 'spot-ws-api.yaml'].reduce((n, d) => n + caseCollisions(path.join(opts.bundleDir, d)), 0);
  const failed = Object.entries(results).filter(([, n]) => n > 0).map(([tool]) => tool);
  if (failed.length) throw new ValidationError(`errors from ${failed.join(', ')} (see above)`);
  console.log('spec validation: 0 errors from redocly lint, the AsyncAPI parser and the name check (warnings kept: spec/VALIDATION.md)');
}

main().catch((e) => {
  console.error(`spec validation: ${e instanceof ValidationError ? e.message : e.stack}`);
  process.exit(1);
});
