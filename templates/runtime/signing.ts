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

/**
 * Lowercase hex SHA-1 (FIPS 180-4), synchronous and dependency-free. WebCrypto's digest would do,
 * but it is asynchronous (a thread-pool round trip per request, about 30 µs on Node) and missing
 * from browsers on plain-http origins; signing sits on every request's path.
 */
export function sha1Hex(bytes: Uint8Array): string {
  const length = bytes.length;
  const blocks = ((length + 8) >>> 6) + 1;
  // Scratch buffers are reused: signing runs on every request, and garbage is time.
  if (scratch.length < blocks * 16) scratch = new Uint32Array(blocks * 16);
  const words = scratch;
  words.fill(0, 0, blocks * 16);
  for (let i = 0; i < length; i++) words[i >>> 2]! |= bytes[i]! << (24 - (i % 4) * 8);
  words[length >>> 2]! |= 0x80 << (24 - (length % 4) * 8);
  words[blocks * 16 - 1] = (length * 8) >>> 0;
  words[blocks * 16 - 2] = Math.floor((length * 8) / 0x100000000);
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  const w = schedule;
  for (let block = 0; block < blocks; block++) {
    for (let t = 0; t < 16; t++) w[t] = words[block * 16 + t]!;
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
      w[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = temp;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  return hex8(h0) + hex8(h1) + hex8(h2) + hex8(h3) + hex8(h4);
}

let scratch = new Uint32Array(64);
const schedule = new Uint32Array(80);

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
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
  return (request) => {
    const time = String(Math.floor(now() / 1000));
    const suffix = encoder.encode(`${options.apiKey}${time}`);
    const body = request.body ?? new Uint8Array(0);
    const input = new Uint8Array(body.byteLength + suffix.byteLength);
    input.set(body, 0);
    input.set(suffix, body.byteLength);
    return { 'Accengage-Time': time, 'Accengage-Signature': sha1Hex(input) };
  };
}
