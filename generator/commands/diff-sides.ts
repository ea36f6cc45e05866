/**
 * The two sides of `diff`: a collection file, a `model.json`, or `<git-ref>:<path>` read through
 * `git show`. Collections go through the same loader and model builder as `generate`, with the
 * configuration's overrides and names when a configured client reads that collection.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildOptionsOf, findConfig, loadConfig, type ClientConfig } from '../config.js';
import { CodegenError } from '../errors.js';
import { isObject } from '../json-types.js';
import { parseJson } from '../load/json.js';
import {
  MAX_COLLECTION_BYTES,
  parseCollection,
  parseCollectionFolder,
  parseCollectionInput,
  readCollectionInput,
  type LoadedCollection,
} from '../load/index.js';
import { collectionFolder, isCollectionFile, refuseWithoutRequests, type CollectionFolder } from '../load/v3-files.js';
import { buildModel, MODEL_VERSION, type ApiModel, type Diagnostic } from '../model/index.js';

export interface Side {
  /** As the user wrote it, for messages and the report. */
  label: string;
  model: ApiModel;
  diagnostics: Diagnostic[];
}

export interface AppliedConfig {
  client?: ClientConfig;
  file?: string;
}

/** `origin/main:collection/api.json`, but not a Windows drive (`C:\…`) nor a file that exists. */
function gitSpec(spec: string): { ref: string; file: string } | undefined {
  if (existsSync(spec) || /^[A-Za-z]:[\\/]/.test(spec)) return undefined;
  const colon = spec.indexOf(':');
  // A ref never starts with `-`: such a side would reach git as one of its options (`--output=…` writes a file).
  return colon > 0 && colon < spec.length - 1 && !spec.startsWith('-')
    ? { ref: spec.slice(0, colon), file: spec.slice(colon + 1) }
    : undefined;
}

const run = promisify(execFile);

