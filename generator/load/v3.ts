/**
 * Postman's "Native Git" collections (format v3): a folder of YAML files, one per request, a
 * `.resources/definition.yaml` per folder and saved examples beside them. The folder is turned
 * into the plain v2.1 collection object that a JSON export of the same collection holds, so that
 * everything after this point is shared with the JSON formats.
 */
import path from 'node:path/posix';
import { CodegenError } from '../errors.js';
import { parseUrl } from './url.js';
import { isObject, type JsonObject } from '../json-types.js';
import type { Diagnostic } from '../records.js';
import type { SkippedRequest } from '../records.js';
import { REQUEST_FILE, RESOURCES, type CollectionFolder } from './v3-files.js';
import { auth, body, description, entries, scripts, variables, type Report } from './v3-fields.js';
import { parseYamlFile, type YamlFile, type YamlProblem } from './v3-yaml.js';

const V21_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';
const YAML_FILE = /\.ya?ml$/;
const DEFINITION = /(?:^|\/)\.resources\/definition\.ya?ml$/;
const EXAMPLE = /\.example\.ya?ml$/;

const REQUEST_KEYS = new Set([
  '$kind',
  'id',
  'name',
  'description',
  'order',
  'url',
  'method',
  'headers',
  'queryParams',
  'pathVariables',
  'body',
  'auth',
  'scripts',
  'examples',
  'settings',
]);
const DEFINITION_KEYS = new Set(['$kind', 'id', 'name', 'description', 'order', 'variables', 'auth', 'scripts']);
const EXAMPLE_KEYS = new Set(['$kind', 'id', 'name', 'description', 'order', 'request', 'response']);

export interface V3Collection {
  /** The collection in the v2.1 shape. */
  collection: JsonObject;
  diagnostics: Diagnostic[];
  skipped: SkippedRequest[];
}

interface Folder {
  /** Path relative to the collection root ("" for the root). */
  dir: string;
  definition?: YamlFile;
  folders: Map<string, Folder>;
  requests: YamlFile[];
}

const dirOf = (file: string): string => {
  const dir = path.dirname(file);
  return dir === '.' ? '' : dir;
};
const stemOf = (file: string): string => path.basename(file).replace(/\.(request|example)\.ya?ml$/, '');
const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);

