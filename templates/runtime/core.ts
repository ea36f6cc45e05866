/**
 * The client core: turns an operation spec and the caller's parameters into an HTTP request,
 * sends it (auth, hooks, signing last, timeout, retries, token replay) and reads the answer.
 * Generated operations are thin: a spec (plain data) plus a call into this core.
 */
import { ApiError, ConnectionError, TimeoutError, readErrorEntries, type ApiErrorEntry } from './errors.js';
import type { ClientAuth } from './auth.js';
import type { Signer } from './signing.js';
import { readCsvRows, type CsvFormat } from './csv.js';
import { parseLinkHeader } from './link.js';
import { PagedCall, type Page, type PageLinks } from './pagination.js';
import { DEFAULT_RETRY, isIdempotent, isRetryableStatus, retryAfterMs, retryDelayMs, sleep, type RetryPolicy } from './retry.js';

/** `[identifier in the params object, name on the wire, collection variable that supplies a default]` */
export type ParamBinding = readonly [identifier: string, wireName: string, variable?: string];

export type BodyKind = 'json' | 'form' | 'multipart' | 'text' | 'binary' | 'graphql';

export type ResponseFormat =
  | { kind: 'json' }
  | { kind: 'text' }
  | { kind: 'binary' }
  | { kind: 'none' }
  | { kind: 'csv'; csv: CsvFormat };

export interface OperationSpec {
  method: string;
  /** Path template with `{wireName}` placeholders. */
  path: string;
  /** An origin of its own, when the operation does not use the client's base URL. */
  baseUrl?: string;
  pathParams: readonly ParamBinding[];
  query: readonly ParamBinding[];
  /** Fixed headers from the collection; `{{variable}}` references are filled from client variables. */
  headers: ReadonlyArray<readonly [name: string, value: string]>;
  /**
   * `query`: a GraphQL document sent with the caller's `variables`; `variables`: top-level body
   * fields filled from client variables when the caller leaves them out.
   */
  body?: { kind: BodyKind; contentType?: string; query?: string; variables?: ReadonlyArray<readonly [field: string, variable: string]> };
  response: ResponseFormat;
  pagination?: { itemsAt: string; bodyLinks?: string };
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
  timeoutMs?: number;
  /** Extra headers for this call: they win over the client's, the collection's and the credentials. */
  headers?: Record<string, string>;
  maxRetries?: number;
}

export interface CoreConfig {
  baseUrl: string;
  /** Collection variables (client options) used for defaults and `{{…}}` in headers. */
  variables: Record<string, string | undefined>;
  fetch?: typeof fetch;
  signer?: Signer;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  hooks?: Hooks;
  headers?: Record<string, string>;
  /** Random numbers in [0, 1) for retry jitter. */
  random?: () => number;
  /** The client's own ApiError subclass, so `instanceof` and label types are the client's. */
  errorClass?: new (status: number, errors: ReadonlyArray<ApiErrorEntry>, method: string, path: string, body: unknown, headers: Headers) => ApiError;
  /** Credentials by the key operation specs name ("default" for the collection's own). */
  auths?: Record<string, ClientAuth>;
}

/** A file for a multipart field: a Blob (or File), raw bytes, or text, with an optional name and type. */
export type FilePart = Blob | Uint8Array | { data: Blob | Uint8Array | string; filename?: string; contentType?: string };

export interface CallResult<T> {
  data: T;
  response: Response;
}

/** A `next` link that leads off the API's origin is not followed: it would receive the credentials. */
export class PaginationError extends Error {
  override readonly name = 'PaginationError';
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
    const value = (own(variables, name) as string | undefined) ?? (Object.hasOwn(DYNAMIC, name) ? DYNAMIC[name]?.() : undefined);
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : filled;
}

function toBlob(part: FilePart): { blob: Blob; filename: string | undefined } {
  if (part instanceof Blob) return { blob: part, filename: typeof File !== 'undefined' && part instanceof File ? part.name : 'blob' };
  if (part instanceof Uint8Array) return { blob: new Blob([part as Uint8Array<ArrayBuffer>]), filename: 'blob' };
  const data = part.data instanceof Uint8Array ? (part.data as Uint8Array<ArrayBuffer>) : part.data;
  const options = part.contentType ? { type: part.contentType } : undefined;
  return { blob: new Blob([data], options), filename: part.filename ?? 'blob' };
}

