/**
 * A Postman URL string read as Postman reads it: `postman-url-encoder`'s parser (the one Postman's
 * own SDK uses, which keeps `{{variables}}` whole), then the SDK's reading of its parts: query
 * pairs split at the first `=`, `:name` path segments as path variables.
 */
import { createRequire } from 'node:module';

/** The parts of a URL string, in the shape of a v2.1 `url` object. */
export interface ParsedUrl {
  raw: string;
  protocol?: string;
  auth?: { user?: string; password?: string };
  host?: string[];
  port?: string;
  path?: string[];
  query?: Array<{ key: string | null; value: string | null }>;
  hash?: string;
  variable?: Array<{ key: string }>;
}

interface EncoderParts {
  raw: string;
  protocol?: string;
  auth?: string[];
  host?: string[];
  port?: string;
  path?: string[];
  query?: string[];
  hash?: string;
}

type Parse = (url: string) => EncoderParts;
let parser: Parse | undefined;

/** The parser, loaded on first use (exported collections mostly hold URLs already split). It is CommonJS. */
function parse(url: string): EncoderParts {
  parser ??= (createRequire(import.meta.url)('postman-url-encoder/parser') as { parse: Parse }).parse;
  return parser(url);
}

/**
 * One `key=value` pair of a query string. An empty pair that is not the last one is a null key
 * (`a&&b`), and a pair without `=` has a null value, as in Postman.
 */
export function queryPair(param: string, index?: number, all?: string[]): { key: string | null; value: string | null } {
  if (param === '' && all !== undefined && index !== all.length - 1) return { key: null, value: null };
  const equals = param.indexOf('=');
  return equals < 0 ? { key: param, value: null } : { key: param.slice(0, equals), value: param.slice(equals + 1) };
}

/** `:id` or `:id.json` names the variable `id`; a bare `:` names none. */
export function pathVariableName(segment: string): string | undefined {
  if (!segment.startsWith(':')) return undefined;
  const dot = segment.indexOf('.');
  return segment.slice(1, dot === -1 ? undefined : dot) || undefined;
}

export function parseUrl(text: string): ParsedUrl {
  const parts = parse(text);
  const url: ParsedUrl = { raw: parts.raw };
  if (parts.protocol !== undefined) url.protocol = parts.protocol;
  if (parts.auth !== undefined) url.auth = { user: parts.auth[0], password: parts.auth[1] };
  if (parts.host !== undefined) url.host = parts.host;
  if (parts.port !== undefined) url.port = parts.port;
  if (parts.path !== undefined) url.path = parts.path;
  if (parts.query !== undefined) url.query = parts.query.map(queryPair);
  if (parts.hash !== undefined) url.hash = parts.hash;
  const names = new Set<string>();
  for (const segment of parts.path ?? []) {
    const name = pathVariableName(segment);
    if (name !== undefined) names.add(name);
  }
  if (names.size > 0) url.variable = [...names].map((key) => ({ key }));
  return url;
}

/** A query string (`a=1&b`) as pairs, the way Postman reads one given as a string. */
export function parseQueryString(query: string): Array<{ key: string | null; value: string | null }> {
  return query.split('&').map(queryPair);
}
