/**
 * The contract between the two first stages: `load` turns any Postman input (v1, v2.0, v2.1, a
 * Native Git folder) into these plain records, and `model` reads nothing else. They hold what a
 * collection says, already normalised (every value text, every description plain text, disabled
 * entries kept and marked), and nothing of the parser that read it: no SDK object leaves `load`.
 */

/** The Postman format a collection was written in. */
export type CollectionFormat = 'v1' | 'v2.0' | 'v2.1' | 'v3';

/** A non-fatal finding while loading or modelling (an example that could not be parsed, say). */
export interface Diagnostic {
  level: 'warning' | 'info';
  message: string;
  where: string;
}

/**
 * A request of the input that does not become an operation, and why. The loader keeps the list
 * (beside the warnings it reports) so that every request of a file is accounted for: it is either
 * an operation of the model or one of these.
 */
export interface SkippedRequest {
  /** The file and the place inside it (item path, JSON path or YAML file). */
  where: string;
  why: string;
}

/**
 * A key and its value: a header, a query or path parameter, a variable, an auth parameter.
 * Values are text as Postman would send them; an object value is its JSON.
 */
export interface PairRecord {
  key: string;
  /** Undefined when the input gives no value at all (not the same as an empty one). */
  value?: string;
  disabled?: boolean;
  description?: string;
  /** A variable's declared type (`string`, `secret`…), or a form field's (`text`, `file`). */
  type?: string;
  /** A form field's own content type. */
  contentType?: string;
}

export interface UrlRecord {
  protocol?: string;
  /** The host as written, segments joined with dots (`{{baseUrl}}`, `api.example.com`). */
  host: string;
  port?: string;
  /** Path segments as written (`v1`, `:id`, `{{version}}`). */
  path: string[];
  /** Declared path variables (`:id`) with their example values. */
  variables: PairRecord[];
  query: PairRecord[];
}

export interface BodyRecord {
  /** Postman's body mode: raw, urlencoded, formdata, file, graphql (others are kept as written). */
  mode: string;
  disabled?: boolean;
  raw?: string;
  /** The raw body's declared language (`json`, `xml`…). */
  language?: string;
  /** The fields of a urlencoded or formdata body. */
  fields?: PairRecord[];
  graphql?: { query?: string; variables?: unknown };
}

export interface AuthRecord {
  /** Postman's auth type (`bearer`, `apikey`, `noauth`…). */
  type: string;
  params: PairRecord[];
}

export interface RequestRecord {
  method: string;
  url: UrlRecord;
  headers: PairRecord[];
  body?: BodyRecord;
  /** Undefined: inherited from the parent. */
  auth?: AuthRecord;
  description?: string;
}

/** A saved example. */
export interface ResponseRecord {
  name: string;
  /** The status code, 0 when the example gives none. */
  code: number;
  /** The reason phrase as saved ("Not Found"), which may stand in for a missing code. */
  status?: string;
  headers: PairRecord[];
  body: string;
  /** The request the example was saved from. */
  originalRequest?: RequestRecord;
}

/** A script at some level (collection, folder, request). */
export interface ScriptRecord {
  listen: string;
  disabled: boolean;
  source: string;
}

export interface FolderRecord {
  kind: 'folder';
  id: string;
  name: string;
  description?: string;
  /** Undefined: inherited from the parent. */
  auth?: AuthRecord;
  events: ScriptRecord[];
  variables: PairRecord[];
  items: ItemRecord[];
}

export interface RequestItemRecord {
  kind: 'request';
  id: string;
  name: string;
  description?: string;
  events: ScriptRecord[];
  variables: PairRecord[];
  /** Undefined for an item that holds no request (reported, not modelled). */
  request?: RequestRecord;
  responses: ResponseRecord[];
}

export type ItemRecord = FolderRecord | RequestItemRecord;

export interface CollectionRecord {
  name: string;
  description?: string;
  auth?: AuthRecord;
  events: ScriptRecord[];
  variables: PairRecord[];
  items: ItemRecord[];
}

/** A loaded collection: its records, where it came from, and what loading found. */
export interface LoadedCollection {
  /** The file as the user named it (used in messages and in the model's `source`). */
  file: string;
  format: CollectionFormat;
  collection: CollectionRecord;
  /** Findings while loading (items skipped, say); the model builder adds its own. */
  diagnostics: Diagnostic[];
  /** Requests of the input that are not in `collection`, each also reported in `diagnostics`. */
  skipped: SkippedRequest[];
}
