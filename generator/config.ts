/**
 * The configuration: `postman-codegen.config.json` (with a JSON Schema for editors,
 * `postman-codegen.schema.json`) or `postman-codegen.config.mjs` (its default export). One entry
 * per client; paths are relative to the config file. This repository's own client is one such
 * entry: nothing in the generator knows any API by name.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodegenError } from './errors.js';
import { parseJson } from './load/json.js';
import { isObject } from './json-types.js';
import { HTTP_TOKEN } from './http-token.js';
import type { BuildOptions, Pagination, Profile, SchemaOverride, SigningTrait } from './model/index.js';
import { validateInference, type InferenceConfig } from './model/inference-config.js';

export interface ClientConfig extends Profile {
  /** PascalCase stem of the client's names (ShopClient, ShopError); defaults to the collection's name. */
  name?: string;
  collection: string;
  out: string;
  overrides?: SchemaOverride[];
  names?: Record<string, string>;
  pagination?: Record<string, Pagination | false>;
  /** false: no docs/ folder (index.html, Markdown) beside the client. */
  docs?: boolean;
  /** false: no openapi.json beside the client. */
  openapi?: boolean;
  /** Inference choices: enum rule, response required-ness, required body fields, entity names. */
  inference?: InferenceConfig;
}

export interface Config {
  file: string;
  clients: ClientConfig[];
}

export const CONFIG_NAMES = ['postman-codegen.config.json', 'postman-codegen.config.mjs'];

/** The config file to use: the one named, or the first default name present in the folder. */
export function findConfig(named: string | undefined, cwd = process.cwd()): string {
  if (named) return named;
  const found = CONFIG_NAMES.map((name) => path.join(cwd, name)).find((file) => existsSync(file));
  if (!found) {
    throw new CodegenError(
      'no configuration found.',
      path.join(cwd, CONFIG_NAMES[0] as string),
      undefined,
      'Create postman-codegen.config.json, pass --config, or name a collection: postman-codegen generate <collection> --out <dir>.',
    );
  }
  return found;
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isObject(value) && Object.values(value).every((entry) => typeof entry === 'string');
}

async function readRaw(file: string): Promise<unknown> {
  if (file.endsWith('.mjs') || file.endsWith('.js')) {
    try {
      const module = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
      return module.default;
    } catch (error) {
      throw new CodegenError(
        `could not be loaded: ${error instanceof Error ? error.message : String(error)}.`,
        file,
        undefined,
        'Fix the module so that its default export is the configuration object.',
      );
    }
  }
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CodegenError(
      error.code === 'ENOENT' ? 'does not exist.' : `cannot be read (${error.code ?? error.message}).`,
      file,
      undefined,
      'Pass the right path with --config, or name a collection on the command line.',
    );
  });
  return parseJson(text, file);
}

const SIGNING_KEYS = ['algorithm', 'parts', 'signatureHeader', 'timeHeader', 'timeUnit', 'hexCase'];
const SIGNING_SHAPE =
  '{"algorithm": "sha1" | "sha256", "parts": ["body" | "time" | "method" | "url" | {"variable": "<name>"}, ...], "signatureHeader": "...", "timeHeader"?: "...", "timeUnit"?: "seconds" | "milliseconds", "hexCase"?: "lower" | "upper"}';

function validateSigning(
  value: unknown,
  fail: (message: string, place: string, hint?: string) => never,
  where: string,
): void {
  if (!isObject(value)) fail(`"signing" must be ${SIGNING_SHAPE}.`, where);
  const signing = value as Record<string, unknown>;
  for (const key of Object.keys(signing)) {
    if (!SIGNING_KEYS.includes(key))
      fail(`has an unknown key "${key}".`, `${where}.${key}`, `"signing" is ${SIGNING_SHAPE}.`);
  }
  if (signing.algorithm !== 'sha1' && signing.algorithm !== 'sha256')
    fail('"algorithm" must be "sha1" or "sha256".', `${where}.algorithm`);
  const parts = signing.parts;
  if (!Array.isArray(parts) || parts.length === 0)
    fail('"parts" must be a non-empty array: what is hashed, in order.', `${where}.parts`);
  (parts as unknown[]).forEach((part, index) => {
    const known = part === 'body' || part === 'time' || part === 'method' || part === 'url';
    const variable =
      isObject(part) && Object.keys(part).length === 1 && typeof part.variable === 'string' && part.variable !== '';
    if (!known && !variable)
      fail('each part must be "body", "time", "method", "url" or {"variable": "<name>"}.', `${where}.parts[${index}]`);
  });
  for (const key of ['signatureHeader', 'timeHeader'] as const) {
    const header = signing[key];
    if ((key === 'signatureHeader' || header !== undefined) && (typeof header !== 'string' || !HTTP_TOKEN.test(header)))
      fail(`"${key}" must be an HTTP header name.`, `${where}.${key}`);
  }
  if ((parts as unknown[]).includes('time') && signing.timeHeader === undefined) {
    fail(
      'signs the time but sends it in no header.',
      `${where}.timeHeader`,
      'Name the header that carries the signed time ("timeHeader").',
    );
  }
  if (signing.timeUnit !== undefined && signing.timeUnit !== 'seconds' && signing.timeUnit !== 'milliseconds')
    fail('"timeUnit" must be "seconds" or "milliseconds".', `${where}.timeUnit`);
  if (signing.hexCase !== undefined && signing.hexCase !== 'lower' && signing.hexCase !== 'upper')
    fail('"hexCase" must be "lower" or "upper".', `${where}.hexCase`);
}

