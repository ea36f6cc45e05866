/**
 * The client core: turns an operation spec and the caller's parameters into an HTTP request,
 * sends it (auth, hooks, signing last, timeout, retries, token replay) and reads the answer.
 * Generated operations are thin: a spec (plain data) plus a call into this core.
 *
 * Every server is treated as possibly hostile: path parameters stay one segment, no redirect
 * leaves the origin, bodies are read up to a limit, each attempt and each call has a time limit,
 * and an answer of an unexpected shape is an error, never an empty result.
 */
import {
  ApiError,
  ConnectionError,
  InvalidResponseError,
  RedirectError,
  ResponseTooLargeError,
  TimeoutError,
  UsageError,
  describeValue,
  readErrorEntries,
  type ApiErrorEntry,
} from './errors.js';
import type { ClientAuth } from './auth.js';
import { DEFAULT_MAX_RESPONSE_BYTES, MAX_ERROR_BODY_BYTES, readBody } from './body.js';
import {
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  retryAfterMs,
  retryDelayMs,
  sleep,
  type RetryPolicy,
} from './retry.js';

/**
 * `[identifier in the params object, name on the wire, collection variable that supplies a default]`,
 * or one name when the identifier is the name on the wire and no variable supplies a default.
 */
export type ParamBinding = string | readonly [identifier: string, wireName: string, variable?: string];

function bindings(list: readonly ParamBinding[] | undefined): Array<readonly [string, string, string?]> {
  return (list ?? []).map((binding) => (typeof binding === 'string' ? [binding, binding] : binding));
}

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary' | 'graphql';

export type CsvColumnType = 'string' | 'integer' | 'number' | 'boolean';

/** How a CSV answer is read (the reader itself, `runtime/csv.ts`, ships only with clients that have one). */
export interface CsvFormat {
  delimiter: string;
  /** Known columns and their types; other columns are read as strings. */
  columns: ReadonlyArray<readonly [name: string, type: CsvColumnType]>;
}

/** A request as a signer sees it: exactly as it will be sent (final URL, headers, body bytes). */
export interface SignableRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | undefined;
}

/** Returns the headers to add. It runs last, after the body is serialised and after `beforeRequest` hooks. */
export type Signer = (request: SignableRequest) => Promise<Record<string, string>> | Record<string, string>;

export type ResponseFormat =
  { kind: 'json' } | { kind: 'text' } | { kind: 'binary' } | { kind: 'none' } | { kind: 'csv'; csv: CsvFormat };

export interface OperationSpec {
  method: string;
  /** Path template with `{wireName}` placeholders. */
  path: string;
  /** An origin of its own, when the operation does not use the client's base URL. */
  baseUrl?: string;
  /** Path, query and header lists are left out of a spec when empty. */
  pathParams?: readonly ParamBinding[];
  query?: readonly ParamBinding[];
  /** Fixed headers from the collection; `{{variable}}` references are filled from client variables. */
  headers?: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * `query`: a GraphQL document sent with the caller's `variables`; `variables`: top-level body
   * fields filled from client variables when the caller leaves them out.
   */
  body?: {
    kind: BodyKind;
    contentType?: string;
    query?: string;
    variables?: ReadonlyArray<readonly [field: string, variable: string]>;
  };
  /** How the answer is read; JSON when absent. */
  response?: ResponseFormat;
  pagination?: { itemsAt: string; bodyLinks?: string; pageParam?: string };
  /** Which of the client's credentials to send ("default": the collection's); none when absent. */
  auth?: string;
  /** Retry even though the method is not idempotent (safe to repeat, such as a token request). */
  retrySafe?: boolean;
}

/** A request as it will be sent; `beforeRequest` hooks may change or replace it. */
export interface PreparedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

