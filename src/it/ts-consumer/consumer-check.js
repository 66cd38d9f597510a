#!/usr/bin/env node
// Installs the packed TypeScript package from its tarball into a fresh temporary project, compiles consumer.ts and
// every ```ts block of the README (verbatim, one module each, so they compile as pasted) against it with
// `tsc --strict`, and runs consumer.ts against a local server. Part of the test command (`mvn verify`).
//   node src/it/ts-consumer/consumer-check.js <path to spotsdk-spot-sdk-<version>.tgz>
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const tgz = path.resolve(process.argv[2] || '');
if (!process.argv[2] || !fs.existsSync(tgz)) {
  console.error(`[ts-consumer] no package tarball at ${tgz}`);
  process.exit(1);
}
const root = path.resolve(__dirname, '..', '..', '..');
const tsDeps = path.join(root, 'src', 'ts', 'node_modules');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spot-ts-consumer-'));

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { cwd: tmp, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    console.error(`[ts-consumer] ${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

try {
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'spot-ts-consumer', private: true, version: '1.0.0' }));
  // the tarball has no dependencies: nothing is fetched
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tgz], 'npm install of the tarball');
  fs.copyFileSync(path.join(__dirname, 'consumer.ts'), path.join(tmp, 'consumer.ts'));
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const snippets = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
  if (snippets.length === 0) {
    console.error('[ts-consumer] README.md has no ```ts block: the TypeScript section lost its example');
    process.exit(1);
  }
  const snippetFiles = snippets.map((text, i) => {
    const name = `readme-${i + 1}.mts`; // an ES module: a snippet may use top-level await
    // `export {}` keeps each block its own module, so two blocks may declare the same names
    fs.writeFileSync(path.join(tmp, name), `${text}\nexport {};\n`);
    return name;
  });
  fs.writeFileSync(path.join(tmp, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', module: 'node16', moduleResolution: 'node16', strict: true, noEmitOnError: true,
      typeRoots: [path.join(tsDeps, '@types')], types: ['node'], outDir: 'out',
    },
    files: ['consumer.ts', ...snippetFiles],
  }));
  run(process.execPath, [path.join(tsDeps, 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], 'tsc --strict of consumer.ts');
  process.stdout.write(run(process.execPath, [path.join('out', 'consumer.js')], 'running consumer.js'));
  console.log(`[ts-consumer] ${path.basename(tgz)} installs; consumer.ts and ${snippetFiles.length} README block(s) compile under tsc --strict; consumer.ts runs`);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