async function gitShow(spec: string): Promise<string> {
  try {
    // --end-of-options: whatever the side holds, git reads it as a revision, never as an option.
    const { stdout } = await run('git', ['show', '--end-of-options', spec], {
      encoding: 'utf8',
      maxBuffer: MAX_COLLECTION_BYTES + 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    const detail =
      failure.code === 'ENOENT'
        ? 'git is not installed (or not on PATH)'
        : (failure.stderr ?? failure.message).trim().split('\n')[0] || failure.message;
    const reason = detail.replace(/\.$/, '');
    throw new CodegenError(
      `cannot be read with git show: ${reason}.`,
      spec,
      undefined,
      'Name a file, or <ref>:<path> with a path from the repository root (such as origin/main:collection/api.json).',
    );
  }
}

/** The file a side names, for matching it with a configured client. */
export function sidePath(spec: string): string {
  return gitSpec(spec)?.file ?? spec;
}

/** The configured client that reads one of these collections, when a configuration applies. */
export async function configFor(specs: string[], named: string | undefined): Promise<AppliedConfig> {
  let file: string;
  try {
    file = findConfig(named);
  } catch (error) {
    if (named) throw error;
    return {};
  }
  const config = await loadConfig(file);
  const wanted = specs.map((spec) => path.resolve(sidePath(spec)));
  const client =
    wanted
      .map((target) => config.clients.find((entry) => path.resolve(entry.collection) === target))
      .find((entry) => entry !== undefined) ?? (named && config.clients.length === 1 ? config.clients[0] : undefined);
  return client ? { client, file } : { file };
}

function isModelJson(json: unknown): json is Record<string, unknown> {
  return (
    isObject(json) &&
    typeof json.modelVersion === 'number' &&
    Array.isArray(json.operations) &&
    Array.isArray(json.resources)
  );
}

/** Enough of a model's shape to compare it: a broken model.json is bad input, never a crash. */
function checkModel(json: Record<string, unknown>, file: string): ApiModel {
  const fail = (where: string, what: string): never => {
    throw new CodegenError(
      `is not a route model this version reads: ${what}.`,
      file,
      where,
      'Regenerate it (postman-codegen model <collection> --out model.json), or compare the collections.',
    );
  };
  if (json.modelVersion !== MODEL_VERSION)
    fail('$.modelVersion', `version ${String(json.modelVersion)}, this postman-codegen reads version ${MODEL_VERSION}`);
  if (!isObject(json.baseUrl) || !Array.isArray(json.variables) || !isObject(json.auth))
    fail('$', 'baseUrl, variables and auth are required');
  // Every schema the comparison walks has the members of its type (iteratively: a schema can nest deep).
  const checkSchema = (schema: unknown, where: string): void => {
    const stack: Array<[unknown, string]> = [[schema, where]];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const [node, at] = next;
      if (!isObject(node) || typeof node.type !== 'string') return fail(at, 'a schema must be an object with a type');
      switch (node.type) {
        case 'object':
          if (!isObject(node.properties) || !Array.isArray(node.required))
            fail(at, 'an object schema must have properties and required');
          for (const [key, property] of Object.entries(node.properties as Record<string, unknown>))
            stack.push([property, `${at}.properties[${JSON.stringify(key)}]`]);
          break;
        case 'array':
          stack.push([node.items, `${at}.items`]);
          break;
        case 'map':
          stack.push([node.values, `${at}.values`]);
          break;
        case 'union':
          if (!Array.isArray(node.anyOf)) fail(at, 'a union schema must have anyOf');
          (node.anyOf as unknown[]).forEach((option, n) => stack.push([option, `${at}.anyOf[${n}]`]));
          break;
        case 'enum':
          if (!Array.isArray(node.values)) fail(at, 'an enum schema must have values');
          break;
      }
    }
  };
  const visit = (operations: unknown, resources: unknown, where: string): void => {
    if (!Array.isArray(operations) || !Array.isArray(resources)) fail(where, 'operations and resources must be arrays');
    (operations as unknown[]).forEach((operation, index) => {
      const at = `${where}.operations[${index}]`;
      if (!isObject(operation)) return fail(at, 'an operation must be an object');
      for (const key of ['id', 'name', 'identifier', 'typeName', 'method', 'pathTemplate'])
        if (typeof operation[key] !== 'string') fail(`${at}.${key}`, `"${key}" must be a string`);
      for (const key of ['pathParams', 'query', 'headers', 'responses'])
        if (!Array.isArray(operation[key])) fail(`${at}.${key}`, `"${key}" must be an array`);
      if (!isObject(operation.auth) || !isObject(operation.scripts) || !isObject(operation.source))
        fail(at, 'auth, scripts and source are required');
      for (const key of ['pathParams', 'query'])
        (operation[key] as unknown[]).forEach((param, n) => {
          const place = `${at}.${key}[${n}]`;
          if (!isObject(param) || typeof param.name !== 'string' || typeof param.identifier !== 'string')
            return fail(place, 'a parameter must be an object with a name and an identifier');
          checkSchema(param.schema, `${place}.schema`);
        });
      (operation.headers as unknown[]).forEach((header, n) => {
        if (!isObject(header) || typeof header.name !== 'string' || typeof header.value !== 'string')
          fail(`${at}.headers[${n}]`, 'a header must be an object with a name and a value');
      });
      (operation.responses as unknown[]).forEach((response, n) => {
        const place = `${at}.responses[${n}]`;
        if (!isObject(response) || typeof response.status !== 'number' || !isObject(response.headers))
          return fail(place, 'a response must be an object with a status and headers');
        if (!Array.isArray(response.examples)) fail(`${place}.examples`, '"examples" must be an array');
        checkSchema(response.schema, `${place}.schema`);
      });
      if (operation.body !== undefined) {
        if (!isObject(operation.body) || typeof operation.body.kind !== 'string')
          fail(`${at}.body`, 'a body must be an object with a kind');
        checkSchema((operation.body as Record<string, unknown>).schema, `${at}.body.schema`);
      }
    });
    (resources as unknown[]).forEach((resource, index) => {
      const at = `${where}.resources[${index}]`;
      if (!isObject(resource) || !isObject(resource.source))
        return fail(at, 'a resource must be an object with a source');
      visit(resource.operations, resource.resources, at);
    });
  };
  visit(json.operations, json.resources, '$');
  return json as unknown as ApiModel;
}

/** A model.json's text as a model; a broken or foreign one is a CodegenError naming the place. */
export function modelFromJson(text: string, file: string): ApiModel {
  const json = parseJson(text, file);
  if (!isModelJson(json))
    throw new CodegenError('is not a route model (no modelVersion, operations and resources).', file, '$');
  return checkModel(json, file);
}

/** A side from its text: a model.json is taken as it is; anything else is a collection to load and model. */
function sideOf(text: string, label: string, display: string, config: AppliedConfig): Side {
  // A collection is parsed by the loader; only text that names a model version is tried as one.
  if (text.includes('"modelVersion"')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined; // Not JSON: the collection loader says precisely what is wrong with it.
    }
    if (isModelJson(json)) return { label, model: checkModel(json, display), diagnostics: [] };
  }
  return modelledSide(parseCollection(text, display), label, config);
}

