import type { CollectionFormat, Diagnostic } from '../records.js';

/**
 * The route model: the one description of an API that every emitter reads.
 *
 * It is plain, JSON-serialisable data (no classes, no functions, no `undefined` values that
 * matter) so it can be written to `model.json`, diffed between versions and consumed by other
 * tools. Bump MODEL_VERSION on any change that a consumer could notice.
 */

export const MODEL_VERSION = 2;

/** A small JSON-Schema-like type language. `required` is always explicit on objects. */
export type Schema =
  | ObjectSchema
  | MapSchema
  | ArraySchema
  | StringSchema
  | { type: 'integer' }
  | { type: 'number' }
  | { type: 'boolean' }
  | { type: 'null' }
  | EnumSchema
  | UnionSchema
  | { type: 'file' }
  | { type: 'unknown' };

export interface ObjectSchema {
  type: 'object';
  properties: Record<string, Schema>;
  /**
   * Names of the properties an object is sure to have (sorted): for responses, those present in
   * every sample (or none, under the "optional unless the collection says so" choice); for request
   * bodies, see body.ts. Absent ≠ null: nullability lives in the property's schema.
   */
  required: string[];
  /**
   * Set when this object is a shared entity (`Device`, `App`): the same shape recurring under one
   * property name or folder across operations, with the samples of all its places pooled. Every
   * place of an entity carries the identical schema, so an emitter may declare it once by this
   * name and refer to it; one that ignores the name still has the whole type inline.
   */
  name?: string;
}

/** An object used as a dictionary: keys look like ids, values share one shape. */
export interface MapSchema {
  type: 'map';
  values: Schema;
}

export interface ArraySchema {
  type: 'array';
  items: Schema;
}

export type StringFormat = 'date' | 'date-time' | 'email' | 'uri' | 'uuid';

export interface StringSchema {
  type: 'string';
  format?: StringFormat;
}

/** A closed set of literal values, inferred only from short values seen repeatedly. */
export interface EnumSchema {
  type: 'enum';
  values: Array<string | number | boolean>;
}

export interface UnionSchema {
  type: 'union';
  anyOf: Schema[];
}

/** Where a fact came from, so that errors and docs can point back to the collection. */
export interface SourceRef {
  file: string;
  /** Folder names then the request name, e.g. ["Devices", "List devices"]. */
  itemPath: string[];
}

export interface Variable {
  name: string;
  /** The collection's default value ('' when the collection leaves it empty). */
  default: string;
  type: 'string' | 'number' | 'boolean' | 'secret' | 'any';
  description?: string;
  /** Where it is defined: the collection or a folder/request (item path joined with " / "). */
  scope: string;
}

export type AuthType =
  | 'noauth'
  | 'apikey'
  | 'bearer'
  | 'basic'
  | 'digest'
  | 'oauth1'
  | 'oauth2'
  | 'hawk'
  | 'awsv4'
  | 'ntlm'
  | 'edgegrid'
  | 'jwt'
  | 'asap'
  | (string & {});

export interface Auth {
  type: AuthType;
  /**
   * Auth parameters. Values that reference a variable keep the reference (`{{apiKey}}`);
   * literal secrets are replaced by "<redacted>" so a committed model never leaks one.
   */
  params: Record<string, string>;
  /** Where this auth was declared: "collection", a folder path, or "request". */
  inheritedFrom: string;
}

export type ScalarType = 'string' | 'integer' | 'number' | 'boolean';

export interface Parameter {
  /** The name on the wire. */
  name: string;
  /** A safe camelCase identifier for the generated code. */
  identifier: string;
  schema: Schema;
  required: boolean;
  description?: string;
  /** The collection's value, when it is a literal. */
  example?: string;
  /** The collection variable that supplies the value by default (`{{partnerId}}` → "partnerId"). */
  variable?: string;
  /** A query parameter given several times becomes an array. */
  repeated?: boolean;
}

export interface Header {
  name: string;
  value: string;
  /** Variables the value references, in order of appearance. */
  variables: string[];
  description?: string;
}

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary' | 'graphql' | 'none';

export interface RequestBody {
  kind: BodyKind;
  contentType?: string;
  schema: Schema;
  /** Example bodies, as the collection gives them (raw text; form and multipart as JSON). */
  examples: string[];
  /** Multipart and form fields, in order, with their kind (file parts are "file"). */
  fields?: Array<{ name: string; kind: 'text' | 'file'; contentType?: string; description?: string }>;
  /**
   * Top-level fields whose example is exactly one `{{variable}}` (field → variable): the client
   * fills them from that variable's option when the caller leaves them out.
   */
  variableFields?: Record<string, string>;
  /** GraphQL bodies: the collection's document, which the client sends itself; `schema` is then the variables'. */
  graphql?: { query: string };
}

export interface CsvShape {
  delimiter: string;
  /** Column names from the header row, in order. */
  columns: string[];
}

