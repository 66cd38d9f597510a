// The Node version is checked in one place (generator-templates/node/check-node.js), before npm ci, by the script
// every module's first node step runs; an older Node stops the build with a message naming the minimum.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './support';

const CHECK = path.join(repoRoot(), 'generator-templates', 'node', 'check-node.js');
const NPM_CI = path.join(repoRoot(), 'generator-templates', 'asyncapi', 'npm-ci-if-needed.js');

function asNode(version: string, script: string, args: string[] = []): { status: number | null; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'spot-node-check-'));
  try {
    const preload = path.join(dir, 'pretend.js');
    writeFileSync(preload, `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } });\n`
      + `Object.defineProperty(process, 'version', { value: ${JSON.stringify(`v${version}`)} });\n`);
    const r = spawnSync(process.execPath, ['-r', preload, script, ...args], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Node version check', () => {
  test('Node 18 is refused, naming the minimum', () => {
    const r = asNode('18.20.0', CHECK);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /needs Node >= 20 .*found v18\.20\.0/);
  });

  test('npm-ci-if-needed.js (every module\'s first node step) refuses Node 18 before running npm', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'spot-npm-ci-'));
    try {
      const r = asNode('18.20.0', NPM_CI, [empty]);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /needs Node >= 20/);
      assert.doesNotMatch(r.stderr, /package-lock.json is missing/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('this Node passes', () => {
    assert.equal(asNode(process.versions.node, CHECK).status, 0);
  });
});
