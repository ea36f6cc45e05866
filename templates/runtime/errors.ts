/**
 * Errors raised by a generated client. `ApiError` is an answer from the API with a non-2xx
 * status; `ConnectionError` and `TimeoutError` mean no usable answer came back. No error ever
 * carries credentials: only the method, the URL path and what the server said.
 */

/** One entry of an API error body (`{"errors": [{"label": …, "message": …}]}`). */
export interface ApiErrorEntry<Label extends string = string> {
  label: Label;
  message: string;
}

export class ApiError<Label extends string = string> extends Error {
  override readonly name: string = 'ApiError';
  /** The first entry's label (`API_ERR_TOKEN`), or undefined when the body had none. */
  readonly label: Label | undefined;

  constructor(
    readonly status: number,
    readonly errors: ReadonlyArray<ApiErrorEntry<Label>>,
    readonly method: string,
    /** The URL path that was called (no query string, no host). */
    readonly path: string,
    /** The parsed body, or its text when it was not JSON. */
    readonly body: unknown,
    readonly headers: Headers,
  ) {
    const first = errors[0];
    const detail = first ? `${first.label}: ${first.message}` : typeof body === 'string' && body !== '' ? body.slice(0, 200) : 'no error detail';
    super(`${method} ${path} failed with ${status} (${detail})`);
    this.label = first?.label;
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
    super(`${method} ${path} failed: no answer from the server${cause instanceof Error && cause.message ? ` (${cause.message})` : ''}`, { cause });
  }
}

/** The answer did not come within the time allowed. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = 'TimeoutError';

  constructor(
    method: string,
    path: string,
    readonly timeoutMs: number,
  ) {
    super(method, path);
    this.message = `${method} ${path} timed out after ${timeoutMs} ms`;
  }
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
    return [{ label: String(record.code ?? record.error ?? 'ERROR'), message: String(record.message ?? record.error_description ?? record.error) }];
  }
  return [];
}
