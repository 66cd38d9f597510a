#!/usr/bin/env node
// The one place the build's Node version is checked (README: Node >= 20 and npm). Every module's first node
// execution is generator-templates/asyncapi/npm-ci-if-needed.js, which calls this before anything else; the
// TypeScript package's `engines` is stamped from MINIMUM_NODE_MAJOR.
'use strict';

const MINIMUM_NODE_MAJOR = 20;

function check() {
  const major = Number(process.versions.node.split('.')[0]);
  if (!(major >= MINIMUM_NODE_MAJOR)) {
    console.error(`[node] this build needs Node >= ${MINIMUM_NODE_MAJOR} (and npm); found ${process.version}`);
    process.exit(1);
  }
}

module.exports = { MINIMUM_NODE_MAJOR, check };

if (require.main === module) check();
