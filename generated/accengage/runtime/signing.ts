/**
 * Request signing as a pluggable step. A signer sees the request exactly as it will be sent
 * (final URL, headers, body bytes) and returns headers to add. It runs last, after the body is
 * serialised and after `beforeRequest` hooks, so the signature always covers the bytes sent.
 */

export interface SignableRequest {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | undefined;
}

export type Signer = (request: SignableRequest) => Promise<Record<string, string>> | Record<string, string>;

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  let out = '';
  for (const byte of new Uint8Array(bytes)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Lowercase hex SHA-1 of some bytes, with WebCrypto (Node 20+, browsers, workers). */
export async function sha1Hex(bytes: Uint8Array): Promise<string> {
  return hex(await globalThis.crypto.subtle.digest('SHA-1', bytes as Uint8Array<ArrayBuffer>));
}

export interface AccengageSignerOptions {
  apiKey: string;
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: () => number;
}

/**
 * Accengage: `Accengage-Time` is the Unix time in seconds and `Accengage-Signature` the lowercase
 * hex SHA-1 of the raw body bytes, then the API key, then that time (no body: key + time).
 */
export function accengageSigner(options: AccengageSignerOptions): Signer {
  const now = options.now ?? Date.now;
  return async (request) => {
    const time = String(Math.floor(now() / 1000));
    const suffix = encoder.encode(`${options.apiKey}${time}`);
    const body = request.body ?? new Uint8Array(0);
    const input = new Uint8Array(body.byteLength + suffix.byteLength);
    input.set(body, 0);
    input.set(suffix, body.byteLength);
    return { 'Accengage-Time': time, 'Accengage-Signature': await sha1Hex(input) };
  };
}
