#!/usr/bin/env node
// Copies every ```java block of the README, verbatim, into a source tree the consumer project compiles:
//   <out>/main/<path of its package>/<Type>.java   a snippet for application code
//   <out>/test/...                                 a snippet that imports org.junit (a user's test)
//   <out>/java21/...                               a snippet whose first line says "Java 21+" (compiled only by a JDK >= 21)
// A snippet must be a whole compilation unit: its imports and one public type named after the file. So a snippet
// that does not compile here would not compile for a user who pastes it either.
//
//   node readme-snippets.js <README.md> <out dir>
'use strict';

const fs = require('fs');
const path = require('path');

function fail(message) {
  console.error(`readme-snippets: ${message}`);
  process.exit(1);
}

const [readme, out] = process.argv.slice(2);
if (!readme || !out) fail('usage: node readme-snippets.js <README.md> <out dir>');
const lines = fs.readFileSync(readme, 'utf8').split('\n');

const snippets = [];
for (let i = 0; i < lines.length; i++) {
  if (lines[i].trim() !== '```java') continue;
  const start = i + 1;
  let end = start;
  while (end < lines.length && lines[end].trim() !== '```') end++;
  if (end === lines.length) fail(`${readme}:${i + 1}: a java block that never ends`);
  snippets.push({ line: start + 1, text: lines.slice(start, end).join('\n') + '\n' });
  i = end;
}
if (snippets.length === 0) fail(`${readme} has no java blocks`);

fs.rmSync(out, { recursive: true, force: true });
const seen = new Map();
for (const s of snippets) {
  const type = /^public\s+(?:final\s+|abstract\s+)*(?:class|record|interface|enum)\s+([A-Za-z_]\w*)/m.exec(s.text);
  if (!type) fail(`${readme}:${s.line}: the snippet has no public top-level type, so it cannot be compiled as pasted`);
  const pkg = /^package\s+([\w.]+)\s*;/m.exec(s.text);
  const kind = /^\s*\/\/.*Java 21\+/.test(s.text.split('\n')[0]) ? 'java21' : /^import\s+(static\s+)?org\.junit\./m.test(s.text) ? 'test' : 'main';
  const rel = path.join(kind, ...(pkg ? pkg[1].split('.') : []), `${type[1]}.java`);
  if (seen.has(rel)) fail(`${readme}:${s.line}: ${rel} is also defined at line ${seen.get(rel)}`);
  seen.set(rel, s.line);
  fs.mkdirSync(path.join(out, path.dirname(rel)), { recursive: true });
  fs.writeFileSync(path.join(out, rel), s.text);
  console.log(`readme-snippets: README.md:${s.line} -> ${rel}`);
}
console.log(`readme-snippets: ${snippets.length} snippets`);
