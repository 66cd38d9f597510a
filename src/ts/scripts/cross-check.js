#!/usr/bin/env node
// Java and TypeScript must agree on every conformance vector: the same files run, each passing in both or failing in
// both. Reads src/sdk/target/conformance/java-results.json (written by ConformanceVectorsTest) and
// src/ts/target/conformance/ts-results.json (written by conformance.test.ts). A disagreement fails the build. When
// the Java results are absent (Java tests skipped or not run) or from another spec, the comparison is skipped, and
// says so loudly; it never passes silently.
'use strict';

const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const javaFile = path.join(root, 'src', 'sdk', 'target', 'conformance', 'java-results.json');
const tsFile = path.join(root, 'src', 'ts', 'target', 'conformance', 'ts-results.json');
const specSha = fs.readFileSync(path.join(root, 'generated', 'spec', 'SPEC-SHA256'), 'utf8').trim();

function banner(lines) {
  const bar = '*'.repeat(100);
  console.warn([bar, ...lines.map((l) => `* ${l}`), bar].join('\n'));
}

if (!fs.existsSync(tsFile)) {
  console.error(`[cross-check] ${path.relative(root, tsFile)} is missing: the TypeScript conformance test did not run`);
  process.exit(1);
}
const ts = JSON.parse(fs.readFileSync(tsFile, 'utf8'));
if (ts.specSha256 !== specSha) {
  console.error(`[cross-check] the TypeScript results are for spec ${ts.specSha256}, the bundle is ${specSha}`);
  process.exit(1);
}
if (!fs.existsSync(javaFile)) {
  banner(['CROSS-CHECK SKIPPED: no Java conformance results at ' + path.relative(root, javaFile),
    'ConformanceVectorsTest did not run in this build (tests skipped, or -Dtest selected other tests).',
    'Java and TypeScript were NOT compared. Run the full build to compare them.']);
  process.exit(0);
}
const java = JSON.parse(fs.readFileSync(javaFile, 'utf8'));
if (java.specSha256 !== specSha) {
  banner(['CROSS-CHECK SKIPPED: the Java conformance results are from another spec',
    `(${java.specSha256}; the bundle is ${specSha}): stale, from an earlier build.`,
    'Java and TypeScript were NOT compared. Run the full build to compare them.']);
  process.exit(0);
}
const problems = [];
const files = new Set([...Object.keys(java.results), ...Object.keys(ts.results)]);
for (const f of [...files].sort()) {
  const j = java.results[f];
  const t = ts.results[f];
  if (j === undefined) problems.push(`${f}: TypeScript ran it (${t}), Java did not`);
  else if (t === undefined) problems.push(`${f}: Java ran it (${j}), TypeScript did not`);
  else if (j !== t) problems.push(`${f}: Java ${j}, TypeScript ${t}`);
}
const count = (r, v) => Object.values(r).filter((x) => x === v).length;
console.log(`[cross-check] vectors   Java: ${Object.keys(java.results).length} run, ${count(java.results, 'pass')} passed`
  + `   TypeScript: ${Object.keys(ts.results).length} run, ${count(ts.results, 'pass')} passed`);
if (problems.length) {
  console.error(`[cross-check] Java and TypeScript disagree on ${problems.length} vector(s):\n  ${problems.slice(0, 50).join('\n  ')}`);
  process.exit(1);
}
console.log('[cross-check] Java and TypeScript agree on every vector');
