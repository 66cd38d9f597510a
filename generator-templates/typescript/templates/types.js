// Schema -> TypeScript type text, for one bundled document. Generic over JSON Schema / OpenAPI 3.0 keywords:
// $ref, type, enum, const, oneOf/anyOf (union), allOf (intersection), nullable, items, properties, required,
// additionalProperties. Rules that keep decoding safe whatever the server sends next:
//   - a decimal (type string) stays string, never number;
//   - an enum is its known values OR any other string, so a new value type-checks and stays visible;
//   - an object with properties also admits unknown fields (an index signature), which stay visible.
'use strict';

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function typeName(schemaName) {
  const n = schemaName.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[0-9]/.test(n) ? `_${n}` : n;
}

function propKey(name) {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

function literal(v) {
  return JSON.stringify(v);
}

/** A doc comment from a description (and the wire name's readable name), or nothing. */
function doc(schema, indent, extra) {
  const lines = [];
  if (schema && typeof schema.description === 'string' && schema.description.trim()) {
    lines.push(...schema.description.trim().split('\n'));
  }
  if (extra) lines.push(extra);
  if (!lines.length) return '';
  const safe = lines.map((l) => l.replace(/\*\//g, '*\\/'));
  return `${indent}/**\n${safe.map((l) => `${indent} * ${l}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

class TypeWriter {
  constructor(doc, where) {
    this.doc = doc;
    this.where = where;
    this.schemas = (doc.components && doc.components.schemas) || {};
    // '' inside the models file; 'M.' where the models are imported as M
    this.refPrefix = '';
  }

  names() {
    return Object.keys(this.schemas);
  }

  /** Follows a local $ref to its schema and name. */
  resolve(ref) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!m) throw new Error(`${this.where}: unsupported $ref ${ref}`);
    const name = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
    if (!(name in this.schemas)) throw new Error(`${this.where}: ${ref} does not exist`);
    return { name, schema: this.schemas[name] };
  }

  /** Any local JSON pointer (#/a/b) of the document. */
  pointer(ref) {
    if (!ref.startsWith('#/')) throw new Error(`${this.where}: ${ref} is not a local reference (the bundle is self-contained)`);
    const node = ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n, k) => (n === undefined || n === null ? undefined : n[k]), this.doc);
    if (node === undefined) throw new Error(`${this.where}: ${ref} does not exist`);
    return node;
  }

  /** The schema a node stands for, with $refs followed. */
  deref(schema) {
    let s = schema;
    const seen = new Set();
    while (s && typeof s.$ref === 'string') {
      if (seen.has(s.$ref)) throw new Error(`${this.where}: ${s.$ref} refers to itself`);
      seen.add(s.$ref);
      s = /^#\/components\/schemas\/[^/]+$/.test(s.$ref) ? this.resolve(s.$ref).schema : this.pointer(s.$ref);
    }
    return s;
  }

  /** The type text of a schema, used inline. */
  expr(schema, indent = '') {
    if (schema === undefined || schema === null || schema === true) return 'unknown';
    if (schema.$ref) {
      // a named schema is referred to by its type; any other local pointer is written inline
      if (/^#\/components\/schemas\/[^/]+$/.test(schema.$ref)) return this.refPrefix + typeName(this.resolve(schema.$ref).name);
      return this.expr(this.pointer(schema.$ref), indent);
    }
    let t = this.bare(schema, indent);
    if (schema.nullable === true || (Array.isArray(schema.type) && schema.type.includes('null'))) t = `${paren(t)} | null`;
    return t;
  }

  bare(s, indent) {
    if (s.const !== undefined) return literal(s.const);
    if (Array.isArray(s.enum)) {
      const known = s.enum.filter((v) => v !== null).map(literal);
      const open = s.type === 'integer' || s.type === 'number' ? '(number & {})' : '(string & {})';
      return [...known, open].join(' | ');
    }
    if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) {
      return unique((s.oneOf || s.anyOf).map((x) => paren(this.expr(x, indent)))).join(' | ') || 'unknown';
    }
    if (Array.isArray(s.allOf)) {
      return s.allOf.map((x) => paren(this.expr(x, indent))).join(' & ') || 'unknown';
    }
    const type = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null') : [s.type];
    if (type.length > 1) return type.map((x) => this.bare({ ...s, type: x }, indent)).join(' | ');
    switch (type[0]) {
      case 'string': return 'string';
      case 'integer': case 'number': return 'number';
      case 'boolean': return 'boolean';
      case 'array': return `Array<${this.expr(s.items, indent)}>`;
      case 'object': case undefined:
        if (s.properties) return this.objectBody(s, indent);
        if (s.type === 'object') return `{ [field: string]: ${s.additionalProperties && typeof s.additionalProperties === 'object' ? this.expr(s.additionalProperties, indent) : 'unknown'} }`;
        return 'unknown';
      default: return 'unknown';
    }
  }

  objectBody(s, indent) {
    const inner = `${indent}  `;
    const required = new Set(s.required || []);
    const lines = Object.entries(s.properties).map(([name, p]) => {
      const readable = p && p['x-spot-name'] ? `Readable name: \`${p['x-spot-name']}\`.` : undefined;
      const opt = required.has(name) ? '' : '?';
      const nul = required.has(name) ? '' : ' | null';
      return `${doc(p, inner, readable)}${inner}readonly ${propKey(name)}${opt}: ${this.expr(p, inner)}${nul};`;
    });
    // unknown fields are kept as they came
    lines.push(`${inner}readonly [field: string]: unknown;`);
    return `{\n${lines.join('\n')}\n${indent}}`;
  }

  /** `export type Name = ...` for every schema, plus readable-name views for schemas that declare x-spot-name. */
  declarations() {
    const out = [];
    for (const [name, schema] of Object.entries(this.schemas)) {
      const t = typeName(name);
      out.push(`${doc(schema, '')}export type ${t} = ${this.expr(schema)};`);
      const s = this.deref(schema);
      if (Array.isArray(s.enum)) {
        out.push(`/** The values of ${t} the spec knows; the server may send others. */\nexport const ${t}Known = ${JSON.stringify(s.enum.filter((v) => v !== null))} as const;`);
      }
      const named = s.properties ? Object.entries(s.properties).filter(([, p]) => p && typeof p['x-spot-name'] === 'string') : [];
      if (named.length) {
        const map = Object.fromEntries(named.map(([wire, p]) => [wire, p['x-spot-name']]));
        const required = new Set(s.required || []);
        const fields = named.map(([wire, p]) => {
          const opt = required.has(wire) ? '' : '?';
          return `${doc(p, '  ', `Wire name: \`${wire}\`.`)}  readonly ${propKey(p['x-spot-name'])}${opt}: ${this.expr(p, '  ')}${opt ? ' | null' : ''};`;
        });
        out.push(`/** ${t} with readable names (x-spot-name) for its one-letter wire fields. */\nexport interface ${t}Readable {\n${fields.join('\n')}\n  readonly [field: string]: unknown;\n}`);
        out.push(`/** Wire name -> readable name (x-spot-name) for ${t}. */\nexport const ${t}Names = ${JSON.stringify(map)} as const;`);
      }
    }
    return out.join('\n\n');
  }
}

function paren(t) {
  return /[|&]/.test(t) && !/^\{[\s\S]*\}$/.test(t) ? `(${t})` : t;
}

function unique(list) {
  return [...new Set(list)];
}

module.exports = { TypeWriter, typeName, propKey };
