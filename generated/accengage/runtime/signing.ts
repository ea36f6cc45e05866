/**
 * Request signing as data: a scheme says what is hashed (the parts, in order, with no separator),
 * with which algorithm, and which headers carry the signature and the time. The signer sees the
 * request exactly as it will be sent and returns the headers to add (see `Signer` in core.ts).
 */
import type { Signer } from './core.js';

/** One part of the signed string: the body bytes, the time sent, the method, the URL, or a client variable's value. */
export type SigningPart = 'body' | 'time' | 'method' | 'url' | { variable: string };

export interface SigningScheme {
  /** sha1 is computed synchronously here; sha256 uses WebCrypto. */
  algorithm: 'sha1' | 'sha256';
  parts: readonly SigningPart[];
  signatureHeader: string;
  /** The header that carries the signed time, when the time is a part. */
  timeHeader?: string;
  timeUnit: 'seconds' | 'milliseconds';
  hexCase: 'lower' | 'upper';
}

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

/** Two lowercase hex digits for each byte value: four lookups a word instead of a number-to-text conversion. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex8(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
}

const noBytes = new Uint8Array(0);

/**
 * A signer for a scheme. `variables` are the client's options by collection variable name, read at
 * each request; `now` gives milliseconds since the epoch.
 */
export function hashSigner(
  scheme: SigningScheme,
  variables: Readonly<Record<string, string | undefined>>,
  now: () => number = Date.now,
): Signer {
  let last: { key: string | undefined; hex: string } | undefined;
  return (request) => {
    const millis = now();
    const time = String(scheme.timeUnit === 'seconds' ? Math.floor(millis / 1000) : Math.floor(millis));
    const body = request.body ?? noBytes;
    const textOf = (part: Exclude<SigningPart, 'body'>): string => {
      if (part === 'time') return time;
      if (part === 'method') return request.method;
      if (part === 'url') return request.url;
      const value = variables[part.variable];
      if (value === undefined) throw new TypeError(`signing needs the client option for "${part.variable}"`);
      return value;
    };
    // Each part's text, read once; the body's bytes stand apart (its '' only holds the place).
    const texts = scheme.parts.map((part) => (part === 'body' ? '' : textOf(part)));
    const headers = (hex: string): Record<string, string> => ({
      ...(scheme.timeHeader ? { [scheme.timeHeader]: time } : {}),
      [scheme.signatureHeader]: scheme.hexCase === 'upper' ? hex.toUpperCase() : hex,
    });
    // Without a body, what is hashed is texts alone, and the same texts give the last signature
    // again: every bodiless request of one second, when the scheme signs the time and options.
    const key = body.byteLength === 0 ? texts.map((text) => `${text.length}:${text}`).join('') : undefined;
    if (key !== undefined && last?.key === key) return headers(last.hex);
    const remembered = (hex: string): Record<string, string> => {
      last = { key, hex };
      return headers(hex);
    };
    const chunks = scheme.parts.map((part, i) => (part === 'body' ? body : encoder.encode(texts[i] as string)));
    const input = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      input.set(chunk, offset);
      offset += chunk.byteLength;
    }
    if (scheme.algorithm === 'sha1') return remembered(sha1Hex(input));
    return crypto.subtle.digest('SHA-256', input).then((digest) => remembered(bytesHex(new Uint8Array(digest))));
  };
}

function bytesHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX[byte]!;
  return hex;
}
