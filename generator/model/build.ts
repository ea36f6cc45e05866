/**
 * Loaded records (generator/records.ts) → route model. Folders become resources, requests operations; auth is resolved
 * through collection → folder → request inheritance; names are assigned last, over the whole tree,
 * so that they depend on the set of items and never on their order.
 */
import type {
  ItemRecord,
  LoadedCollection,
  PairRecord,
  RequestItemRecord,
  RequestRecord,
  ScriptRecord,
} from '../records.js';
import type {
  ApiModel,
  Auth,
  Diagnostic,
  Header,
  Operation,
  Pagination,
  Resource,
  RouteStatus,
  Variable,
} from './types.js';
import path from 'node:path';
import { MODEL_VERSION } from './types.js';
import { readAuth, NO_AUTH } from './auth.js';
import { readRequestBody } from './body.js';
import { readResponses } from './responses.js';
import { readUrl } from './url.js';
import { referencedVariables, substituteVariables } from './variables.js';
import { applyNameOverrides, applyOverrides, applyPaginationOverrides, type SchemaOverride } from './overrides.js';
import { assignNames } from './naming.js';
import { applyProfile, type Profile } from './profile.js';
import { operationsOf } from './find.js';
import {
  applyRequiredFields,
  inferenceOptions,
  type InferenceConfig,
  type InferenceOptions,
} from './inference-config.js';
import { poolEntities, type Place } from './pool.js';
import { responseSchema, type ResponseShape } from './responses.js';

export interface BuildOptions {
  /** Types that win over inference (design §3). */
  overrides?: SchemaOverride[];
  /** Member names chosen by the configuration, by operation reference. */
  names?: Record<string, string>;
  /** Paging traits chosen by the configuration (false: not paged). */
  pagination?: Record<string, Pagination | false>;
  /** Signing, token and error facts from the configuration, and the file they came from. */
  profile?: Profile;
  /** Inference choices (enum rule, required-ness, entities). */
  inference?: InferenceConfig;
  configFile?: string;
}

export interface BuildResult {
  model: ApiModel;
  diagnostics: Diagnostic[];
}

type Scripts = { prerequest: string[]; test: string[] };

/** Draft resources and operations carry empty names until `assignNames` runs. */
interface Context {
  file: string;
  diagnostics: Diagnostic[];
  variables: Map<string, Variable>;
  referenced: Set<string>;
  infer: InferenceOptions;
  /** Success answers' shapes, for entity pooling once every operation is read. */
  places: Array<Place & ResponseShape>;
}

/** Names that end like a credential ("access token", "client_secret", "apiKey"), separators ignored. */
const CREDENTIAL_ENDING = /(token|secret|password|passwd|apikey|credentials?|privatekey|sessionid)$/;
const looksLikeCredential = (name: string): boolean =>
  CREDENTIAL_ENDING.test(name.replace(/[^a-z0-9]/gi, '').toLowerCase());

