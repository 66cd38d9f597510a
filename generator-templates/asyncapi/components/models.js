// WS-only models (components/schemas with x-spot-model: true, and the titled objects they contain) as Java
// records, in the same shape as the REST records of generator-templates/openapi/modelRecord.mustache:
// immutable, @JsonIgnoreProperties(ignoreUnknown = true), @JsonProperty on each component, Javadoc from the
// spec's descriptions. Schemas shared with REST are not generated again: their Java classes come from the
// OpenAPI side (ctx.shared) and are imported.

import { doc, Imports, HEADER } from './java';
import { SpecError } from './spec';

const fail = (message) => {
  throw new SpecError(message);
};

const JAVA_KEYWORDS = new Set(('abstract assert boolean break byte case catch char class const continue default do double else enum ' +
  'extends final finally float for goto if implements import instanceof int interface long native new package private ' +
  'protected public return short static strictfp super switch synchronized this throw throws transient try void volatile ' +
  'while true false null _').split(' '));
// A record component may not be called like a method every object has.
const OBJECT_METHODS = new Set(['clone', 'finalize', 'getClass', 'hashCode', 'notify', 'notifyAll', 'toString', 'wait']);

const json = (schema) => (schema && typeof schema.json === 'function' ? schema.json() : {}) || {};

/** The schema's type without 'null' (`[string, 'null']` is a nullable string; every component is nullable anyway). */
function typeOf(schema) {
  const t = schema.type();
  if (!Array.isArray(t)) return t;
  const rest = t.filter((x) => x !== 'null');
  return rest.length === 1 ? rest[0] : undefined;
}

const isObjectWithProperties = (schema) => typeOf(schema) === 'object' && Object.keys(schema.properties() || {}).length > 0;

/**
 * The Java type of one property (qualified names; Imports shortens them). A titled object with properties is a
 * model of its own, which `pending` collects.
 */
function javaType(schema, ctx, where, pending) {
  // `allOf: [{$ref}]` is how a $ref carries siblings (x-spot-name, description): the type is the one it wraps.
  const allOf = schema.allOf();
  if (allOf && allOf.length === 1 && schema.type() === undefined && !schema.title()) {
    return javaType(allOf[0], ctx, where, pending);
  }
  const title = schema.title();
  if (title && ctx.shared.has(title)) return ctx.shared.get(title);
  const oneOf = schema.oneOf() || schema.anyOf();
  if (oneOf && oneOf.length) return 'java.lang.Object'; // e.g. the request id: a number, a string or null
  if (Array.isArray(schema.enum()) && schema.const() === undefined) {
    fail(`${where} has an inline enum; put enums in common/spot-common.yaml and $ref them`);
  }
  const type = typeOf(schema);
  switch (type) {
    case undefined:
      if (schema.type() === undefined) return 'com.fasterxml.jackson.databind.JsonNode'; // `{}`: any JSON, decoded later
      return fail(`${where} has type ${JSON.stringify(schema.type())}; only one type (and null) is supported`);
    case 'string':
      return schema.format() === 'number' ? 'java.math.BigDecimal' : 'String';
    case 'number':
      return 'java.math.BigDecimal';
    case 'integer':
      return schema.format() === 'int32' ? 'Integer' : 'Long';
    case 'boolean':
      return 'Boolean';
    case 'array': {
      const items = schema.items();
      if (!items || Array.isArray(items)) fail(`${where} is an array without one items schema`);
      return `java.util.List<${javaType(items, ctx, `${where}[]`, pending)}>`;
    }
    case 'object':
      if (!isObjectWithProperties(schema)) return 'java.util.Map<String, Object>';
      if (!title) fail(`${where} is an object schema without a title; give it one (its Java name)`);
      pending.push(schema);
      return `${ctx.modelPackage}.${title}`;
    default:
      return fail(`${where} has unsupported type ${JSON.stringify(type)}`);
  }
}

