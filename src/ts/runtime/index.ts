// The public surface of @spotsdk/spot-sdk: the generated API (models, operations, methods, meanings) and the runtime.
export * from '../../../generated/typescript/index';
export type * from './descriptors';
export * from './outcome';
export { ErrorDetails, type RetryData } from './error-details';
export { cancelReplaceHalves, type CancelReplaceHalves, type OrderOrError } from './halves';
export { ResponseHeaders } from './headers';
export { RateLimitUsage, type UsageEntry } from './usage';
export { Credentials, SigningKeyError, percentEncode, restQuery, wsPayload, type KeyKind } from './signing';
export { resolveMeaning, declares } from './meanings';
export { SpotRestClient, type RestClientOptions } from './rest-client';
export { SpotWsApiClient, type WsClientOptions } from './ws-client';
export { readable } from './readable';