export interface Hooks {
  beforeRequest?: (request: PreparedRequest) => PreparedRequest | void | Promise<PreparedRequest | void>;
  afterResponse?: (response: Response, request: PreparedRequest) => void | Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Time allowed for each attempt, in milliseconds (default: the client's, 30,000; 0 for none). */
  timeoutMs?: number;
  /** Time allowed for the whole call, retries and their waits included (default: the client's, 120,000; 0 for none). */
  deadlineMs?: number;
  /** Extra headers for this call: they win over the client's, the collection's and the credentials. */
  headers?: Record<string, string>;
  maxRetries?: number;
  /** Largest answer accepted, in bytes (default: the client's, 64 MiB). */
  maxResponseBytes?: number;
  /** Paged calls: pages read at most before a `PaginationError` (default: the client's, 10,000). */
  maxPages?: number;
}

/** Each attempt of a request gets 30 s unless told otherwise: a silent server never holds a call forever. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** A whole call (each page of a listing), retries and `Retry-After` waits included, gets 2 minutes. */
export const DEFAULT_DEADLINE_MS = 120_000;
/** Same-origin redirects followed at most per call (each one rebuilt and re-signed). */
export const DEFAULT_MAX_REDIRECTS = 5;

export interface CoreConfig {
  baseUrl: string;
  /** Collection variables (client options) used for defaults and `{{…}}` in headers. */
  variables: Record<string, string | undefined>;
  fetch?: typeof fetch;
  signer?: Signer;
  /** Reads CSV answers: given by clients that have operations answering CSV. */
  readCsv?: (text: string, format: CsvFormat) => unknown[];
  /** Per attempt (default 30,000 ms; 0 for none). */
  timeoutMs?: number;
  /** Per call, retries included (default 120,000 ms; 0 for none). */
  deadlineMs?: number;
  /** Largest answer accepted (default 64 MiB); error answers are read up to 64 KiB. */
  maxResponseBytes?: number;
  /** Same-origin redirects followed per call (default 5; 0 follows none). Other redirects are never followed. */
  maxRedirects?: number;
  /** Pages a listing reads at most (default 10,000). */
  maxPages?: number;
  retry?: Partial<RetryPolicy>;
  hooks?: Hooks;
  headers?: Record<string, string>;
  /** Random numbers in [0, 1) for retry jitter. */
  random?: () => number;
  /** The client's own ApiError subclass, so `instanceof` and label types are the client's. */
  errorClass?: new (
    status: number,
    errors: ReadonlyArray<ApiErrorEntry>,
    method: string,
    path: string,
    body: unknown,
    headers: Headers,
  ) => ApiError;
  /** Credentials by the key operation specs name ("default" for the collection's own). */
  auths?: Record<string, ClientAuth>;
}

/** A file for a multipart field: a Blob (or File), raw bytes, or text, with an optional name and type. */
export type FilePart =
  Blob | Uint8Array | { data: Blob | Uint8Array | string; filename?: string; contentType?: string };

export interface CallResult<T> {
  data: T;
  response: Response;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function toText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** Postman's dynamic variables that make sense outside Postman (an idempotency key, a timestamp). */
const DYNAMIC: Record<string, () => string> = {
  $guid: () => globalThis.crypto.randomUUID(),
  $randomUUID: () => globalThis.crypto.randomUUID(),
  $timestamp: () => String(Math.floor(Date.now() / 1000)),
  $isoTimestamp: () => new Date().toISOString(),
  $randomInt: () => String(Math.floor(Math.random() * 1001)),
};

/**
 * A record's own value: names come from collections, and `toLocaleString` or `constructor` must
 * not find Object.prototype's functions.
 */
function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Fills `{{name}}` references; undefined when one of them has no value. */
export function fillVariables(text: string, variables: Record<string, string | undefined>): string | undefined {
  let missing = false;
  const filled = text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_whole, name: string) => {
    const value =
      (own(variables, name) as string | undefined) ?? (Object.hasOwn(DYNAMIC, name) ? DYNAMIC[name]?.() : undefined);
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

function toBlob(part: FilePart): { blob: Blob; filename: string | undefined } {
  if (part instanceof Blob)
    return { blob: part, filename: typeof File !== 'undefined' && part instanceof File ? part.name : 'blob' };
  if (part instanceof Uint8Array) return { blob: new Blob([part as Uint8Array<ArrayBuffer>]), filename: 'blob' };
  const data = part.data instanceof Uint8Array ? (part.data as Uint8Array<ArrayBuffer>) : part.data;
  const options = part.contentType ? { type: part.contentType } : undefined;
  return { blob: new Blob([data], options), filename: part.filename ?? 'blob' };
}

function isFilePart(value: unknown): value is FilePart {
  return (
    value instanceof Blob ||
    value instanceof Uint8Array ||
    (typeof value === 'object' && value !== null && 'data' in value)
  );
}

/** What to send: a GraphQL document with the caller's variables, or the caller's body with bound fields filled. */
function requestBody(
  spec: NonNullable<OperationSpec['body']>,
  params: Record<string, unknown>,
  variables: Record<string, string | undefined>,
): unknown {
  if (spec.query !== undefined)
    return own(params, 'variables') === undefined
      ? { query: spec.query }
      : { query: spec.query, variables: own(params, 'variables') };
  const given = own(params, 'body');
  if (!spec.variables || (given !== undefined && (typeof given !== 'object' || given === null))) return given;
  const filled: Record<string, unknown> = { ...(given as Record<string, unknown> | undefined) };
  for (const [field, variable] of spec.variables)
    if (own(filled, field) === undefined && own(variables, variable) !== undefined)
      filled[field] = own(variables, variable);
  return given === undefined && Object.keys(filled).length === 0 ? undefined : filled;
}

async function encodeBody(
  kind: BodyKind,
  body: unknown,
  declaredType: string | undefined,
): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  switch (kind) {
    case 'json':
    case 'graphql':
      return { bytes: encoder.encode(JSON.stringify(body)), contentType: declaredType ?? 'application/json' };
    case 'form': {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        for (const item of Array.isArray(value) ? value : [value])
          if (item !== undefined && item !== null) form.append(name, toText(item));
      }
      return { bytes: encoder.encode(form.toString()), contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const form = new FormData();
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item === undefined || item === null) continue;
          if (isFilePart(item)) {
            const { blob, filename } = toBlob(item);
            form.append(name, blob, filename);
          } else {
            form.append(name, toText(item));
          }
        }
      }
      // Built in full before sending: the length is known and no `Expect: 100-continue` is needed.
      const encoded = new Response(form);
      return {
        bytes: new Uint8Array(await encoded.arrayBuffer()),
        contentType: encoded.headers.get('content-type') ?? undefined,
      };
    }
    case 'text':
      return { bytes: encoder.encode(String(body)), contentType: declaredType ?? 'text/plain; charset=utf-8' };
    case 'binary': {
      if (body instanceof Uint8Array) return { bytes: body, contentType: declaredType ?? 'application/octet-stream' };
      if (body instanceof ArrayBuffer)
        return { bytes: new Uint8Array(body), contentType: declaredType ?? 'application/octet-stream' };
      if (body instanceof Blob)
        return {
          bytes: new Uint8Array(await body.arrayBuffer()),
          contentType: body.type || declaredType || 'application/octet-stream',
        };
      return { bytes: encoder.encode(String(body)), contentType: declaredType ?? 'application/octet-stream' };
    }
  }
}

