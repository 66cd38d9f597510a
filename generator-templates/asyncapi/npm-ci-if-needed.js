#!/usr/bin/env node
// Runs `npm ci` in a folder (this one, or the one given as the only argument) unless node_modules was installed from
// the same package-lock.json by the same Node version: the build calls this on every run and a reinstall costs
// ~15 s and ~280 MB. The stamp lives inside node_modules, so deleting node_modules (or `npm ci` failing) forces a
// reinstall. One script for every npm folder of the build (this template, generator-templates/spec-bundle).
//
//   node npm-ci-if-needed.js [folder]
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = process.argv[2] ? path.resolve(process.argv[2]) : __dirname;
const tag = `[${path.basename(dir)}]`;
const lockFile = path.join(dir, 'package-lock.json');
const stampFile = path.join(dir, 'node_modules', '.spot-stamp');

function expectedStamp() {
  const hash = crypto.createHash('sha256');
  hash.update(fs.readFileSync(lockFile));
  hash.update(fs.readFileSync(path.join(dir, 'package.json')));
  hash.update(`\0${process.version}\0${process.platform}\0${process.arch}`);
  return hash.digest('hex');
}

function main() {
  if (!fs.existsSync(lockFile)) {
    console.error(`${tag} ${lockFile} is missing; run 'npm install' there and commit the lockfile`);
    return 1;
  }
  const want = expectedStamp();
  const have = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  if (have === want) {
    console.log(`${tag} node_modules is up to date with package-lock.json; skipping npm ci`);
    return 0;
  }
  console.log(`${tag} installing dependencies: npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // --ignore-scripts: no dependency needs an install script (and one only reports telemetry).
  const run = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.error) {
    console.error(`${tag} could not run npm: ${run.error.message}`);
    return 1;
  }
  if (run.status !== 0) {
    console.error(`${tag} npm ci failed (exit ${run.status}); is package-lock.json in sync with package.json?`);
    return run.status || 1;
  }
  fs.writeFileSync(stampFile, `${want}\n`);
  return 0;
}

process.exit(main());
