/**
 * The fields of v3 request, example and definition files, each turned into its v2.1 form. Shapes
 * that are not what the format allows are reported through `Report` with the YAML place.
 */
import { isObject, type JsonObject } from '../json-types.js';
import type { YamlFile } from './v3-yaml.js';
import { ownValue } from '../own.js';

export interface Report {
  /** The file is unreadable: an error, reported with every other one at the end. */
  invalid(file: YamlFile, path: Array<string | number>, reason: string, fix: string): void;
  /** Something is left out (a body type we do not know, say): a warning. */
  warn(file: YamlFile, path: Array<string | number>, message: string): void;
}

type Path = Array<string | number>;

/** A value as text; null stays null (a key with no value, as in "?flag"). */
const valueOf = (value: unknown): string | null => (value === undefined || value === null ? null : text(value));

const text = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

/** A description is a string (Markdown); v2.1's `{content}` form is accepted too. */
export function description(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (isObject(value) && typeof value.content === 'string') return value.content;
  return undefined;
}

/**
 * Key/value entries written as a map (`{Name: value}`) or a list (`[{key, value, description?,
 * disabled?}]`), as v2.1 entries. Used for headers, query and path parameters, urlencoded bodies
 * and variables.
 */
export function entries(
  value: unknown,
  file: YamlFile,
  path: Path,
  report: Report,
  extra: (item: JsonObject) => JsonObject = () => ({}),
): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (isObject(value)) return Object.entries(value).map(([key, v]) => ({ key, value: valueOf(v) }));
  if (!Array.isArray(value)) {
    report.invalid(
      file,
      path,
      `must be a map of names to values or a list of {key, value}, not ${typeof value}`,
      'Write it as "Name: value" lines or as a list of key/value entries.',
    );
    return [];
  }
  const out: JsonObject[] = [];
  value.forEach((item, index) => {
    if (!isObject(item) || (typeof item.key !== 'string' && typeof item.key !== 'number')) {
      report.invalid(
        file,
        [...path, index],
        'each entry must be an object with a "key"',
        'Give the entry a key: and a value:.',
      );
      return;
    }
    const entry: JsonObject = { key: String(item.key), value: valueOf(item.value) };
    const about = description(item.description);
    if (about !== undefined) entry.description = about;
    if (item.disabled === true) entry.disabled = true;
    out.push({ ...entry, ...extra(item) });
  });
  return out;
}

const RAW_LANGUAGE: Record<string, string> = { json: 'json', xml: 'xml', html: 'html', javascript: 'javascript' };

function fileSource(src: unknown): unknown {
  if (Array.isArray(src)) return src.map(String);
  return src === undefined || src === null ? null : String(src);
}

/** A request body `{type, content}` as a v2.1 body, or undefined for none. */
export function body(value: unknown, file: YamlFile, path: Path, report: Report): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || typeof value.type !== 'string') {
    report.invalid(
      file,
      path,
      'a body must be {type, content}',
      'Write body: with a type: (json, text, urlencoded, formdata, file, graphql, none…) and its content:.',
    );
    return undefined;
  }
  const { type, content } = value;
  const language = ownValue(RAW_LANGUAGE, type);
  if (language !== undefined) return { mode: 'raw', raw: text(content), options: { raw: { language } } };
  // "text" is what v2.1 raw bodies without a language became (JSON bodies among them, in real
  // exports): no language, so the body's Content-Type and content decide, as for those.
  if (type === 'text') return { mode: 'raw', raw: text(content) };
  switch (type) {
    case 'none':
      return undefined;
    case 'urlencoded':
      return { mode: 'urlencoded', urlencoded: entries(content, file, [...path, 'content'], report) };
    case 'formdata': {
      if (!Array.isArray(content)) {
        if (content !== undefined && content !== null)
          report.invalid(
            file,
            [...path, 'content'],
            'a formdata body must be a list of fields',
            'Write each field as {key, type: text|file, value | src}.',
          );
        return { mode: 'formdata', formdata: [] };
      }
      const fields = entries(content, file, [...path, 'content'], report, (item) => {
        const field: JsonObject = { type: item.type === 'file' ? 'file' : 'text' };
        if (item.type === 'file') field.src = fileSource(item.src);
        if (typeof item.contentType === 'string') field.contentType = item.contentType;
        return field;
      });
      for (const field of fields) if (field.type === 'file') delete field.value;
      return { mode: 'formdata', formdata: fields };
    }
    case 'file':
      return {
        mode: 'file',
        file: { src: isObject(content) ? fileSource(content.src) : typeof content === 'string' ? content : null },
      };
    case 'graphql': {
      const graphql = isObject(content) ? content : {};
      return { mode: 'graphql', graphql: { query: text(graphql.query), variables: text(graphql.variables) } };
    }
    default:
      report.warn(
        file,
        [...path, 'type'],
        `body type "${type}" is not one postman-codegen knows; the body was left out`,
      );
      return undefined;
  }
}

