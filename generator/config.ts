/**
 * postman-codegen.config.json: one entry per client. Paths are relative to the config file.
 * The Accengage setup of this repository is one such entry; nothing in the generator knows it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodegenError } from './errors.js';
import { parseJson } from './load/json.js';
import type { Profile, SchemaOverride } from './model/index.js';

export interface ClientConfig extends Profile {
  /** PascalCase stem of the client's names (AccengageClient, AccengageError); defaults to the collection's name. */
  name?: string;
  collection: string;
  out: string;
  overrides?: SchemaOverride[];
}

export interface Config {
  file: string;
  clients: ClientConfig[];
}

export const DEFAULT_CONFIG = 'postman-codegen.config.json';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export async function loadConfig(file: string): Promise<Config> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CodegenError('cannot be read.', file, undefined, `Create it, or name a collection on the command line.`);
  });
  const json = parseJson(text, file);
  if (!isObject(json) || !Array.isArray(json.clients) || json.clients.length === 0) {
    throw new CodegenError('must be an object with a non-empty "clients" array.', file, '$.clients');
  }
  const base = path.dirname(file);
  const clients = json.clients.map((entry, index): ClientConfig => {
    const where = `$.clients[${index}]`;
    if (!isObject(entry)) throw new CodegenError('each client must be an object.', file, where);
    for (const key of ['collection', 'out'] as const) {
      if (typeof entry[key] !== 'string' || entry[key] === '') throw new CodegenError(`"${key}" must be a non-empty string.`, file, `${where}.${key}`);
    }
    if (entry.name !== undefined && (typeof entry.name !== 'string' || !/^[A-Za-z][A-Za-z0-9]*$/.test(entry.name))) {
      throw new CodegenError('"name" must be a PascalCase word such as "Accengage".', file, `${where}.name`);
    }
    if (entry.signing !== undefined) {
      const signing = entry.signing as Record<string, unknown>;
      if (!isObject(signing) || signing.scheme !== 'accengage' || typeof signing.keyVariable !== 'string') {
        throw new CodegenError('"signing" must be {"scheme": "accengage", "keyVariable": "<variable holding the API key>"}.', file, `${where}.signing`);
      }
    }
    if (entry.token !== undefined) {
      const token = entry.token as Record<string, unknown>;
      if (!isObject(token) || typeof token.operation !== 'string' || !isObject(token.body) || typeof token.tokenField !== 'string' || !isObject(token.refresh)) {
        throw new CodegenError('"token" needs "operation", "body", "tokenField" and "refresh": {"labels": [...], "statuses": [...]}.', file, `${where}.token`);
      }
    }
    return {
      ...(entry as unknown as ClientConfig),
      collection: path.join(base, entry.collection as string),
      out: path.join(base, entry.out as string),
    };
  });
  return { file, clients };
}
