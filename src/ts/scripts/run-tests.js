#!/usr/bin/env node
// Runs the compiled tests under Node's own test runner. The client uses Node's WebSocket: global from Node 22, behind
// --experimental-websocket on Node 20, so the flag is added only where it is needed.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = path.join(__dirname, '..', 'target', 'build', 'src', 'ts', 'test');
const tests = fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
if (!tests.length) {
  console.error(`[ts] no compiled tests in ${dir}`);
  process.exit(1);
}
const flags = typeof globalThis.WebSocket === 'function' ? [] : ['--experimental-websocket'];
const run = spawnSync(process.execPath, [...flags, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', ...tests], {
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
// The spec reporter prints one line per vector (1,800 lines): the log keeps the failures and the summary only.
const lines = (run.stdout || '').split('\n');
const keep = lines.filter((l) => /✖|^ℹ|Error|expected|outcome:|^\s+at /.test(l) || /^\s*▶/.test(l));
fs.mkdirSync(path.join(__dirname, '..', 'target'), { recursive: true });
fs.writeFileSync(path.join(__dirname, '..', 'target', 'node-test.log'), run.stdout || '');
console.log(keep.join('\n'));
console.log(`[ts] full test log: src/ts/target/node-test.log`);
process.exit(run.status === null ? 1 : run.status);
