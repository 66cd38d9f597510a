#!/usr/bin/env node
// Makes the spec bundle that ships as io.spotsdk:spot-sdk-spec (zip):
//   spot-rest.yaml, spot-ws-api.yaml   each self-contained: the shared schemas of spec/common/ are copied in and
//                                      every external $ref becomes a local one
//   SPEC-SHA256                        the spec's hash (see specHash), which the SDK carries in SpotSpec.SHA256 and
//                                      in its MANIFEST
//   ... whatever the writers in ./writers add (meanings table, conformance vectors)
//   SHA256SUMS                         sha256sum format, one line per file above
//
//   node bundle.js --spec-dir <spec/> --out <dir> --version <project version>
//
// The version comes from the pom: the source documents say `version: ${project.version}` and this stamps it, so
// the version is typed in one place. The shared file's `x-spot-*` info entries (the meanings vocabulary) are copied
// into each bundled document's info; a plain $ref bundler would drop them, because they are not reachable by a $ref.
'use strict';

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
// The AsyncAPI template's node_modules hold the one YAML library we pin (generator-templates/asyncapi/package.json).
const yaml = require(path.join(__dirname, '..', 'asyncapi', 'node_modules', 'js-yaml'));

const DOCUMENTS = ['spot-rest.yaml', 'spot-ws-api.yaml'];
const VERSION_PLACEHOLDER = '${project.version}';

class BundleError extends Error {}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new BundleError(`${key} needs a value`);
    if (key === '--spec-dir') opts.specDir = path.resolve(value);
    else if (key === '--out') opts.out = path.resolve(value);
    else if (key === '--version') opts.version = value;
    else throw new BundleError(`unknown argument ${key}`);
  }
  for (const k of ['specDir', 'out', 'version']) if (!opts[k]) throw new BundleError(`--${k.replace('specDir', 'spec-dir')} is required`);
  return opts;
}

const loaded = new Map();
function load(file) {
  if (!loaded.has(file)) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new BundleError(`cannot read ${file}: ${e.message}`);
    }
    loaded.set(file, yaml.load(text, { filename: file }));
  }
  return loaded.get(file);
}

function checkVersion(doc, file) {
  const v = doc && doc.info && doc.info.version;
  if (v !== VERSION_PLACEHOLDER) {
    throw new BundleError(`${file}: info.version is '${v}'; it must be '${VERSION_PLACEHOLDER}' (the build stamps the pom's version)`);
  }
}

/**
 * The shared file is OpenAPI 3.0; the AsyncAPI document reads its schemas as JSON Schema draft-07, which has no
 * `nullable`. A copy that goes into the AsyncAPI bundle gets draft-07's form, `type: [T, 'null']`, so that the
 * bundle says the same thing in its own dialect (and validators of that dialect accept it).
 */
function toDraft07(node, where) {
  if (Array.isArray(node)) return node.forEach((n) => toDraft07(n, where));
  if (!node || typeof node !== 'object') return;
  if (node.nullable === true) {
    if (typeof node.type !== 'string') throw new BundleError(`${where}: nullable without a type has no meaning; give it a type`);
    node.type = [node.type, 'null'];
    delete node.nullable;
  } else if (node.nullable === false) {
    delete node.nullable;
  }
  for (const v of Object.values(node)) toDraft07(v, where);
}

const dialect = (doc) => (doc && doc.asyncapi ? 'asyncapi' : 'openapi');