/** A validated signing entry with its defaults filled in: Unix seconds, lowercase hex. */
function signingTrait(signing: Omit<SigningTrait, 'timeUnit' | 'hexCase'> & Partial<SigningTrait>): SigningTrait {
  return { ...signing, timeUnit: signing.timeUnit ?? 'seconds', hexCase: signing.hexCase ?? 'lower' };
}

export function validateClient(entry: unknown, file: string, where: string): void {
  const fail = (message: string, place: string, hint?: string): never => {
    throw new CodegenError(message, file, place, hint);
  };
  if (!isObject(entry)) fail('each client must be an object.', where);
  const client = entry as Record<string, unknown>;
  const known = new Set([
    'name',
    'collection',
    'out',
    'signing',
    'token',
    'errorLabels',
    'overrides',
    'names',
    'pagination',
    'inference',
    'docs',
    'openapi',
    '$comment',
  ]);
  for (const key of Object.keys(client)) {
    if (!known.has(key))
      fail(
        `has an unknown key "${key}".`,
        `${where}.${key}`,
        `Known keys: ${[...known].filter((k) => k !== '$comment').join(', ')}.`,
      );
  }
  for (const key of ['collection', 'out'] as const) {
    if (typeof client[key] !== 'string' || client[key] === '')
      fail(`"${key}" must be a non-empty string.`, `${where}.${key}`);
  }
  if (client.name !== undefined && (typeof client.name !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(client.name))) {
    fail('"name" must be a PascalCase word such as "Shop".', `${where}.name`);
  }
  if (client.signing !== undefined) validateSigning(client.signing, fail, `${where}.signing`);
  if (client.token !== undefined) {
    const token = client.token;
    const refresh = isObject(token) ? token.refresh : undefined;
    if (
      !isObject(token) ||
      typeof token.operation !== 'string' ||
      !isStringMap(token.body) ||
      typeof token.tokenField !== 'string' ||
      !isObject(refresh) ||
      !Array.isArray(refresh.labels) ||
      !Array.isArray(refresh.statuses)
    ) {
      fail(
        '"token" needs "operation", "body" (strings), "tokenField" and "refresh": {"labels": [...], "statuses": [...]}.',
        `${where}.token`,
      );
    }
  }
  if (
    client.errorLabels !== undefined &&
    (!Array.isArray(client.errorLabels) || client.errorLabels.some((label) => typeof label !== 'string'))
  ) {
    fail('"errorLabels" must be an array of strings.', `${where}.errorLabels`);
  }
  if (
    client.overrides !== undefined &&
    (!Array.isArray(client.overrides) || client.overrides.some((o) => !isObject(o) || typeof o.operation !== 'string'))
  ) {
    fail(
      '"overrides" must be an array of {"operation": "...", "request"?: schema, "responses"?: {...}}.',
      `${where}.overrides`,
    );
  }
  for (const key of ['docs', 'openapi'] as const) {
    if (client[key] !== undefined && typeof client[key] !== 'boolean')
      fail(`"${key}" must be true or false.`, `${where}.${key}`);
  }
  if (client.names !== undefined && !isStringMap(client.names))
    fail('"names" must map operations to member names.', `${where}.names`);
  if (
    client.pagination !== undefined &&
    (!isObject(client.pagination) ||
      Object.values(client.pagination).some((p) => p !== false && (!isObject(p) || typeof p.itemsAt !== 'string')))
  ) {
    fail(
      '"pagination" must map operations to {"itemsAt": "...", "bodyLinks"?: "...", "pageParam"?: "..."} or false.',
      `${where}.pagination`,
    );
  }
  if (client.inference !== undefined) validateInference(client.inference, file, `${where}.inference`);
}

export async function loadConfig(file: string): Promise<Config> {
  const json = await readRaw(file);
  if (!isObject(json) || !Array.isArray(json.clients) || json.clients.length === 0) {
    throw new CodegenError(
      'must be an object with a non-empty "clients" array.',
      file,
      '$.clients',
      'See postman-codegen.schema.json for the format.',
    );
  }
  const base = path.dirname(file);
  // Relative to the config file's folder; an absolute path is where it says.
  const fromConfig = (place: string): string => (path.isAbsolute(place) ? place : path.join(base, place));
  const clients = json.clients.map((entry, index): ClientConfig => {
    validateClient(entry, file, `$.clients[${index}]`);
    const client = entry as ClientConfig;
    return {
      ...client,
      collection: fromConfig(client.collection),
      out: fromConfig(client.out),
      ...(client.signing ? { signing: signingTrait(client.signing) } : {}),
    };
  });
  const outs = new Map<string, number>();
  clients.forEach((client, index) => {
    const resolved = path.resolve(client.out);
    const other = outs.get(resolved);
    if (other !== undefined) {
      throw new CodegenError(
        `clients ${other} and ${index} write to the same folder (${client.out}).`,
        file,
        `$.clients[${index}].out`,
        'Give each client its own output folder.',
      );
    }
    outs.set(resolved, index);
  });
  return { file, clients };
}

/** What a client's configuration tells the model builder: overrides, names, paging and the profile. */
export function buildOptionsOf(client: ClientConfig, configFile?: string): BuildOptions {
  const {
    collection: _collection,
    out: _out,
    name: _name,
    overrides,
    names,
    pagination,
    inference,
    docs: _docs,
    openapi: _openapi,
    ...profile
  } = client;
  return {
    ...(overrides ? { overrides } : {}),
    ...(names ? { names } : {}),
    ...(pagination ? { pagination } : {}),
    ...(inference ? { inference } : {}),
    profile,
    ...(configFile ? { configFile } : {}),
  };
}