const STATUS_MARK = /\bstatus\s*:?\s*[*_`]*\s*(confirmed|inferred)\b/i;

function statusOf(description: string | undefined): RouteStatus | undefined {
  const match = description ? STATUS_MARK.exec(description) : null;
  return match ? (match[1]?.toLowerCase() as RouteStatus) : undefined;
}

function scriptLevels(events: ScriptRecord[], level: string, into: Scripts): Scripts {
  const result: Scripts = { prerequest: [...into.prerequest], test: [...into.test] };
  for (const event of events) {
    if (event.disabled || (event.listen !== 'prerequest' && event.listen !== 'test')) continue;
    if (event.source.trim() !== '' && !result[event.listen].includes(level)) result[event.listen].push(level);
  }
  return result;
}

function readVariables(entries: PairRecord[], scope: string, context: Context): void {
  for (const entry of entries) {
    const name = entry.key;
    if (name === '' || entry.disabled || context.variables.has(name)) continue;
    // A credential kept as a plain variable (a pasted token, a password) is treated as a secret:
    // its value never reaches the model or the generated code.
    const declared = (
      ['string', 'number', 'boolean', 'secret'].includes(entry.type ?? '') ? entry.type : 'any'
    ) as Variable['type'];
    const type = looksLikeCredential(name) ? 'secret' : declared;
    const raw = entry.value ?? '';
    const variable: Variable = { name, default: type === 'secret' && raw !== '' ? '<redacted>' : raw, type, scope };
    if (entry.description) variable.description = entry.description;
    context.variables.set(name, variable);
  }
}

function readHeaders(request: RequestRecord): Header[] {
  return request.headers
    .filter((header) => !header.disabled && header.key !== '')
    .map((header) => {
      const value = header.value ?? '';
      const result: Header = { name: header.key, value, variables: referencedVariables(value) };
      if (header.description) result.description = header.description;
      return result;
    });
}

function noteReferences(operation: Operation, context: Context): void {
  const texts = [
    operation.baseUrl,
    ...operation.headers.map((header) => header.value),
    ...(operation.body?.examples ?? []),
    ...Object.values(operation.auth.params),
  ];
  for (const param of [...operation.pathParams, ...operation.query])
    if (param.variable) context.referenced.add(param.variable);
  for (const text of texts) for (const name of referencedVariables(text)) context.referenced.add(name);
}

function buildOperation(
  item: RequestItemRecord,
  request: RequestRecord,
  itemPath: string[],
  auth: Auth,
  scripts: Scripts,
  context: Context,
): Operation & { origin: string } {
  const where = itemPath.join(' / ');
  const examples = item.responses;
  const url = readUrl(request.url);
  const query = url.query.map((param) => ({ ...param, identifier: '' }));
  // Error examples often carry deliberately invalid bodies: only successful ones describe the body.
  const exampleRequests = examples
    .filter((example) => example.code === 0 || (example.code >= 200 && example.code < 300))
    .map((example) => example.originalRequest)
    .filter((original): original is RequestRecord => original !== undefined);
  const description = request.description ?? item.description;
  const method = request.method;
  const body = readRequestBody(request, exampleRequests, {
    method,
    options: context.infer.request,
    ...(description ? { description } : {}),
  });
  const { responses, pagination, shapes } = readResponses(
    examples,
    query,
    where,
    context.diagnostics,
    context.infer.response,
  );
  const operation: Operation & { origin: string } = {
    id: item.id,
    name: item.name,
    identifier: '',
    typeName: '',
    method,
    pathTemplate: url.pathTemplate,
    origin: url.origin,
    pathParams: url.pathParams.map((param) => ({ ...param, identifier: '' })),
    query,
    headers: readHeaders(request),
    responses,
    auth,
    scripts,
    source: { file: context.file, itemPath },
  };
  if (body) operation.body = body;
  if (pagination) operation.pagination = pagination;
  if (description) operation.description = description;
  const status = statusOf(description);
  if (status) operation.status = status;
  // A list's root wraps its items unless they are the root itself: a top-level array, or CSV rows,
  // which have no fields of their own to pool either way.
  const envelope = pagination !== undefined && pagination.itemsAt !== '';
  for (const shape of shapes) {
    const { status: code } = shape.response;
    if (!(code === 0 || (code >= 200 && code < 300))) continue;
    context.places.push({ ...shape, operation, folder: itemPath.at(-2) ?? '', slot: String(code), envelope });
  }
  return operation;
}

interface Tree {
  operations: Array<Operation & { origin: string }>;
  resources: Resource[];
}

function walk(items: ItemRecord[], groupPath: string[], inherited: Auth, scripts: Scripts, context: Context): Tree {
  const tree: Tree = { operations: [], resources: [] };
  for (const child of items) {
    const itemPath = [...groupPath, child.name];
    const where = itemPath.join(' / ');
    const level = child.kind === 'folder' ? where : 'request';
    const declared = child.kind === 'folder' ? child.auth : child.request?.auth;
    const childAuth = readAuth(declared, level) ?? inherited;
    const childScripts = scriptLevels(child.events, level, scripts);
    readVariables(child.variables, where, context);
    if (child.kind === 'folder') {
      const inner = walk(child.items, itemPath, childAuth, childScripts, context);
      const resource: Resource = {
        name: child.name,
        identifier: '',
        typeName: '',
        id: child.id,
        operations: inner.operations,
        resources: inner.resources,
        source: { file: context.file, itemPath },
      };
      if (child.description) resource.description = child.description;
      tree.resources.push(resource);
    } else if (!child.request) {
      context.diagnostics.push({ level: 'warning', message: 'item has no request and was skipped', where });
    } else {
      tree.operations.push(buildOperation(child, child.request, itemPath, childAuth, childScripts, context));
    }
  }
  return tree;
}

/** The origin most operations use; ties go to the alphabetically first, so item order never matters. */
function commonOrigin(origins: string[]): string {
  const counts = new Map<string, number>();
  for (const origin of origins) counts.set(origin, (counts.get(origin) ?? 0) + 1);
  let best = '';
  let bestCount = -1;
  for (const [origin, count] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (count > bestCount) {
      best = origin;
      bestCount = count;
    }
  }
  return best;
}

/** Names the generated types module already uses for operations. */
const OPERATION_TYPE_SUFFIXES = ['Params', 'Body', 'Response', 'Item'];

/** Pools entities across the success answers and types those answers again with them. */
function poolPlaces(
  context: Context,
  operations: Operation[],
  entities: Record<string, string | false> | undefined,
  configFile: string,
): void {
  const taken = new Set(
    operations.flatMap((operation) => OPERATION_TYPE_SUFFIXES.map((suffix) => `${operation.typeName}${suffix}`)),
  );
  const pooled = poolEntities(context.places, {
    infer: context.infer.response,
    taken,
    configFile,
    ...(entities ? { entities } : {}),
  });
  if (pooled.size === 0) return;
  // Places are success answers with a body, all typed from their examples so far (overrides come later).
  for (const place of context.places)
    place.response.schema = responseSchema(place.shape, place.sawText, context.infer.response);
}

export function buildModel(loaded: LoadedCollection, options: BuildOptions = {}): BuildResult {
  const { collection } = loaded;
  // The model names the file without its folder, so it does not change with where the generator
  // runs; a folder given as `.` or `..` is named by its own name, as `../api` names it.
  const file = path.basename(path.resolve(loaded.file));
  const infer = inferenceOptions(options.inference);
  const context: Context = {
    file,
    diagnostics: [...loaded.diagnostics],
    variables: new Map(),
    referenced: new Set(),
    infer,
    places: [],
  };
  readVariables(collection.variables, 'collection', context);
  const auth = readAuth(collection.auth, 'collection') ?? NO_AUTH;
  const scripts = scriptLevels(collection.events, 'collection', { prerequest: [], test: [] });
  const tree = walk(collection.items, [], auth, scripts, context);

  const operations = [...operationsOf(tree.operations, tree.resources)] as Array<Operation & { origin: string }>;
  const raw = commonOrigin(operations.map((operation) => operation.origin));
  for (const operation of operations) {
    if (operation.origin !== raw) operation.baseUrl = operation.origin;
    delete (operation as Partial<typeof operation>).origin;
    noteReferences(operation, context);
  }
  for (const name of referencedVariables(raw)) context.referenced.add(name);
  for (const name of [...context.referenced].sort()) {
    if (!context.variables.has(name))
      context.variables.set(name, { name, default: '', type: 'any', scope: 'referenced' });
  }
  const lookup = (name: string): string | undefined => {
    const variable = context.variables.get(name);
    return variable && variable.default !== '<redacted>' ? variable.default : undefined;
  };

  const model: ApiModel = {
    modelVersion: MODEL_VERSION,
    name: collection.name || 'API',
    baseUrl: { raw, default: substituteVariables(raw, lookup) },
    variables: [...context.variables.values()],
    auth,
    operations: tree.operations,
    resources: tree.resources,
    source: { file, format: loaded.format },
  };
  if (collection.description) model.description = collection.description;
  assignNames(model);
  const configFile = options.configFile ?? 'configuration';
  poolPlaces(context, operations, options.inference?.entities, configFile);
  if (options.inference?.requiredFields) applyRequiredFields(model, options.inference.requiredFields, configFile);
  if (options.overrides) applyOverrides(model, options.overrides, configFile);
  if (options.names) applyNameOverrides(model, options.names, configFile);
  if (options.pagination) applyPaginationOverrides(model, options.pagination, configFile);
  if (options.profile) applyProfile(model, options.profile, configFile);
  return { model, diagnostics: context.diagnostics };
}