export interface Response {
  /** HTTP status code; 0 when the example gives none. */
  status: number;
  contentType?: string;
  schema: Schema;
  /** Example names that contributed to this bucket. */
  examples: string[];
  /** The bodies of those examples that have one, as the collection gives them, for docs and OpenAPI. */
  samples?: ResponseSample[];
  /** Response header names seen in the examples (sorted, lower-case), with one sample value each. */
  headers: Record<string, string>;
  /** Set when the body is delimiter-separated text with a header row; `schema` is then an array of rows. */
  csv?: CsvShape;
  /** Set when the schema came from an override, not from examples. */
  schemaSource: 'inferred' | 'override' | 'none';
}

/** One saved example's body: at most the first MAX_SAMPLE_CHARS characters (`truncated` says so). */
export interface ResponseSample {
  name: string;
  body: string;
  truncated?: boolean;
}

export interface Pagination {
  style: 'link-header';
  /** The body field that repeats the links (`links`), when the examples show one. */
  bodyLinks?: string;
  /** Where the page's items are: a dotted path into the JSON body, "" for a top-level array, "csv" for CSV rows. */
  itemsAt: string;
  /** The query parameter that selects a page, when there is one. */
  pageParam?: string;
}

export type RouteStatus = 'confirmed' | 'inferred';

export interface Operation {
  /** Stable id: the Postman item id, or a hash of the item path when the collection has none. */
  id: string;
  /** The request's name in the collection. */
  name: string;
  /** camelCase member name inside its resource (`list`, `importMembers`). */
  identifier: string;
  /** PascalCase prefix for this operation's generated types (`DevicesList`). */
  typeName: string;
  method: string;
  /** Path with `{param}` placeholders, e.g. `/v1/me/apps/{partnerId}/devices`. */
  pathTemplate: string;
  /** The raw origin (`{{baseUrl}}`, `https://api.example.com`) when it differs from the model's baseUrl. */
  baseUrl?: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Header[];
  body?: RequestBody;
  responses: Response[];
  pagination?: Pagination;
  auth: Auth;
  /** Scripts that run around this request, by where they are declared. */
  scripts: { prerequest: string[]; test: string[] };
  description?: string;
  status?: RouteStatus;
  deprecated?: boolean;
  source: SourceRef;
}

export interface Resource {
  name: string;
  /** camelCase namespace name (`staticLists`). */
  identifier: string;
  /** PascalCase name (`StaticLists`). */
  typeName: string;
  id: string;
  description?: string;
  operations: Operation[];
  resources: Resource[];
  source: SourceRef;
}

export interface ApiModel {
  modelVersion: number;
  name: string;
  description?: string;
  /** The origin most operations use: raw (may reference variables) and resolved with the defaults. */
  baseUrl: { raw: string; default: string };
  variables: Variable[];
  auth: Auth;
  /** Requests that sit at the collection's top level, outside any folder. */
  operations: Operation[];
  resources: Resource[];
  source: { file: string; format: CollectionFormat };
  /** How requests are signed, when configured (design §6: signing is chosen by config, not by name). */
  signing?: SigningTrait;
  /** A token obtained from one of the API's own operations, when configured. */
  token?: TokenTrait;
  /** Error labels the API documents, for a typed union (`API_ERR_TOKEN` | …). */
  errorLabels?: string[];
}

/**
 * How requests are signed, as the configuration describes it (no scheme is known by name): the
 * signature is the hex digest of the `parts` concatenated in order with no separator, sent in
 * `signatureHeader`; the time that was signed goes in `timeHeader`. The generated client hands this
 * object, unchanged, to its runtime signer (`SigningScheme` in `templates/runtime/signing.ts`).
 *
 * For instance `{ algorithm: 'sha1', parts: ['body', { variable: 'apiKey' }, 'time'],
 * signatureHeader: 'X-Signature', timeHeader: 'X-Time', timeUnit: 'seconds', hexCase: 'lower' }`:
 * X-Signature = lowercase hex SHA-1 of the body bytes, then the API key, then the Unix seconds.
 */
export interface SigningTrait {
  algorithm: 'sha1' | 'sha256';
  parts: SigningPart[];
  signatureHeader: string;
  timeHeader?: string;
  /** The unit of the signed time, since the Unix epoch (whole units). */
  timeUnit: 'seconds' | 'milliseconds';
  hexCase: 'lower' | 'upper';
}

/**
 * One part of the signed string: the raw body bytes (none: nothing), the signed time, the HTTP
 * method, the full URL as sent, or the value of a variable (a client option; typically a secret key).
 */
export type SigningPart = 'body' | 'time' | 'method' | 'url' | { variable: string };

export interface TokenTrait {
  /** The operation that issues tokens (its id). */
  operationId: string;
  /** Its JSON body, with `{{variable}}` references to client options. */
  body: Record<string, string>;
  /** Where the token and its type are in the answer. */
  tokenField: string;
  typeField?: string;
  /** A failure that means "get a new token and replay": any of these labels with any of these statuses. */
  refresh: { labels: string[]; statuses: number[] };
}

/** `v3` is Postman's folder of YAML files ("Native Git"). */
export type { CollectionFormat, Diagnostic };