/** What a v3 collection folder says, read into the v2.1 shape, or one error naming every invalid file. */
export function convertV3(folder: CollectionFolder): V3Collection {
  const { display } = folder;
  const problems: YamlProblem[] = [];
  const diagnostics: Diagnostic[] = [];
  const skipped: SkippedRequest[] = [];
  const unknownKeys = new Map<string, string[]>();
  const otherProtocols: string[] = [];
  const notRead: string[] = [];

  const report: Report = {
    invalid: (file, at, reason, fix) => problems.push({ file: file.file, ...file.position(at), reason, fix }),
    warn: (file, at, message) =>
      diagnostics.push({ level: 'warning', message, where: `${display}/${file.file} (${file.at(at)})` }),
  };

  const parsed = new Map<string, YamlFile>();
  for (const [file, text] of folder.files) {
    if (!YAML_FILE.test(file)) continue;
    const result = parseYamlFile(file, text);
    if (Array.isArray(result)) problems.push(...result);
    else parsed.set(file, result);
  }

  /** The file's top-level object, checked for its kind and for keys the format does not have. */
  const objectOf = (file: YamlFile, known: Set<string>): JsonObject | undefined => {
    if (!isObject(file.value)) {
      problems.push({
        file: file.file,
        line: 1,
        column: 1,
        reason: 'the file does not hold a YAML mapping',
        fix: 'Start the file with "$kind: …" and its fields.',
      });
      return undefined;
    }
    for (const key of Object.keys(file.value)) {
      if (!known.has(key)) unknownKeys.set(key, [...(unknownKeys.get(key) ?? []), `${file.file} (${file.keyAt(key)})`]);
    }
    return file.value;
  };

  // Sort the files into the folder tree.
  const root: Folder = { dir: '', folders: new Map(), requests: [] };
  const folderAt = (dir: string): Folder => {
    if (dir === '') return root;
    const parent = folderAt(dirOf(dir));
    let found = parent.folders.get(dir);
    if (!found) {
      found = { dir, folders: new Map(), requests: [] };
      parent.folders.set(dir, found);
    }
    return found;
  };
  const examplesByDir = new Map<string, YamlFile[]>();
  for (const [name, file] of parsed) {
    const insideResources = name.split('/').includes(RESOURCES);
    if (DEFINITION.test(name)) {
      const owner = folderAt(dirOf(dirOf(name)));
      if (owner.definition) {
        problems.push({
          file: name,
          line: 1,
          column: 1,
          reason: `${owner.definition.file} is the definition of this folder too`,
          fix: 'Keep one of definition.yaml and definition.yml.',
        });
      } else owner.definition = file;
    } else if (insideResources && EXAMPLE.test(name)) {
      examplesByDir.set(dirOf(name), [...(examplesByDir.get(dirOf(name)) ?? []), file]);
    } else if (!insideResources && REQUEST_FILE.test(name)) {
      folderAt(dirOf(name)).requests.push(file);
    } else {
      notRead.push(name);
    }
  }
  const claimedExamples = new Set<string>();

  const orderOf = (file: YamlFile | undefined): number => {
    if (!file || !isObject(file.value)) return Number.POSITIVE_INFINITY;
    const order = file.value.order;
    if (order === undefined || order === null) return Number.POSITIVE_INFINITY;
    if (typeof order === 'number' && Number.isFinite(order)) return order;
    if (typeof order === 'string' && order.trim() !== '' && Number.isFinite(Number(order))) return Number(order);
    problems.push({
      file: file.file,
      ...file.position(['order']),
      // NaN and the infinities are numbers JSON would print as null.
      reason:
        typeof order === 'number'
          ? `"order" must be a finite number, not ${String(order)}`
          : `"order" must be a number, not ${JSON.stringify(order)}`,
      fix: 'Write order: as a plain number, such as order: 1000.',
    });
    return Number.POSITIVE_INFINITY;
  };

  const nameOf = (file: YamlFile | undefined, fallback: string): string => {
    const value = file && isObject(file.value) ? file.value.name : undefined;
    if (typeof value === 'string' && value !== '') return value;
    if (typeof value === 'number') return String(value);
    // An empty name is no name: the file's or folder's own stands in, as for a missing one.
    if (value === '') return fallback;
    if (value !== undefined && value !== null && file)
      report.invalid(file, ['name'], `"name" must be a string`, 'Quote the name.');
    return fallback;
  };

  const readDefinition = (file: YamlFile | undefined, into: JsonObject): void => {
    if (!file) return;
    const value = objectOf(file, DEFINITION_KEYS);
    if (!value) return;
    if (value.$kind !== undefined && value.$kind !== 'collection')
      report.invalid(
        file,
        ['$kind'],
        `a definition's $kind must be "collection", not ${JSON.stringify(value.$kind)}`,
        'Write $kind: collection.',
      );
    const about = description(value.description);
    if (about !== undefined) into.description = about;
    const declared = auth(value.auth, file, ['auth'], report);
    if (declared) into.auth = declared;
    const events = scripts(value.scripts, file, ['scripts'], report);
    if (events.length > 0) into.event = events;
    const vars = variables(value.variables, file, ['variables'], report);
    if (vars.length > 0) into.variable = vars;
    if (typeof value.id === 'string' && value.id !== '') into.id = value.id;
  };

  const readUrl = (
    raw: string,
    queryParams: unknown,
    pathVariables: unknown,
    file: YamlFile,
    at: Array<string | number>,
  ): JsonObject => {
    const url = parseUrl(raw) as unknown as JsonObject;
    const query =
      queryParams === undefined || queryParams === null
        ? undefined
        : entries(queryParams, file, [...at, 'queryParams'], report);
    if (query !== undefined) url.query = query;
    const pathVars = entries(pathVariables, file, [...at, 'pathVariables'], report);
    if (pathVars.length > 0) url.variable = pathVars;
    return { raw, ...url };
  };

  const readExample = (file: YamlFile): JsonObject | undefined => {
    const value = objectOf(file, EXAMPLE_KEYS);
    if (!value) return undefined;
    if (value.$kind !== 'http-example') {
      report.warn(
        file,
        ['$kind'],
        `example of kind ${JSON.stringify(value.$kind)} was skipped (only http-example is read)`,
      );
      return undefined;
    }
    const request = isObject(value.request) ? value.request : {};
    const response = isObject(value.response) ? value.response : {};
    if (value.response !== undefined && !isObject(value.response))
      report.invalid(
        file,
        ['response'],
        '"response" must be a mapping',
        'Write response: with statusCode, headers and body.',
      );
    const originalRequest: JsonObject = {
      method: typeof request.method === 'string' ? request.method : 'GET',
      url: readUrl(
        typeof request.url === 'string' ? request.url : '',
        request.queryParams,
        request.pathVariables,
        file,
        ['request'],
      ),
      header: entries(request.headers, file, ['request', 'headers'], report),
    };
    const requestBody = body(request.body, file, ['request', 'body'], report);
    if (requestBody) originalRequest.body = requestBody;
    const example: JsonObject = {
      name: nameOf(file, stemOf(file.file)),
      originalRequest,
      code: typeof response.statusCode === 'number' ? response.statusCode : Number(response.statusCode) || 0,
      status: typeof response.statusText === 'string' ? response.statusText : '',
      header: entries(response.headers, file, ['response', 'headers'], report),
    };
    const responseBody = response.body;
    if (isObject(responseBody)) {
      example.body =
        typeof responseBody.content === 'string'
          ? responseBody.content
          : responseBody.content === undefined
            ? ''
            : JSON.stringify(responseBody.content);
      if (typeof responseBody.type === 'string')
        example._postman_previewlanguage = responseBody.type === 'javascript' ? 'javascript' : responseBody.type;
    }
    return example;
  };

  const readRequest = (file: YamlFile): JsonObject | undefined => {
    const kind = isObject(file.value) ? file.value.$kind : undefined;
    // Files of other protocols have keys of their own: only HTTP requests are checked for unknown ones.
    const value =
      kind === undefined || kind === 'http-request' ? objectOf(file, REQUEST_KEYS) : (file.value as JsonObject);
    if (!value) return undefined;
    if (kind === undefined) {
      const fix =
        value.type !== undefined
          ? 'Rename "type:" to "$kind:" (as in $kind: http-request).'
          : 'Add $kind: http-request as the first line.';
      problems.push({ file: file.file, line: 1, column: 1, reason: 'the request file has no $kind', fix });
      return undefined;
    }
    if (kind !== 'http-request') {
      otherProtocols.push(`${file.file} (${String(kind)})`);
      skipped.push({
        where: `${display}/${file.file}`,
        why: `its $kind is ${JSON.stringify(kind)}: postman-codegen generates HTTP clients`,
      });
      return undefined;
    }
    const stem = stemOf(file.file);
    const url = value.url ?? '';
    if (typeof url !== 'string')
      report.invalid(
        file,
        ['url'],
        '"url" must be one string (host, path and query)',
        'Write the whole URL as one quoted string, as in url: "{{baseUrl}}/items/:id".',
      );
    if (value.method !== undefined && typeof value.method !== 'string')
      report.invalid(file, ['method'], '"method" must be a string', 'Write method: GET (or POST, PUT…).');
    const request: JsonObject = {
      method: typeof value.method === 'string' ? value.method : 'GET',
      url: readUrl(typeof url === 'string' ? url : '', value.queryParams, value.pathVariables, file, []),
      header: entries(value.headers, file, ['headers'], report),
    };
    const requestBody = body(value.body, file, ['body'], report);
    if (requestBody) request.body = requestBody;
    const requestAuth = auth(value.auth, file, ['auth'], report);
    if (requestAuth) request.auth = requestAuth;
    const about = description(value.description);
    if (about !== undefined) request.description = about;

    // Examples live in the request folder's .resources/<stem>.resources/examples, unless `examples` says where.
    const dir = dirOf(file.file);
    let examplesDir = join(dir, `${RESOURCES}/${stem}.resources/examples`);
    if (typeof value.examples === 'string' && value.examples !== '') {
      const named = path.normalize(join(dir, value.examples.replace(/\\/g, '/'))).replace(/\/$/, '');
      if (named.startsWith('..') || path.isAbsolute(named))
        report.invalid(
          file,
          ['examples'],
          `"examples" points outside the collection folder (${value.examples})`,
          'Point it at ./.resources/<request file stem>.resources/examples.',
        );
      else examplesDir = named;
    }
    const exampleFiles = (examplesDir ? (examplesByDir.get(examplesDir) ?? []) : []).slice().sort(byOrderThenName);
    const response: JsonObject[] = [];
    for (const example of exampleFiles) {
      claimedExamples.add(example.file);
      const read = readExample(example);
      if (read) response.push(read);
    }
    const item: JsonObject = { name: nameOf(file, stem), request, response };
    if (typeof value.id === 'string' && value.id !== '') item.id = value.id;
    const events = scripts(value.scripts, file, ['scripts'], report);
    if (events.length > 0) item.event = events;
    return item;
  };

  function byOrderThenName(a: YamlFile, b: YamlFile): number {
    const difference = orderOf(a) - orderOf(b);
    if (difference !== 0 && !Number.isNaN(difference)) return difference < 0 ? -1 : 1;
    const nameA = nameOf(a, stemOf(a.file)).toLowerCase();
    const nameB = nameOf(b, stemOf(b.file)).toLowerCase();
    if (nameA !== nameB) return nameA < nameB ? -1 : 1;
    return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
  }

  /** A folder's items: subfolders and requests share one order space. */
  const readItems = (node: Folder): JsonObject[] => {
    type Child = { order: number; name: string; key: string; build: () => JsonObject | undefined };
    const children: Child[] = [
      ...[...node.folders.values()].map((child) => {
        const name = nameOf(child.definition, path.basename(child.dir));
        return {
          order: orderOf(child.definition),
          name,
          key: child.dir,
          build: (): JsonObject => {
            const group: JsonObject = { name };
            readDefinition(child.definition, group);
            group.item = readItems(child);
            return group;
          },
        };
      }),
      ...node.requests.map((file) => ({
        order: orderOf(file),
        name: nameOf(file, stemOf(file.file)),
        key: file.file,
        build: () => readRequest(file),
      })),
    ];
    children.sort((a, b) =>
      a.order !== b.order
        ? a.order < b.order
          ? -1
          : 1
        : a.name.toLowerCase() !== b.name.toLowerCase()
          ? a.name.toLowerCase() < b.name.toLowerCase()
            ? -1
            : 1
          : a.key < b.key
            ? -1
            : 1,
    );
    const items: JsonObject[] = [];
    for (const child of children) {
      const built = child.build();
      if (built) items.push(built);
    }
    return items;
  };

  const collection: JsonObject = {};
  readDefinition(root.definition, collection);
  // `.` or `../api` as typed: the folder's own name, whatever the path that named it.
  const info: JsonObject = {
    name: nameOf(root.definition, path.basename(path.resolve(display)) || 'API'),
    schema: V21_SCHEMA,
  };
  if (collection.description !== undefined) info.description = collection.description;
  if (collection.id !== undefined) info._postman_id = collection.id;
  delete collection.description;
  delete collection.id;
  const items = readItems(root);

  if (problems.length > 0) throw invalidFiles(display, problems);

  if (otherProtocols.length > 0) {
    diagnostics.push({
      level: 'warning',
      message: `${otherProtocols.length} request${otherProtocols.length === 1 ? '' : 's'} of other protocols skipped (the generated client speaks HTTP): ${otherProtocols.join(', ')}`,
      where: display,
    });
  }
  for (const [key, places] of [...unknownKeys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shown = places.slice(0, 5).join(', ') + (places.length > 5 ? `, and ${places.length - 5} more` : '');
    diagnostics.push({
      level: 'warning',
      message: `unknown key "${key}" ignored in ${places.length} file${places.length === 1 ? '' : 's'}: ${shown}`,
      where: display,
    });
  }
  const strayExamples = [...examplesByDir.values()].flat().filter((file) => !claimedExamples.has(file.file));
  const unread = [...notRead, ...strayExamples.map((file) => file.file)].sort();
  if (unread.length > 0) {
    diagnostics.push({
      level: 'warning',
      message: `${unread.length} YAML file${unread.length === 1 ? ' was' : 's were'} not read (not a request, a folder definition or the example of a request): ${unread.join(', ')}`,
      where: display,
    });
  }
  return { collection: { info, item: items, ...collection }, diagnostics, skipped };
}

/** One error for all invalid files: each with its path, line and column, and the likely fix. */
function invalidFiles(display: string, problems: YamlProblem[]): CodegenError {
  // Sorting reads `order` and `name` more than once: each problem is said once.
  const unique = [
    ...new Map(
      problems.map((problem) => [
        `${problem.file}\u0000${problem.line}\u0000${problem.column}\u0000${problem.reason}`,
        problem,
      ]),
    ).values(),
  ];
  const sorted = unique.sort((a, b) =>
    a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column,
  );
  const files = new Set(sorted.map((problem) => problem.file)).size;
  const lines = sorted.map(
    (problem) => `  ${display}/${problem.file}:${problem.line}:${problem.column}: ${problem.reason}. ${problem.fix}`,
  );
  return new CodegenError(
    `has ${files} invalid file${files === 1 ? '' : 's'} (nothing was generated):\n${lines.join('\n')}\n`,
    display,
    undefined,
    'Fix them and run again.',
  );
}