function modelledSide(loaded: LoadedCollection, label: string, config: AppliedConfig): Side {
  const { model, diagnostics } = buildModel(loaded, config.client ? buildOptionsOf(config.client, config.file) : {});
  return { label, model, diagnostics };
}

/** What `<ref>:<path>` names in git: a file (`blob`), a folder (`tree`), or undefined when neither. */
async function gitKind(spec: string): Promise<string | undefined> {
  try {
    return (await run('git', ['cat-file', '-t', spec], { encoding: 'utf8' })).stdout.trim();
  } catch {
    return undefined; // git show says why, with the message users know.
  }
}

/**
 * The texts of several files of a commit, through one `git cat-file --batch` (a collection folder
 * holds thousands: one git process each would take seconds). Each answer is a header
 * `<id> <type> <size>`, the bytes and a newline; a name git cannot find answers `<name> missing`.
 */
async function gitBlobs(specs: string[]): Promise<string[]> {
  // A line break in a name would end its line of the batch: such a name is read on its own.
  if (specs.some((spec) => spec.includes('\n'))) return Promise.all(specs.map(gitShow));
  const output = await new Promise<Buffer>((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file exited with ${code}`)),
    );
    child.stdin.end(specs.map((spec) => `${spec}\n`).join(''));
  });
  const texts: string[] = [];
  let at = 0;
  for (const spec of specs) {
    const end = output.indexOf(0x0a, at);
    const header = output.subarray(at, end).toString('utf8');
    const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined)
      throw new CodegenError(`cannot be read with git: ${header}.`, spec, undefined, 'Check the ref and the path.');
    texts.push(output.subarray(end + 1, end + 1 + Number(size)).toString('utf8'));
    at = end + 1 + Number(size) + 1;
  }
  return texts;
}

/**
 * A Native Git (v3) collection folder as a commit holds it: every file below the folder, read
 * through git. Dot entries are skipped as on disk, except the `.resources` folders.
 */
async function gitFolder(spec: string, ref: string, folder: string): Promise<CollectionFolder> {
  const base = folder.replace(/\/+$/, '');
  const { stdout } = await run('git', ['ls-tree', '-r', '-z', '--name-only', `${ref}:${base}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const names = stdout
    .split('\0')
    .filter((name) => name !== '' && isCollectionFile(name))
    .sort();
  refuseWithoutRequests(names, spec);
  const texts = await gitBlobs(names.map((name) => `${ref}:${base}/${name}`));
  return collectionFolder(
    spec,
    new Map(names.map((name, index) => [name, texts[index] as string])),
    MAX_COLLECTION_BYTES,
  );
}

export async function readSide(spec: string, config: AppliedConfig): Promise<Side> {
  const git = gitSpec(spec);
  if (git && (await gitKind(spec)) === 'tree')
    return modelledSide(parseCollectionFolder(await gitFolder(spec, git.ref, git.file)), spec, config);
  if (git) return sideOf(await gitShow(spec), spec, spec, config);
  const input = await readCollectionInput(spec);
  // A Native Git folder is a collection; only a file can be a model.json.
  if (input.kind === 'folder') return modelledSide(parseCollectionInput(input), spec, config);
  return sideOf(input.text, spec, input.display, config);
}
