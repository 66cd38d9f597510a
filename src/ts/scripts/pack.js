#!/usr/bin/env node
// Makes the npm package: stages the compiled generated code and runtime (.js + .d.ts, no tests) with a package.json
// whose version is the Maven project's (stamped here, never typed by hand) and whose engines come from the one Node
// check, then `npm pack`s it into target/.
//   node scripts/pack.js --version <project.version>
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { MINIMUM_NODE_MAJOR } = require('../../../generator-templates/node/check-node');

const args = process.argv.slice(2);
const version = args[args.indexOf('--version') + 1];
if (args.indexOf('--version') < 0 || !version) {
  console.error('usage: pack.js --version <version>');
  process.exit(2);
}
const base = path.resolve(__dirname, '..');
const root = path.resolve(base, '..', '..');
const build = path.join(base, 'target', 'build');
const stage = path.join(base, 'target', 'package');

function copyCompiled(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    if (entry.isDirectory()) copyCompiled(src, path.join(to, entry.name));
    else if (/\.(js|d\.ts)$/.test(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, path.join(to, entry.name));
    }
  }
}

fs.rmSync(stage, { recursive: true, force: true });
copyCompiled(path.join(build, 'generated', 'typescript'), path.join(stage, 'dist', 'generated', 'typescript'));
copyCompiled(path.join(build, 'src', 'ts', 'runtime'), path.join(stage, 'dist', 'src', 'ts', 'runtime'));
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
fs.copyFileSync(path.join(base, 'README-package.md'), path.join(stage, 'README.md'));

const source = JSON.parse(fs.readFileSync(path.join(base, 'package.json'), 'utf8'));
const manifest = {
  name: source.name,
  version,
  description: source.description,
  license: source.license,
  engines: { node: `>=${MINIMUM_NODE_MAJOR}` },
  main: './dist/src/ts/runtime/index.js',
  types: './dist/src/ts/runtime/index.d.ts',
  exports: { '.': { types: './dist/src/ts/runtime/index.d.ts', default: './dist/src/ts/runtime/index.js' } },
  files: ['dist', 'LICENSE', 'README.md'],
  sideEffects: false,
};
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = spawnSync(npm, ['pack', '--pack-destination', path.join(base, 'target'), '--loglevel=error'], {
  cwd: stage, encoding: 'utf8', shell: process.platform === 'win32',
});
if (run.status !== 0) {
  console.error(`[ts] npm pack failed:\n${run.stderr}`);
  process.exit(1);
}
const tgz = path.join(base, 'target', run.stdout.trim().split('\n').pop());
const want = path.join(base, 'target', `spotsdk-spot-sdk-${version}.tgz`);
if (tgz !== want) {
  console.error(`[ts] npm pack wrote ${tgz}, expected ${want}`);
  process.exit(1);
}
console.log(`[ts] packed ${path.relative(root, tgz)}`);
