// The shapes of the generated descriptors (generated/typescript/*-operations.ts, ws-methods.ts). The generator writes
// what the spec says as data of these types; the runtime reads nothing else to decide what a response means.

/** An outcome name of info.x-spot-meanings (SUCCESS, REJECTED, ...). */
export type OutcomeName = string;

export interface OutcomeVocabularyEntry {
  readonly executed: 'yes' | 'no' | 'partly' | 'unknown';
  readonly retry: 'never' | 'safe' | 'after-retry-at' | 'after-ban' | 'reconcile-first';
  readonly description: string;
}

export type OutcomeVocabulary = { readonly [name: OutcomeName]: OutcomeVocabularyEntry };

/** One declared status (exact like "400" or a range like "4XX") and what it means; a code may override it. */
export interface StatusMeaning {
  readonly status: string;
  readonly outcome: OutcomeName;
  readonly codeOverrides: ReadonlyArray<{ readonly code: number; readonly outcome: OutcomeName }>;
}

/** A caller's parameter with the rules checked before anything is sent. */
export interface ParamSpec {
  readonly name: string;
  readonly required: boolean;
  /** REST: an array sent as one JSON value (x-spot-json). */
  readonly json?: boolean;
  readonly type?: string;
  /** A decimal carried as text (format: number). */
  readonly decimal?: boolean;
  readonly enum?: ReadonlyArray<string | number | boolean | null>;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

export type SecurityType = 'NONE' | 'TRADE' | 'USER_DATA' | (string & {});

interface Common<P, R> {
  readonly operationId: string;
  readonly summary: string;
  readonly security: SecurityType;
  /** Places or cancels: never resent on the client's own. */
  readonly changesState: boolean;
  readonly weight: number;
  /** The result is a list that the server sends as one bare object when one item was asked for. */
  readonly oneOrMany: boolean;
  /** The spec declares a success result: a success without one is not a success. */
  readonly requiresResult: boolean;
  readonly params: readonly ParamSpec[];
  /** Result fields (dotted paths) that must equal a request parameter whenever the request carried it. */
  readonly echoes: ReadonlyArray<{ readonly field: string; readonly param: string }>;
  /** The table of status meanings, as the spec declares it. */
  readonly statuses: readonly StatusMeaning[];
  /** Type-level only: the parameter and result types. */
  readonly __types?: { readonly params: P; readonly result: R };
}

export interface RestOperation<P, R> extends Common<P, R> {
  readonly transport: 'rest';
  readonly method: string;
  readonly path: string;
}

export interface WsMethod<P, R> extends Common<P, R> {
  readonly transport: 'ws';
  /** The wire method, e.g. order.place. */
  readonly method: string;
  readonly signingParams: readonly string[];
}

export type AnyOperation = RestOperation<unknown, unknown> | WsMethod<unknown, unknown>;