function isFilePart(value: unknown): value is FilePart {
  return value instanceof Blob || value instanceof Uint8Array || (typeof value === 'object' && value !== null && 'data' in value);
}

/** What to send: a GraphQL document with the caller's variables, or the caller's body with bound fields filled. */
function requestBody(spec: NonNullable<OperationSpec['body']>, params: Record<string, unknown>, variables: Record<string, string | undefined>): unknown {
  if (spec.query !== undefined) return own(params, 'variables') === undefined ? { query: spec.query } : { query: spec.query, variables: own(params, 'variables') };
  const given = own(params, 'body');
  if (!spec.variables || (given !== undefined && (typeof given !== 'object' || given === null))) return given;
  const filled: Record<string, unknown> = { ...(given as Record<string, unknown> | undefined) };
  for (const [field, variable] of spec.variables) if (own(filled, field) === undefined && own(variables, variable) !== undefined) filled[field] = own(variables, variable);
  return given === undefined && Object.keys(filled).length === 0 ? undefined : filled;
}

async function encodeBody(kind: BodyKind, body: unknown, declaredType: string | undefined): Promise<{ bytes: Uint8Array; contentType: string | undefined }> {
  switch (kind) {
    case 'json':
    case 'graphql':
      return { bytes: encoder.encode(JSON.stringify(body)), contentType: declaredType ?? 'application/json' };
    case 'form': {
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
        for (const item of Array.isArray(value) ? value : [value]) if (item !== undefined && item !== null) form.append(name, toText(item));
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
      return { bytes: new Uint8Array(await encoded.arrayBuffer()), contentType: encoded.headers.get('content-type') ?? undefined };
    }
    case 'text':
      return { bytes: encoder.encode(String(body)), contentType: declaredType ?? 'text/plain; charset=utf-8' };
    case 'binary': {
      if (body instanceof Uint8Array) return { bytes: body, contentType: declaredType ?? 'application/octet-stream' };
      if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), contentType: declaredType ?? 'application/octet-stream' };
      if (body instanceof Blob) return { bytes: new Uint8Array(await body.arrayBuffer()), contentType: body.type || declaredType || 'application/octet-stream' };
      return { bytes: encoder.encode(String(body)), contentType: declaredType ?? 'application/octet-stream' };
    }
  }
}