const AUTH_TYPES = new Set([
  'basic',
  'bearer',
  'apikey',
  'digest',
  'oauth1',
  'oauth2',
  'jwt',
  'awsv4',
  'hawk',
  'ntlm',
  'asap',
  'edgegrid',
  'azure',
  'sasl',
  'akamai',
  'noauth',
]);

function singleAuth(value: JsonObject, file: YamlFile, path: Path, report: Report): JsonObject | undefined {
  const type = value.type;
  if (type === undefined || type === 'inherit') return undefined;
  if (typeof type !== 'string' || !AUTH_TYPES.has(type)) {
    report.invalid(
      file,
      [...path, 'type'],
      `unknown auth type ${JSON.stringify(type)}`,
      `Use one of: inherit, ${[...AUTH_TYPES].join(', ')}.`,
    );
    return undefined;
  }
  if (type === 'noauth') return { type: 'noauth' };
  const credentials = entries(value.credentials, file, [...path, 'credentials'], report).map(({ key, value: v }) => ({
    key,
    value: v,
    type: 'string',
  }));
  return { type, [type]: credentials };
}

/**
 * Auth as v2.1 auth, or undefined when the level inherits. The multi-auth list form takes its
 * first entry: how Postman picks among several (`rules`) is not documented, so the others are
 * named in a warning.
 */
export function auth(value: unknown, file: YamlFile, path: Path, report: Report): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    const [first, ...others] = value;
    if (first === undefined) return undefined;
    if (others.length > 0) {
      const names = others.map((entry) => (isObject(entry) ? String(entry.name ?? entry.type) : '?'));
      report.warn(
        file,
        [...path, 1],
        `only the first of ${value.length} auth entries is used (${names.join(', ')} ignored): how Postman chooses among them is not documented`,
      );
    }
    return isObject(first)
      ? singleAuth(first, file, [...path, 0], report)
      : (report.invalid(file, [...path, 0], 'an auth entry must be an object', 'Write {type, credentials}.'),
        undefined);
  }
  if (!isObject(value)) {
    report.invalid(
      file,
      path,
      'auth must be {type, credentials} or a list of them',
      'Write auth: with type: and credentials:.',
    );
    return undefined;
  }
  return singleAuth(value, file, path, report);
}

const SCRIPT_EVENT: Record<string, string> = {
  beforeRequest: 'prerequest',
  afterResponse: 'test',
  'http:beforeRequest': 'prerequest',
  'http:afterResponse': 'test',
};

/** Scripts as v2.1 events (they never run in a client, but the signer warning reads them). Scripts of other protocols are left out. */
export function scripts(value: unknown, file: YamlFile, path: Path, report: Report): JsonObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    report.invalid(
      file,
      path,
      'scripts must be a list of {type, code}',
      'Write each script as {type: beforeRequest|afterResponse, code: …}.',
    );
    return [];
  }
  return value.flatMap((script) => {
    if (!isObject(script) || typeof script.type !== 'string') return [];
    const listen = ownValue(SCRIPT_EVENT, script.type);
    return listen ? [{ listen, script: { type: 'text/javascript', exec: text(script.code).split('\n') } }] : [];
  });
}

/** Variables (map or list) as v2.1 variables; values are strings, and `secret: true` or `type: secret` marks a secret. */
export function variables(value: unknown, file: YamlFile, path: Path, report: Report): JsonObject[] {
  return entries(value, file, path, report, (item) =>
    item.secret === true || item.type === 'secret' ? { type: 'secret' } : {},
  );
}