/** One document with every external component reference copied in under the same name. */
function bundleDocument(mainFile, version) {
  const doc = structuredClone(load(mainFile));
  checkVersion(doc, mainFile);
  doc.components = doc.components || {};
  const imported = new Map(); // "kind/name" -> source file

  const importComponent = (file, pointer, from) => {
    const m = /^\/components\/([A-Za-z]+)\/([A-Za-z0-9_.-]+)$/.exec(pointer);
    if (!m) throw new BundleError(`${from}: only component references can be bundled, got ${file}#${pointer}`);
    const [, kind, name] = m;
    const key = `${kind}/${name}`;
    const localRef = `#/components/${key}`;
    if (imported.has(key)) {
      if (imported.get(key) !== file) throw new BundleError(`${key} comes from both ${imported.get(key)} and ${file}`);
      return localRef;
    }
    const source = load(file);
    const component = source.components && source.components[kind] && source.components[kind][name];
    if (component === undefined) throw new BundleError(`${from}: ${file}#${pointer} does not exist`);
    doc.components[kind] = doc.components[kind] || {};
    if (doc.components[kind][name] !== undefined) {
      throw new BundleError(`${mainFile} defines ${key} itself and also takes it from ${file}: rename one`);
    }
    imported.set(key, file);
    const copy = structuredClone(component);
    if (dialect(source) !== dialect(doc)) toDraft07(copy, `${file}#${pointer}`);
    doc.components[kind][name] = copy;
    rewrite(copy, file, true);
    return localRef;
  };

  // In the main document only external refs move; inside a copied component local refs point into its own file.
  const rewrite = (node, file, external) => {
    if (Array.isArray(node)) return node.forEach((n) => rewrite(n, file, external));
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') {
        const hash = v.indexOf('#');
        const target = hash < 0 ? v : v.slice(0, hash);
        const pointer = hash < 0 ? '' : v.slice(hash + 1);
        if (target !== '') node.$ref = importComponent(path.resolve(path.dirname(file), target), pointer, file);
        else if (external) node.$ref = importComponent(file, pointer, file);
      } else {
        rewrite(v, file, external);
      }
    }
  };
  rewrite(doc, mainFile, false);

  // The vocabulary and any other x-spot-* facts of the shared files' info travel with the document.
  const sources = [...new Set(imported.values())];
  for (const file of sources) {
    const info = load(file).info || {};
    checkVersion(load(file), file);
    for (const [k, v] of Object.entries(info)) {
      if (!k.startsWith('x-spot-')) continue;
      if (doc.info[k] !== undefined && JSON.stringify(doc.info[k]) !== JSON.stringify(v)) {
        throw new BundleError(`info.${k} differs between ${mainFile} and ${file}`);
      }
      doc.info[k] = structuredClone(v);
    }
  }
  doc.info.version = version;
  return doc;
}

function dump(doc) {
  return yaml.dump(doc, { lineWidth: -1, noRefs: true, quotingType: "'" });
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The spec's hash: SHA-256 of the bundled REST document followed by the bundled WebSocket document. */
function specHash(out) {
  return sha256(Buffer.concat(DOCUMENTS.map((d) => fs.readFileSync(path.join(out, d)))));
}

function filesUnder(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]))
    .map((p) => p.split(path.sep).join('/'));
}

/** Writers that add files to the bundle: each exports write({out, docs, version, specDir}). */
function writers() {
  const dir = path.join(__dirname, 'writers');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((f) => require(path.join(dir, f)));
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  fs.rmSync(opts.out, { recursive: true, force: true });
  fs.mkdirSync(opts.out, { recursive: true });
  const docs = {};
  for (const name of DOCUMENTS) {
    docs[name] = bundleDocument(path.join(opts.specDir, name), opts.version);
    fs.writeFileSync(path.join(opts.out, name), dump(docs[name]));
  }
  const hash = specHash(opts.out);
  fs.writeFileSync(path.join(opts.out, 'SPEC-SHA256'), `${hash}\n`);
  for (const w of writers()) w.write({ out: opts.out, docs, version: opts.version, specDir: opts.specDir });
  const sums = filesUnder(opts.out)
    .filter((f) => f !== 'SHA256SUMS')
    .map((f) => `${sha256(fs.readFileSync(path.join(opts.out, f)))}  ${f}\n`)
    .join('');
  fs.writeFileSync(path.join(opts.out, 'SHA256SUMS'), sums);
  console.log(`spot-sdk spec bundle ${opts.version}: ${filesUnder(opts.out).length} files in ${opts.out}; spec sha256 ${hash}`);
}

try {
  main();
} catch (e) {
  console.error(`spec bundle: ${e instanceof BundleError ? e.message : e.stack}`);
  process.exit(1);
}
