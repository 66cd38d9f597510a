// The only template file: renders every Java file of the WebSocket client from the parsed document.
// The generator names outputs after this file; each <File name> is a path under the output folder, whose
// sub-folders generate.js creates beforehand (the generator does not).
import { File } from '@asyncapi/generator-react-sdk';
import { readEvents, readMethods, readServers, sharedTypes, wsModelSchemas } from '../components/spec';
import { paramsClassName, renderParams, renderWsApi, renderWsBlockingApi, renderWsEvents, renderWsMethods, renderWsServers } from '../components/java';
import { renderModels } from '../components/models';

const dir = (pkg) => pkg.replace(/\./g, '/');

export default async function ({ asyncapi, params }) {
  const ctx = {
    shared: sharedTypes(params.sharedSchemas, params.sharedPackage),
    sharedPackage: params.sharedPackage,
    modelPackage: params.modelPackage,
    meanings: JSON.parse(params.meanings),
  };
  const modelSchemas = wsModelSchemas(asyncapi, ctx.shared);
  ctx.wsModels = new Set(modelSchemas.map((s) => s.id()));
  const methods = readMethods(asyncapi, ctx);
  const models = await renderModels(modelSchemas, ctx);
  ctx.nestedModels = new Set(models.map((m) => m.name));
  const events = readEvents(asyncapi, ctx);

  const api = dir(params.apiPackage);
  const files = [
    { name: `${api}/WsMethods.java`, content: renderWsMethods(methods, params.apiPackage) },
    { name: `${api}/WsApi.java`, content: renderWsApi(methods, params.apiPackage) },
    { name: `${api}/WsBlockingApi.java`, content: renderWsBlockingApi(methods, params.apiPackage) },
    { name: `${api}/WsServers.java`, content: renderWsServers(readServers(asyncapi), params.apiPackage) },
    ...(events.length ? [{ name: `${api}/WsEvents.java`, content: renderWsEvents(events, params.apiPackage, params.modelPackage) }] : []),
    ...methods.map((m) => ({ name: `${api}/${paramsClassName(m)}.java`, content: renderParams(m, params.apiPackage) })),
    ...models.map((m) => ({ name: `${dir(params.modelPackage)}/${m.name}.java`, content: m.content })),
  ];
  return files.map((f) => <File name={f.name}>{f.content}</File>);
}