/**
 * Java component names: x-spot-name (the field's readable name in every language: Binance's one-letter event
 * fields, `c` -> clientOrderId), else the JSON name. There is no Java-only name: what Java needs (no two names that
 * differ only in case) every other language needs too, so one language-neutral name serves all templates.
 */
function componentName(jsonName, schema, model) {
  const x = json(schema);
  if (x['x-spot-java-name'] !== undefined) {
    fail(`model '${model}': property '${jsonName}' has x-spot-java-name, which no template reads any more; ` +
      'use x-spot-name (the name in every language)');
  }
  const name = x['x-spot-name'] === undefined ? jsonName : x['x-spot-name'];
  if (typeof name !== 'string' || !/^[a-z][A-Za-z0-9]*$/.test(name) || JAVA_KEYWORDS.has(name) || OBJECT_METHODS.has(name)) {
    fail(`model '${model}': property '${jsonName}' gives Java name ${JSON.stringify(name)}, which is not usable; ` +
      'set x-spot-name to a lowerCamelCase name');
  }
  return name;
}

/** One record: its name, its Java source, and the nested models it refers to. */
function renderRecord(schema, ctx) {
  const name = schema.title();
  const im = new Imports(ctx.modelPackage);
  const pending = [];
  const components = [];
  const byLowerName = new Map();
  for (const [jsonName, prop] of Object.entries(schema.properties() || {})) {
    const where = `model '${name}' property '${jsonName}'`;
    const java = componentName(jsonName, prop, name);
    const clash = byLowerName.get(java.toLowerCase());
    if (clash !== undefined) {
      fail(`model '${name}': properties '${clash}' and '${jsonName}' become Java names that differ only in case; ` +
        'give one of them x-spot-name');
    }
    byLowerName.set(java.toLowerCase(), jsonName);
    components.push({ jsonName, java, type: im.type(javaType(prop, ctx, where, pending)), description: prop.description() });
  }
  if (components.length === 0) fail(`model '${name}' has no properties`);

  const JsonIgnoreProperties = im.use('com.fasterxml.jackson.annotation.JsonIgnoreProperties');
  const JsonInclude = im.use('com.fasterxml.jackson.annotation.JsonInclude');
  const JsonProperty = im.use('com.fasterxml.jackson.annotation.JsonProperty');

  let body = '';
  body += '/**\n';
  if (schema.description()) body += ` * <p>${doc(schema.description())}\n`;
  body += ' * <p>Generated from the spec; immutable. Unknown fields are ignored so that new server fields never break decoding.\n';
  body += ' *\n';
  for (const c of components) {
    const text = c.description ? `: ${doc(c.description)}` : '; null when the payload does not carry it';
    body += ` * @param ${c.java} {@code ${c.jsonName}}${text}\n`;
  }
  body += ' */\n';
  body += `@${JsonIgnoreProperties}(ignoreUnknown = true)\n`;
  body += `@${JsonInclude}(${JsonInclude}.Include.NON_NULL)\n`;
  body += `public record ${name}(\n`;
  body += components.map((c) => `    @${JsonProperty}(${JSON.stringify(c.jsonName)}) ${c.type} ${c.java}`).join(',\n');
  body += '\n) {\n}\n';
  return { name, content: `${HEADER}package ${ctx.modelPackage};\n\n${im.render()}\n${body}`, nested: pending };
}

export function renderModels(schemas, ctx) {
  const files = new Map();
  const queue = [...schemas];
  while (queue.length) {
    const schema = queue.shift();
    const name = schema.title();
    if (ctx.shared.has(name)) fail(`WS model '${name}' has the name of a shared schema; models are not copied`);
    const model = renderRecord(schema, ctx);
    const previous = files.get(name);
    if (previous !== undefined) {
      if (previous !== model.content) fail(`two different WS models are both named '${name}'`);
      continue;
    }
    files.set(name, model.content);
    queue.push(...model.nested);
  }
  if (files.size === 0) fail('no WS models to render');
  return [...files.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, content]) => ({ name, content }));
}