/**
 * `.` and `..` (also as `%2E`, in any case): a URL parser collapses such a segment, so a path
 * parameter `..` would climb out of its route. No encoding survives the parsers, hence refusal.
 */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * fetch sends a header value only when it is Latin-1 without line breaks or NUL; other control
 * characters are refused too (some servers treat them as separators).
 */
const UNSENDABLE_VALUE = /[^\t\x20-\x7e\x80-\xff]/;

/** Header and query names whose values are credentials, scrubbed from error entries. */
const SECRET_NAME = /auth|cookie|token|key|secret|signature|password|session/i;

/**
 * The credentials a request carried (header and query values with credential-like names, the
 * signer's headers, the token part of `Bearer …`), so that an error entry echoing them is scrubbed.
 */
function secretsOf(request: PreparedRequest, signed: Record<string, string> | undefined): string[] {
  const signedNames = new Set(Object.keys(signed ?? {}).map((name) => name.toLowerCase()));
  const values: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (SECRET_NAME.test(name) || signedNames.has(name.toLowerCase()))
      values.push(value, ...value.split(/\s+/).slice(1));
  }
  for (const [name, value] of new URL(request.url).searchParams) if (SECRET_NAME.test(name)) values.push(value);
  // Long ones first, so that a token inside "Bearer <token>" is not left half-replaced.
  return [...new Set(values.filter((value) => value.length >= 6))].sort((a, b) => b.length - a.length);
}

