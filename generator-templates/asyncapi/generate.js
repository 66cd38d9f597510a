#!/usr/bin/env node
// Generates the Java WebSocket client from spec/spot-ws-api.yaml with this folder's AsyncAPI template,
// through the @asyncapi/generator library API (the AsyncAPI CLI needs a newer Node than we have).
//
//   node generate.js [--spec <file>] [--common <file>] [--out <dir>] [--schema-mapping Name=fully.qualified.Type]...
//
// Defaults are relative to the project root (two folders up). The output folder is emptied first, so
// files of removed methods do not linger. Exits non-zero, with a message, on any problem.
'use strict';

const fs = require('fs');
const path = require('path');
// The vocabulary's rules live with the bundle writers, which read it too.
const { readVocabulary } = require(path.join(__dirname, '..', 'spec-bundle', 'writers', 'lib', 'vocabulary.js'));

const TEMPLATE_DIR = __dirname;
const PROJECT_DIR = path.resolve(__dirname, '..', '..');
const SHARED_PACKAGE = 'io.spotsdk.model';
const API_PACKAGE = 'io.spotsdk.ws.api';
const MODEL_PACKAGE = 'io.spotsdk.ws.model';
const REQUIRED_VERSION = '3.0.0';

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = {
    spec: path.join(PROJECT_DIR, 'spec', 'spot-ws-api.yaml'),
    common: path.join(PROJECT_DIR, 'spec', 'common', 'spot-common.yaml'),
    out: path.join(PROJECT_DIR, 'generated', 'asyncapi', 'src', 'main', 'java'),
    mappings: {},
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (value === undefined) throw new UsageError(`${arg} needs a value`);
    i++;
    if (arg === '--spec') opts.spec = path.resolve(value);
    else if (arg === '--common') opts.common = path.resolve(value);
    else if (arg === '--out') opts.out = path.resolve(value);
    else if (arg === '--schema-mapping') {
      const m = /^([A-Za-z0-9_]+)=([A-Za-z_][\w.]*)$/.exec(value);
      if (!m) throw new UsageError(`--schema-mapping wants Name=fully.qualified.Type, got '${value}'`);
      opts.mappings[m[1]] = m[2];
    } else throw new UsageError(`unknown argument ${arg}`);
  }
  return opts;
}

function readYaml(file, what) {
  const yaml = require('js-yaml');
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the ${what} ${file}: ${e.message}`);
  }
  try {
    return yaml.load(text, { filename: file });
  } catch (e) {
    throw new UsageError(`the ${what} ${file} is not valid YAML: ${e.message}`);
  }
}

/**
 * Shared schema name -> Java type (null: <SHARED_PACKAGE>.<name>). A schema with no properties is a
 * free-form object, which the OpenAPI generator maps to Object instead of generating a class.
 */
function sharedSchemas(commonFile, mappings) {
  const doc = readYaml(commonFile, 'shared schema file');
  const schemas = (doc && doc.components && doc.components.schemas) || {};
  const out = {};
  for (const [name, schema] of Object.entries(schemas)) {
    const freeForm = schema && schema.type === 'object' && !schema.enum && !schema.oneOf && !schema.allOf &&
      Object.keys(schema.properties || {}).length === 0;
    out[name] = mappings[name] || (freeForm ? 'java.lang.Object' : null);
  }
  for (const name of Object.keys(mappings)) {
    if (!(name in out)) throw new UsageError(`--schema-mapping names '${name}', which is not in ${commonFile}`);
  }
  if (Object.keys(out).length === 0) throw new UsageError(`${commonFile} has no components.schemas`);
  return out;
}

/**
 * The outcome vocabulary (info.x-spot-meanings of the shared file): the one list every status meaning must come
 * from. Read here so that no template types it again.
 */
function meanings(commonFile) {
  const doc = readYaml(commonFile, 'shared schema file');
  try {
    return Object.keys(readVocabulary(doc && doc.info, commonFile));
  } catch (e) {
    throw new UsageError(e.message);
  }
}

function javaFiles(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.java')).sort() : [];
}

async function main() {
  const started = Date.now();
  const opts = parseArgs(process.argv.slice(2));

  // Checked before parsing: the template is written and tested against 3.0.0 only (the parser's model differs in 3.1).
  const raw = readYaml(opts.spec, 'AsyncAPI document');
  const version = raw && raw.asyncapi;
  if (version !== REQUIRED_VERSION) {
    throw new UsageError(`${opts.spec} declares asyncapi: ${JSON.stringify(version)}; only ${REQUIRED_VERSION} is supported`);
  }
  const shared = sharedSchemas(opts.common, opts.mappings);

  const apiDir = path.join(opts.out, ...API_PACKAGE.split('.'));
  const modelDir = path.join(opts.out, ...MODEL_PACKAGE.split('.'));
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(apiDir, { recursive: true });
  fs.mkdirSync(modelDir, { recursive: true });

  const Generator = require('@asyncapi/generator');
  const generator = new Generator(TEMPLATE_DIR, opts.out, {
    install: false,
    forceWrite: true, // the output folder is ours and was just emptied; skip the generator's git checks
    templateParams: {
      sharedSchemas: JSON.stringify(shared),
      meanings: JSON.stringify(meanings(opts.common)),
      sharedPackage: SHARED_PACKAGE,
      apiPackage: API_PACKAGE,
      modelPackage: MODEL_PACKAGE,
    },
  });
  await generator.generateFromFile(opts.spec);

  const api = javaFiles(apiDir);
  const models = javaFiles(modelDir);
  for (const must of ['WsMethods.java', 'WsApi.java']) {
    if (!api.includes(must)) throw new Error(`generation wrote no ${must} into ${apiDir}`);
  }
  if (!api.some((f) => f.endsWith('Params.java'))) throw new Error(`generation wrote no params classes into ${apiDir}`);
  if (models.length === 0) throw new Error(`generation wrote no models into ${modelDir}`);
  const stray = fs.readdirSync(opts.out).filter((f) => f !== API_PACKAGE.split('.')[0]);
  if (stray.length) throw new Error(`generation wrote unexpected files into ${opts.out}: ${stray.join(', ')}`);

  console.log(`[asyncapi] ${path.relative(PROJECT_DIR, opts.spec)} -> ${api.length} files in ${API_PACKAGE}, ` +
    `${models.length} in ${MODEL_PACKAGE} (${models.map((f) => f.replace('.java', '')).join(', ')}) in ${Date.now() - started} ms`);
}

main().catch((e) => {
  console.error(`[asyncapi] GENERATION FAILED: ${e && e.message ? e.message : e}`);
  if (e && Array.isArray(e.diagnostics)) {
    for (const d of e.diagnostics.filter((x) => x.severity === 0)) {
      console.error(`  ${d.code}: ${d.message} at ${JSON.stringify(d.path)}`);
    }
  }
  if (process.env.SPOT_GEN_DEBUG && e && e.stack) console.error(e.stack);
  process.exit(1);
});
