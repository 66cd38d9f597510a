#!/usr/bin/env node
// npm ci for this template, when its lockfile changed (spec/pom.xml and src/sdk/pom.xml call this file by name).
'use strict';

process.argv[2] = __dirname;
require('../node/npm-ci-if-needed');