function scrub(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

const NO_BYTES = new Uint8Array(0);
const JSON_ANSWER: ResponseFormat = { kind: 'json' };

interface Exchange {
  response: Response;
  bytes: Uint8Array;
}

/**
 * An operation function with a client core bound: what a resource's members are. The rest
 * parameters keep the function's parameter names, optionality and result for hovers.
 */
export function bindCore<Args extends unknown[], Result>(
  core: ClientCore,
  operation: (core: ClientCore, ...args: Args) => Result,
): (...args: Args) => Result {
  return (...args) => operation(core, ...args);
}

/**
 * What every generated resource class shares: the core its methods call through, kept in a
 * private field (it holds the credentials) and out of inspection and JSON.
 */
export abstract class ApiResource {
  readonly #core: ClientCore;

  constructor(core: ClientCore) {
    this.#core = core;
  }

  protected get core(): ClientCore {
    return this.#core;
  }
}

export class ClientCore {
  private readonly fetch: typeof fetch;
  private readonly retry: RetryPolicy;

  constructor(readonly config: CoreConfig) {
    this.fetch = config.fetch ?? globalThis.fetch.bind(globalThis);
    this.retry = { ...DEFAULT_RETRY, ...config.retry };
  }

  /** Calls an operation and returns its parsed answer with the raw response. */
  call<T>(spec: OperationSpec, params: object = {}, options: RequestOptions = {}): Promise<CallResult<T>> {
    return this.execute<T>(spec, params as Record<string, unknown>, options, undefined);
  }

  /** Calls an operation and returns its parsed answer alone. */
  request<T>(spec: OperationSpec, params?: object, options?: RequestOptions): Promise<T> {
    return this.call<T>(spec, params, options).then((result) => result.data);
  }

  /**
   * Calls an operation at its own URL, or at `pageUrl` (a listing's next page, taken as it is),
   * and says which URL answered (after any same-origin redirect). Listings call it for each page
   * (`paged` in `pagination.ts`); the origin check of a next page is theirs.
   */
  callAt<T>(
    spec: OperationSpec,
    params: object,
    options: RequestOptions,
    pageUrl: string | undefined,
  ): Promise<CallResult<T> & { url: string }> {
    return this.execute<T>(spec, params as Record<string, unknown>, options, pageUrl);
  }

  /** The origin an operation's requests go to (its base URL with its `{{variables}}` filled). */
  originOf(spec: OperationSpec): string {
    return new URL(this.baseOf(spec)).origin;
  }

  /** The operation's own origin (its `{{variables}}` filled) or the client's, without a trailing slash. */
  private baseOf(spec: OperationSpec): string {
    const base = spec.baseUrl !== undefined ? fillVariables(spec.baseUrl, this.config.variables) : this.config.baseUrl;
    if (base === undefined || base === '') {
      const needs = spec.baseUrl ?? 'baseUrl';
      throw new UsageError(
        `${spec.method} ${spec.path}: no base URL (${needs} has no value): pass it in the client's options`,
      );
    }
    return base.replace(/\/+$/, '');
  }

  private buildUrl(spec: OperationSpec, params: Record<string, unknown>): URL {
    const { variables } = this.config;
    let path = spec.path;
    for (const [identifier, wireName, variable] of bindings(spec.pathParams)) {
      const value = own(params, identifier) ?? (variable ? own(variables, variable) : undefined);
      if (value === undefined || value === null || value === '') {
        const fallback = variable ? `, or set the client option that fills {{${variable}}}` : '';
        throw new UsageError(
          `${spec.method} ${spec.path}: the path parameter "${identifier}" has no value: pass it in the call${fallback}`,
        );
      }
      let encoded: string;
      try {
        encoded = encodeURIComponent(toText(value));
      } catch {
        throw new UsageError(
          `${spec.method} ${spec.path}: the path parameter "${identifier}" is not well-formed Unicode (it holds a lone surrogate)`,
        );
      }
      path = path.split(`{${wireName}}`).join(encoded);
    }
    // Checked on the whole path, not on the values: "2e" after a stray "%" of the template makes "%2e".
    this.checkSegments(spec, path);
    const url = new URL(`${this.baseOf(spec)}${path}`);
    for (const [identifier, wireName, variable] of bindings(spec.query)) {
      const value = own(params, identifier) ?? (variable ? own(variables, variable) : undefined);
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(wireName, toText(item));
    }
    return url;
  }

  /** A path parameter that makes a whole segment `.` or `..` would move the request to another route. */
  private checkSegments(spec: OperationSpec, path: string): void {
    // A dot segment is made of dots or their escape: a path with neither has none.
    if (!/[.%]/.test(path)) return;
    const template = spec.path.split('/');
    path.split('/').forEach((segment, i) => {
      if (DOT_SEGMENT.test(segment) && template[i]?.includes('{')) {
        throw new UsageError(
          `${spec.method} ${spec.path}: a path parameter makes segment ${i} "${segment}", which URL parsers resolve as a relative path; such an id cannot be sent`,
        );
      }
    });
  }

  private async execute<T>(
    spec: OperationSpec,
    params: Record<string, unknown>,
    options: RequestOptions,
    nextUrl: string | undefined,
  ): Promise<CallResult<T> & { url: string }> {
    let url = nextUrl !== undefined ? new URL(nextUrl) : this.buildUrl(spec, params);
    let method = spec.method;
    let body: Uint8Array | undefined;
    let contentType: string | undefined;
    const payload =
      spec.body && nextUrl === undefined ? requestBody(spec.body, params, this.config.variables) : undefined;
    if (spec.body && payload !== undefined) {
      ({ bytes: body, contentType } = await encodeBody(spec.body.kind, payload, spec.body.contentType));
    }
    const maxRetries = options.maxRetries ?? this.retry.maxRetries;
    const mayRetry = spec.retrySafe === true || isIdempotent(spec.method);
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadlineMs = options.deadlineMs ?? this.config.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const deadline = deadlineMs > 0 ? Date.now() + deadlineMs : Number.POSITIVE_INFINITY;
    const maxBytes = options.maxResponseBytes ?? this.config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const maxRedirects = this.config.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    let retries = 0;
    let redirects = 0;
    // Credentials refused during this call: each gets one renewal and replay, so a token that
    // expires again during a long retry sequence is renewed again, but a refused one never loops.
    const refused = new Set<unknown>();
    for (;;) {
      const path = url.pathname;
      const headers: Record<string, string> = {};
      const set = (entries: Iterable<readonly [string, string]>): void => {
        for (const [name, value] of entries) headers[name.toLowerCase()] = value;
      };
      set(Object.entries(this.config.headers ?? {}));
      for (const [name, template] of spec.headers ?? []) {
        const value = fillVariables(template, this.config.variables);
        if (value !== undefined) set([[name, value]]);
      }
      if (contentType) headers['content-type'] = contentType;
      // Credentials may set a query parameter on the URL; `set` makes that safe to repeat on a retry.
      const target = url;
      const auth = spec.auth === undefined ? undefined : this.config.auths?.[spec.auth];
      // Awaited only when asynchronous: every microtask saved is on every request's path.
      const applied = auth?.apply({ headers, url: target });
      const stamp = applied instanceof Promise ? await applied : applied;
      // The call's own headers win over everything but the signature (an Authorization of its own, say).
      set(Object.entries(options.headers ?? {}));
      delete headers.expect;
      let request: PreparedRequest = { method, url: target.toString(), headers, body };
      const beforeRequest = this.config.hooks?.beforeRequest;
      if (beforeRequest) request = (await beforeRequest(request)) ?? request;
      let signed: Record<string, string> | undefined;
      if (this.config.signer) {
        const signing = this.config.signer({
          method: request.method,
          url: request.url,
          headers: request.headers,
          body: request.body,
        });
        signed = signing instanceof Promise ? await signing : signing;
        // The signer's headers replace any of the same name in any case: `X-Signature`
        // beside a caller's `x-signature` would be sent as one merged, forged value.
        const replaced = new Set(Object.keys(signed).map((name) => name.toLowerCase()));
        for (const name of Object.keys(request.headers))
          if (replaced.has(name.toLowerCase())) delete request.headers[name];
        Object.assign(request.headers, signed);
      }

      // A header fetch would refuse is the caller's mistake, not a network failure: never retried.
      for (const [name, value] of Object.entries(request.headers)) {
        if (!HTTP_TOKEN.test(name) || UNSENDABLE_VALUE.test(value)) {
          throw new UsageError(
            `${request.method} ${path}: the header "${HTTP_TOKEN.test(name) ? name : '(invalid name)'}" cannot be sent (a name must be an HTTP token; a value must be Latin-1 text without line breaks or control characters)`,
          );
        }
      }
      const remaining = deadline - Date.now();
      const attemptMs = timeoutMs > 0 ? timeoutMs : Number.POSITIVE_INFINITY;
      const limitMs = Math.min(attemptMs, remaining);
      let exchange: Exchange;
      try {
        if (remaining <= 0) throw new TimeoutError(request.method, path, deadlineMs, true);
        const timeout = (): TimeoutError =>
          attemptMs <= remaining
            ? new TimeoutError(request.method, path, timeoutMs)
            : new TimeoutError(request.method, path, deadlineMs, true);
        exchange = await this.send(request, options, limitMs, timeout, maxBytes);
      } catch (failure) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (failure instanceof ResponseTooLargeError || (failure instanceof TimeoutError && failure.deadline))
          throw failure;
        const error = failure instanceof TimeoutError ? failure : new ConnectionError(request.method, path, failure);
        const delay =
          mayRetry && retries < maxRetries
            ? retryDelayMs(retries, this.retry, undefined, this.config.random)
            : undefined;
        if (delay === undefined || Date.now() + delay >= deadline) throw error;
        retries++;
        await sleep(delay, options.signal);
        continue;
      }
      const { response, bytes } = exchange;
      const afterResponse = this.config.hooks?.afterResponse;
      if (afterResponse) await afterResponse(response, request);

      const next = this.redirectTarget(response, request, path, redirects, maxRedirects);
      if (next !== undefined) {
        // Followed as a new request: rebuilt, re-authenticated and re-signed for its own URL.
        redirects++;
        url = next;
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          contentType = undefined;
        }
        continue;
      }

      if (response.ok) return { data: this.parse<T>(spec, response, bytes, request), response, url: request.url };

      const error = this.toError(response, bytes, request, path, signed);
      if (stamp !== undefined && !refused.has(stamp) && refused.size < 3 && auth?.refresh?.(error, stamp)) {
        refused.add(stamp);
        continue;
      }
      if (mayRetry && retries < maxRetries && isRetryableStatus(response.status)) {
        const delay = retryDelayMs(
          retries,
          this.retry,
          retryAfterMs(response.headers.get('retry-after'), Date.now()),
          this.config.random,
        );
        // A wait that would outlast the call's deadline is not started: the error is the answer.
        if (delay !== undefined && Date.now() + delay < deadline) {
          retries++;
          await sleep(delay, options.signal);
          continue;
        }
      }
      throw error;
    }
  }

  /**
   * Where a redirect answer leads, when it may be followed: same origin (so no https → http
   * either), within the count. Any other redirect is a RedirectError; undefined when the answer
   * is no redirect. Browsers hide a manual redirect's target (`opaqueredirect`): refused too.
   */
  private redirectTarget(
    response: Response,
    request: PreparedRequest,
    path: string,
    redirects: number,
    maxRedirects: number,
  ): URL | undefined {
    if (response.type === 'opaqueredirect') {
      throw new RedirectError(
        request.method,
        path,
        response.status,
        undefined,
        'the browser hides where it leads, so it cannot be checked',
      );
    }
    // The request's URL is parsed only for an answer that moved: most answers did not.
    if (!response.redirected && !isRedirect(response.status)) return undefined;
    const from = new URL(request.url);
    // A fetch that follows redirects whatever it is told: its answer from elsewhere is not the API's.
    if (response.redirected && response.url !== '' && new URL(response.url).origin !== from.origin) {
      throw new RedirectError(
        request.method,
        path,
        response.status,
        new URL(response.url).origin,
        'the fetch implementation followed it to another origin; that answer is not accepted',
      );
    }
    if (!isRedirect(response.status)) return undefined;
    const location = response.headers.get('location');
    if (location === null) return undefined;
    let target: URL;
    try {
      target = new URL(location, from);
    } catch {
      throw new RedirectError(request.method, path, response.status, undefined, 'its location is not a URL');
    }
    if (target.origin !== from.origin) {
      const why =
        from.protocol === 'https:' && target.protocol === 'http:'
          ? 'it downgrades https to http'
          : 'it leads to another origin, which would receive the credentials';
      throw new RedirectError(request.method, path, response.status, target.origin, `${why} (${target.origin})`);
    }
    if (redirects >= maxRedirects) {
      throw new RedirectError(
        request.method,
        path,
        response.status,
        target.origin,
        `more than ${maxRedirects} redirects (maxRedirects)`,
      );
    }
    return target;
  }

  /**
   * One HTTP exchange, body included, within `limitMs`. Redirects come back as they are
   * (`redirect: 'manual'`). Success bodies past `maxBytes` are an error; error bodies are cut.
   */
  private send(
    request: PreparedRequest,
    options: RequestOptions,
    limitMs: number,
    timeout: () => TimeoutError,
    maxBytes: number,
  ): Promise<Exchange> {
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      ...(request.body ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
    };
    const read = async (): Promise<Exchange> => {
      const response = await this.fetch(request.url, init);
      if (isRedirect(response.status) || response.type === 'opaqueredirect') {
        await response.body?.cancel().catch(() => undefined);
        return { response, bytes: NO_BYTES };
      }
      const { bytes, overLimit } = await readBody(
        response,
        response.ok ? maxBytes : Math.min(maxBytes, MAX_ERROR_BODY_BYTES),
      );
      if (overLimit && response.ok)
        throw new ResponseTooLargeError(request.method, new URL(request.url).pathname, response.status, maxBytes);
      return { response, bytes };
    };
    if (limitMs === Number.POSITIVE_INFINITY) {
      if (options.signal) init.signal = options.signal;
      return read();
    }
    return this.sendWithin(limitMs, timeout, options, init, read);
  }

  private async sendWithin(
    limitMs: number,
    timeout: () => TimeoutError,
    options: RequestOptions,
    init: RequestInit,
    read: () => Promise<Exchange>,
  ): Promise<Exchange> {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    init.signal = controller.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = timeout();
        controller.abort(error);
        reject(error);
      }, limitMs);
    });
    const exchange = read();
    try {
      return await Promise.race([exchange, expired]);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      exchange.catch(() => undefined);
    }
  }

  private parse<T>(spec: OperationSpec, response: Response, bytes: Uint8Array, request: PreparedRequest): T {
    const format = spec.response ?? JSON_ANSWER;
    if (format.kind === 'none') return undefined as T;
    if (format.kind === 'binary') return bytes as T;
    const text = decoder.decode(bytes);
    if (format.kind === 'text') return text as T;
    const invalid = (expected: string, received: string, body: unknown = text): InvalidResponseError =>
      new InvalidResponseError(
        request.method,
        new URL(request.url).pathname,
        `${spec.method} ${spec.path}`,
        response.status,
        expected,
        received,
        body,
      );
    if (format.kind === 'csv') {
      const type = (response.headers.get('content-type') ?? '').toLowerCase();
      const start = text.trimStart();
      if (type.includes('html') || start.startsWith('<')) throw invalid('CSV', 'HTML');
      if (type.includes('json') || (!type.includes('csv') && /^[[{]/.test(start))) {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw invalid('CSV', 'a JSON content type with a body that is not valid JSON');
        }
        throw invalid('CSV', `JSON (${describeValue(json)})`, json);
      }
      // An empty CSV document is a page with no rows (the collection's last page shows one).
      if (start === '') return [] as T;
      if (!this.config.readCsv) throw new TypeError('this client has no CSV reader (readCsv) for a CSV answer');
      try {
        return this.config.readCsv(text, format.csv) as T;
      } catch (error) {
        // The reader throws only on text that is not the CSV the collection shows.
        throw invalid('CSV', `malformed CSV: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const declared = /^[\w.+-]+\/[\w.+-]+$/.test(mediaType) ? `, content type ${mediaType}` : '';
      throw invalid('JSON', `a body that is not valid JSON (${bytes.byteLength} bytes${declared})`);
    }
  }

  private toError(
    response: Response,
    bytes: Uint8Array,
    request: PreparedRequest,
    path: string,
    signed: Record<string, string> | undefined,
  ): ApiError {
    const text = decoder.decode(bytes);
    let body: unknown = text;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the text
    }
    const secrets = secretsOf(request, signed);
    const entries = readErrorEntries(body).map((entry) => ({
      label: scrub(entry.label, secrets),
      message: scrub(entry.message, secrets),
    }));
    const ErrorClass = this.config.errorClass ?? ApiError;
    return new ErrorClass(response.status, entries, request.method, path, body, response.headers);
  }
}
