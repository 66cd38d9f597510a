// WS-only models (components/schemas with x-spot-model: true) rendered by Modelina as Jackson classes.
// Schemas shared with REST are not generated again: their Java classes come from the OpenAPI side
// (ctx.shared) and are imported.

import { ConstrainedEnumModel, JavaGenerator, JAVA_JACKSON_PRESET, javaDefaultPropertyKeyConstraints } from '@asyncapi/modelina';
import { SpecError } from './spec';

const HEADER = '// Generated from spec/spot-ws-api.yaml by generator-templates/asyncapi (Modelina). Do not edit.\n';

/** Unknown fields are ignored, so that a new server field never breaks decoding (same rule as REST). */
const IGNORE_UNKNOWN_PRESET = {
  class: {
    self({ content }) {
      return `/**\n * Generated from the spec. Unknown fields are ignored so that new server fields never break decoding.\n */\n` +
        `@JsonIgnoreProperties(ignoreUnknown = true)\n${content}`;
    },
  },
};

/**
 * Java property names: Modelina's defaults, or `x-spot-java-name` on the property schema. Two JSON names
 * that only differ in case (Binance's `e` and `E`) would otherwise become one field and lose data.
 */
function propertyKey() {
  const byDefault = javaDefaultPropertyKeyConstraints();
  const seen = new WeakMap();
  return (args) => {
    const input = args.objectPropertyModel.property && args.objectPropertyModel.property.originalInput;
    const custom = input && typeof input === 'object' ? input['x-spot-java-name'] : undefined;
    const name = custom || byDefault(args);
    let names = seen.get(args.objectModel);
    if (!names) seen.set(args.objectModel, (names = new Map()));
    const other = names.get(name);
    if (other !== undefined && other !== args.objectPropertyModel.propertyName) {
      throw new SpecError(`model '${args.objectModel.name}': properties '${other}' and '${args.objectPropertyModel.propertyName}' ` +
        `both become Java field '${name}'; give one of them x-spot-java-name`);
    }
    names.set(name, args.objectPropertyModel.propertyName);
    return name;
  };
}

export async function renderModels(schemas, ctx) {
  const generator = new JavaGenerator({
    collectionType: 'List',
    presets: [JAVA_JACKSON_PRESET, IGNORE_UNKNOWN_PRESET],
    constraints: { propertyKey: propertyKey() },
    processorOptions: { jsonSchema: { ignoreAdditionalProperties: true } },
  });

  const files = new Map();
  for (const schema of schemas) {
    const outputs = await generator.generate(schema.json());
    for (const out of outputs) {
      const name = out.modelName;
      if (!name || !out.result || !out.result.trim()) continue; // unions of primitives (the request id) render as nothing
      if (ctx.shared.has(name)) {
        if (ctx.shared.get(name) !== `${ctx.sharedPackage}.${name}`) {
          throw new SpecError(`WS model '${schema.id()}' uses shared schema '${name}', which has no Java class of its own`);
        }
        continue;
      }
      if (out.model instanceof ConstrainedEnumModel) {
        // Modelina's enums throw on a value they do not know; the shared (REST) enums are open and keep its text.
        throw new SpecError(`WS model enum '${name}': put enums in common/spot-common.yaml and $ref them`);
      }
      if (/^AnonymousSchema/.test(name)) {
        throw new SpecError(`WS model '${schema.id()}' contains an untitled object schema (${name}); give it a title`);
      }
      const sharedImports = (out.model.getNearestDependencies ? out.model.getNearestDependencies() : [])
        .map((dep) => dep.name)
        .filter((dep) => ctx.shared.has(dep))
        .map((dep) => `import ${ctx.sharedPackage}.${dep};`);
      const imports = [...new Set([...out.dependencies, ...sharedImports])].sort();
      const content = `${HEADER}package ${ctx.modelPackage};\n\n${imports.join('\n')}\n\n${out.result}\n`;
      const previous = files.get(name);
      if (previous !== undefined && previous !== content) {
        throw new SpecError(`two different WS models are both named '${name}'`);
      }
      files.set(name, content);
    }
  }
  if (files.size === 0) throw new SpecError('Modelina produced no WS models');
  return [...files.entries()].map(([name, content]) => ({ name, content }));
}