function readItems(data: unknown, itemsAt: string): unknown[] {
  if (itemsAt === '' || itemsAt === 'csv') return Array.isArray(data) ? data : [];
  let value: unknown = data;
  for (const key of itemsAt.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return Array.isArray(value) ? value : [];
}

function readLinks(response: Response, data: unknown, bodyLinks: string | undefined, base: string): PageLinks {
  const links: PageLinks = {};
  const absolute = (uri: string): string => new URL(uri, base).toString();
  for (const link of parseLinkHeader(response.headers.get('link'))) {
    for (const rel of link.rels) {
      if ((rel === 'first' || rel === 'prev' || rel === 'next') && links[rel] === undefined) links[rel] = absolute(link.uri);
    }
  }
  if (bodyLinks && typeof data === 'object' && data !== null) {
    const field = (data as Record<string, unknown>)[bodyLinks];
    if (typeof field === 'object' && field !== null) {
      for (const rel of ['first', 'prev', 'next'] as const) {
        const uri = (field as Record<string, unknown>)[rel];
        if (links[rel] === undefined && typeof uri === 'string' && uri !== '') links[rel] = absolute(uri);
      }
    }
  }
  return links;
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

  /** Calls a paged operation: awaitable for the first page, iterable for every item. */
  paged<T>(spec: OperationSpec, params: object = {}, options: RequestOptions = {}): PagedCall<T> {
    const pagination = spec.pagination ?? { itemsAt: '' };
    const origin = new URL(this.baseOf(spec)).origin;
    return new PagedCall<T>(async (nextUrl): Promise<Page<T>> => {
      if (nextUrl !== undefined && new URL(nextUrl).origin !== origin) {
        throw new PaginationError(`the next page is on another origin (${new URL(nextUrl).origin}); it was not followed`);
      }
      const { data, response, url } = await this.execute<unknown>(spec, params as Record<string, unknown>, options, nextUrl);
      return { items: readItems(data, pagination.itemsAt) as T[], links: readLinks(response, data, pagination.bodyLinks, url), response };
    });
  }

  /** The operation's own origin (its `{{variables}}` filled) or the client's, without a trailing slash. */
  private baseOf(spec: OperationSpec): string {
    const base = spec.baseUrl !== undefined ? fillVariables(spec.baseUrl, this.config.variables) : this.config.baseUrl;
    if (base === undefined || base === '') {
      const needs = spec.baseUrl ?? 'baseUrl';
      throw new TypeError(`${spec.method} ${spec.path}: no base URL (${needs} has no value): pass it in the client's options`);
    }
    return base.replace(/\/+$/, '');
  }

  private buildUrl(spec: OperationSpec, params: Record<string, unknown>): URL {
    const { variables } = this.config;
    let path = spec.path;
    for (const [identifier, wireName, variable] of spec.pathParams) {
      const value = own(params, identifier) ?? (variable ? own(variables, variable) : undefined);
      if (value === undefined || value === null || value === '') {
        throw new TypeError(`${spec.method} ${spec.path}: the path parameter "${identifier}" is required`);
      }
      path = path.split(`{${wireName}}`).join(encodeURIComponent(toText(value)));
    }
    const url = new URL(`${this.baseOf(spec)}${path}`);
    for (const [identifier, wireName, variable] of spec.query) {
      const value = own(params, identifier) ?? (variable ? own(variables, variable) : undefined);
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(wireName, toText(item));
    }
    return url;
  }

  private async execute<T>(spec: OperationSpec, params: Record<string, unknown>, options: RequestOptions, nextUrl: string | undefined): Promise<CallResult<T> & { url: string }> {
    const url = nextUrl !== undefined ? new URL(nextUrl) : this.buildUrl(spec, params);
    let body: Uint8Array | undefined;
    let contentType: string | undefined;
    const payload = spec.body && nextUrl === undefined ? requestBody(spec.body, params, this.config.variables) : undefined;
    if (spec.body && payload !== undefined) {
      ({ bytes: body, contentType } = await encodeBody(spec.body.kind, payload, spec.body.contentType));
    }
    const maxRetries = options.maxRetries ?? this.retry.maxRetries;
    const mayRetry = spec.retrySafe === true || isIdempotent(spec.method);
    const path = url.pathname;
    let retries = 0;
    // Credentials refused during this call: each gets one renewal and replay, so a token that
    // expires again during a long retry sequence is renewed again, but a refused one never loops.
    const refused = new Set<unknown>();
    for (;;) {
      const headers: Record<string, string> = {};
      const set = (entries: Iterable<readonly [string, string]>): void => {
        for (const [name, value] of entries) headers[name.toLowerCase()] = value;
      };
      set(Object.entries(this.config.headers ?? {}));
      for (const [name, template] of spec.headers) {
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
      let request: PreparedRequest = { method: spec.method, url: target.toString(), headers, body };
      const beforeRequest = this.config.hooks?.beforeRequest;
      if (beforeRequest) request = (await beforeRequest(request)) ?? request;
      if (this.config.signer) {
        const signing = this.config.signer({ method: request.method, url: request.url, headers: request.headers, body: request.body });
        Object.assign(request.headers, signing instanceof Promise ? await signing : signing);
      }

      // A header fetch would refuse is the caller's mistake, not a network failure: never retried.
      for (const [name, value] of Object.entries(request.headers)) {
        if (!HTTP_TOKEN.test(name) || /[\r\n\0]/.test(value)) {
          throw new TypeError(`${request.method} ${path}: the header "${HTTP_TOKEN.test(name) ? name : '(invalid name)'}" cannot be sent (a name must be an HTTP token, a value must not hold a line break)`);
        }
      }
      let response: Response;
      let bytes: Uint8Array;
      try {
        ({ response, bytes } = await this.send(request, options));
      } catch (failure) {
        if (options.signal?.aborted) throw options.signal.reason;
        const error = failure instanceof TimeoutError ? failure : new ConnectionError(request.method, path, failure);
        const delay = mayRetry && retries < maxRetries ? retryDelayMs(retries, this.retry, undefined, this.config.random) : undefined;
        if (delay === undefined) throw error;
        retries++;
        await sleep(delay, options.signal);
        continue;
      }
      const afterResponse = this.config.hooks?.afterResponse;
      if (afterResponse) await afterResponse(response, request);

      if (response.ok) return { data: this.parse<T>(spec, response, bytes, request), response, url: request.url };

      const error = this.toError(response, bytes, request.method, path);
      if (stamp !== undefined && !refused.has(stamp) && refused.size < 3 && auth?.refresh?.(error, stamp)) {
        refused.add(stamp);
        continue;
      }
      if (mayRetry && retries < maxRetries && isRetryableStatus(response.status)) {
        const delay = retryDelayMs(retries, this.retry, retryAfterMs(response.headers.get('retry-after'), Date.now()), this.config.random);
        if (delay !== undefined) {
          retries++;
          await sleep(delay, options.signal);
          continue;
        }
      }
      throw error;
    }
  }

  /** One HTTP exchange, body included, within the timeout. Not async itself: one promise fewer per call. */
  private send(request: PreparedRequest, options: RequestOptions): Promise<{ response: Response; bytes: Uint8Array }> {
    const timeoutMs = options.timeoutMs ?? this.config.timeoutMs;
    if (options.signal?.aborted) return Promise.reject(options.signal.reason);
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      ...(request.body ? { body: request.body as Uint8Array<ArrayBuffer> } : {}),
    };
    const read = async (): Promise<{ response: Response; bytes: Uint8Array }> => {
      const response = await this.fetch(request.url, init);
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    };
    if (timeoutMs === undefined || timeoutMs <= 0) {
      // The common case costs no controller and no timer.
      if (options.signal) init.signal = options.signal;
      return read();
    }
    return this.sendWithin(timeoutMs, request, options, init, read);
  }

  private async sendWithin(
    timeoutMs: number,
    request: PreparedRequest,
    options: RequestOptions,
    init: RequestInit,
    read: () => Promise<{ response: Response; bytes: Uint8Array }>,
  ): Promise<{ response: Response; bytes: Uint8Array }> {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    init.signal = controller.signal;
    const path = new URL(request.url).pathname;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new TimeoutError(request.method, path, timeoutMs);
        controller.abort(error);
        reject(error);
      }, timeoutMs);
    });
    const exchange = read();
    try {
      return await Promise.race([exchange, timeout]);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      exchange.catch(() => undefined);
    }
  }

  private parse<T>(spec: OperationSpec, response: Response, bytes: Uint8Array, request: PreparedRequest): T {
    const format = spec.response;
    if (format.kind === 'none') return undefined as T;
    if (format.kind === 'binary') return bytes as T;
    const text = decoder.decode(bytes);
    if (format.kind === 'text') return text as T;
    if (format.kind === 'csv') {
      if (text.trim() === '') return [] as T;
      // An API that answers JSON where CSV was expected (an error body with 200, say) is read as JSON.
      if (/^\s*[[{]/.test(text) && (response.headers.get('content-type') ?? '').includes('json')) return JSON.parse(text) as T;
      return readCsvRows(text, format.csv) as T;
    }
    if (text.trim() === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      const ErrorClass = this.config.errorClass ?? ApiError;
      throw new ErrorClass(response.status, [{ label: 'INVALID_RESPONSE', message: 'the answer is not valid JSON' }], request.method, new URL(request.url).pathname, text, response.headers);
    }
  }

  private toError(response: Response, bytes: Uint8Array, method: string, path: string): ApiError {
    const text = decoder.decode(bytes);
    let body: unknown = text;
    try {
      body = text.trim() === '' ? undefined : JSON.parse(text);
    } catch {
      // keep the text
    }
    const ErrorClass = this.config.errorClass ?? ApiError;
    return new ErrorClass(response.status, readErrorEntries(body), method, path, body, response.headers);
  }
}
