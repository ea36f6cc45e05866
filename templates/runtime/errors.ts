/**
 * Errors raised by a generated client. `ApiError` is an answer from the API with a non-2xx
 * status; `ConnectionError` and `TimeoutError` mean no usable answer came back; the others name
 * an answer that was refused (a redirect, an unexpected shape, too many bytes, too many pages) or
 * a call that could not be made as asked (`UsageError`).
 *
 * No error ever carries credentials: messages hold only the method, the URL path and what the
 * error is about, never the response body (a server may echo the request's headers in it). The
 * body and the response headers stay available on `ApiError` and `InvalidResponseError` as
 * non-enumerable properties, so `util.inspect`, `JSON.stringify` and loggers that walk an error's
 * own properties do not print them.
 */

/** One entry of an API error body (`{"errors": [{"label": …, "message": …}]}`). */
export interface ApiErrorEntry<Label extends string = string> {
  label: Label;
  message: string;
}

/** Keeps a value on an error without making it part of what inspection and JSON show. */
function hidden(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: false, writable: false, configurable: true });
}

export class ApiError<Label extends string = string> extends Error {
  override readonly name: string = 'ApiError';
  /** The first entry's label (`API_ERR_TOKEN`), or undefined when the body had none. */
  readonly label: Label | undefined;
  /** The parsed body, or its text when it was not JSON (error bodies are read up to 64 KiB). Not enumerable. */
  declare readonly body: unknown;
  /** The response headers. Not enumerable. */
  declare readonly headers: Headers;

  constructor(
    readonly status: number,
    readonly errors: ReadonlyArray<ApiErrorEntry<Label>>,
    readonly method: string,
    /** The URL path that was called (no query string, no host). */
    readonly path: string,
    body: unknown,
    headers: Headers,
  ) {
    const first = errors[0];
    const detail = first
      ? `${first.label}: ${first.message.length > 300 ? `${first.message.slice(0, 300)}…` : first.message}`
      : body === undefined || body === ''
        ? 'no error detail'
        : 'no error entries; the body is on error.body';
    super(`${method} ${path} failed with ${status} (${detail})`);
    this.label = first?.label;
    hidden(this, 'body', body);
    hidden(this, 'headers', headers);
  }

  /** True when any entry has this label. */
  hasLabel(label: Label): boolean {
    return this.errors.some((entry) => entry.label === label);
  }
}

/** The request never got an answer: DNS, refused or dropped connection, TLS. */
export class ConnectionError extends Error {
  override readonly name: string = 'ConnectionError';

  constructor(
    readonly method: string,
    readonly path: string,
    cause?: unknown,
  ) {
    super(
      `${method} ${path} failed: no answer from the server${cause instanceof Error && cause.message ? ` (${cause.message})` : ''}`,
      { cause },
    );
  }
}

/**
 * The answer did not come within the time allowed: `timeoutMs` for one attempt, or the call's
 * whole deadline (`deadline` is then true) that also covers retries and their waits.
 */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError';

  constructor(
    method: string,
    path: string,
    readonly timeoutMs: number,
    readonly deadline = false,
  ) {
    super(method, path);
    this.message = deadline
      ? `${method} ${path} did not complete within its deadline of ${timeoutMs} ms (retries included)`
      : `${method} ${path} timed out after ${timeoutMs} ms`;
  }
}

/**
 * The call cannot be made as asked: a missing or dot-segment path parameter, a header value
 * `fetch` cannot send. Raised before anything is sent, and never retried.
 */
export class UsageError extends TypeError {
  override readonly name: string = 'UsageError';
}

/**
 * The server answered with a redirect the client does not follow: to another origin (it would
 * receive the request's credentials and signature), from https to http, a redirect a browser
 * hides (`opaqueredirect`), or more same-origin redirects than allowed.
 */
export class RedirectError extends Error {
  override readonly name: string = 'RedirectError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    /** The origin the redirect pointed at (`https://elsewhere.example`), or undefined when unknown. */
    readonly locationOrigin: string | undefined,
    reason: string,
  ) {
    super(`${method} ${path} answered with a redirect${status ? ` (${status})` : ''} that was not followed: ${reason}`);
  }
}

/**
 * A successful answer that is not what the operation returns: a body that does not parse, a list
 * page without its items, HTML or JSON where CSV was expected. `expected` and `received` say what.
 */
export class InvalidResponseError extends Error {
  override readonly name: string = 'InvalidResponseError';
  /** The body as received (text, or the parsed JSON). Not enumerable. */
  declare readonly body: unknown;

  constructor(
    readonly method: string,
    readonly path: string,
    /** The operation, as `METHOD /path/{template}`. */
    readonly operation: string,
    readonly status: number,
    readonly expected: string,
    readonly received: string,
    body?: unknown,
  ) {
    super(`${operation} (${method} ${path}, status ${status}): expected ${expected}, received ${received}`);
    hidden(this, 'body', body);
  }
}

/** The answer was larger than allowed (`maxResponseBytes`); reading stopped at the limit. */
export class ResponseTooLargeError extends Error {
  override readonly name: string = 'ResponseTooLargeError';

  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly limitBytes: number,
  ) {
    super(
      `${method} ${path}: the answer (status ${status}) is larger than ${limitBytes} bytes (maxResponseBytes); reading was stopped`,
    );
  }
}

/**
 * A listing that cannot go on: a `next` link that leads off the API's origin (it would receive
 * the credentials), or more pages than `maxPages`.
 */
export class PaginationError extends Error {
  override readonly name: string = 'PaginationError';
}

function entriesOf(value: unknown): ApiErrorEntry[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({
      label: String(entry.label ?? entry.code ?? entry.type ?? 'UNKNOWN'),
      message: String(entry.message ?? entry.detail ?? entry.title ?? ''),
    }));
}

/**
 * Reads the error entries of a body: `{"errors": [{label, message}]}` as many APIs answer, and
 * the common `{"error": …}` / `{"message": …}` shapes of other APIs.
 */
export function readErrorEntries(body: unknown): ApiErrorEntry[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  const listed = entriesOf(record.errors);
  if (listed.length > 0) return listed;
  if (typeof record.error === 'object' && record.error !== null) return entriesOf([record.error]);
  if (typeof record.error === 'string' || typeof record.message === 'string') {
    return [
      {
        label: String(record.code ?? record.error ?? 'ERROR'),
        message: String(record.message ?? record.error_description ?? record.error),
      },
    ];
  }
  return [];
}

/** A short description of a value, without quoting it: server text never goes into a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object with ${Object.keys(value).length} field(s)`;
  return `a ${typeof value}`;
}
