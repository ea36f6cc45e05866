/**
 * openapi.json: the route model as an OpenAPI 3.1 document, for the rest of the ecosystem (Redoc,
 * Scalar, mock servers, other generators). It reads the reference view only, so operationIds are
 * the client's flat function names and tags its folders.
 *
 * Postman allows several requests with one method and path (variants of one call); OpenAPI does
 * not. They become one operation whose parameters, bodies and responses cover every variant, and
 * `x-postman-requests` lists them all: nothing is dropped.
 */
import { createHash } from 'node:crypto';
import type { ObjectSchema, Operation, Parameter, RequestBody, Response, Schema } from '../model/types.js';
import { signingHeaders } from '../docs/signing.js';
import type { Reference, ReferenceOperation } from '../docs/reference.js';
import { isSuccessStatus } from '../docs/reference.js';
import { parsedBodyExamples, parsedSample, type ParsedExample } from '../docs/json-example.js';
import { COMPONENT_NAME, convertersFor, jsonSchema, typedExample, type Converted, type JsonSchema } from './schema.js';
import { buildSecurity, type Security } from './security.js';
import { wholeVariable } from '../model/variables.js';
import { oncePer } from '../docs/once.js';
import { pushTo } from '../maps.js';

type Json = Record<string, unknown>;

const HTTP_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;
/** Headers OpenAPI describes elsewhere (media types, security schemes); the signing headers are added per model. */
const NOT_PARAMETERS = new Set(['accept', 'content-type', 'authorization']);
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Style rules reject a server URL or a path ending in a slash, `/` alone excepted. A bare scheme
 * (`https://`, `file:///`) names no host: the server is then the document's own, `/`.
 */
function withoutTrailingSlash(url: string): string {
  const trimmed = url.replace(/\/+$/, '');
  if (trimmed === '') return url === '' ? '' : '/';
  return /^[A-Za-z][A-Za-z0-9+.-]*:$/.test(trimmed) ? '/' : trimmed;
}

/** `{{name}}` → `{name}`: a Postman origin as an OpenAPI server. */
function serverFor(raw: string, reference: Reference, fallback?: string): Json {
  const variables: Record<string, Json> = {};
  const whole = wholeVariable(raw);
  const valueOf = (name: string): string => {
    const variable = reference.model.variables.find((candidate) => candidate.name === name);
    return variable && variable.type !== 'secret' && variable.default !== '<redacted>' ? variable.default : '';
  };
  if (whole !== undefined) {
    const value = valueOf(whole) || fallback || '';
    if (/^https?:\/\/[^\s{}]+$/i.test(value))
      return { url: withoutTrailingSlash(value), description: `The collection variable ${whole}.` };
  }
  if (/^https?:\/\/[^\s{}]+$/i.test(raw)) return { url: withoutTrailingSlash(raw) };
  let index = 0;
  // A brace that is not one of the collection's {{variables}} would read as a server variable.
  const url = raw.replace(/\{\{\s*([^{}]*?)\s*\}\}|[{}]/g, (match, name: string | undefined) => {
    if (name === undefined) return encodeURIComponent(match);
    const key = /^[A-Za-z0-9_.-]+$/.test(name) ? name : `var${++index}`;
    variables[key] = { default: valueOf(name), description: `The collection variable ${name}.` };
    return `{${key}}`;
  });
  const clean = withoutTrailingSlash(url.replace(/[\s"<>\\^`|]/g, encodeURIComponent));
  return clean === '' ? { url: '/' } : { url: clean, ...(Object.keys(variables).length > 0 ? { variables } : {}) };
}

/** The flat function name, or an ASCII stand-in with a hash when it holds letters a URL cannot (OpenAPI tools put operationIds in URLs). */
function operationIdOf(entry: ReferenceOperation): string {
  if (/^[A-Za-z0-9_.~$-]+$/.test(entry.functionName)) return entry.functionName;
  const ascii = entry.functionName.replace(/[^A-Za-z0-9_]/g, '') || 'operation';
  return `${ascii}_${createHash('sha256').update(entry.functionName).digest('hex').slice(0, 8)}`;
}

/** The characters a path parameter's name may hold where OpenAPI tools look for `{name}` in a path. */
const PATH_PARAM_NAME = /^[A-Za-z0-9_.-]+$/;

/**
 * A path OpenAPI accepts: leading slash, no query or fragment characters, braces only around
 * parameters. A parameter whose name tools would not read inside braces (`{user id}`, `{>id}`) is
 * renamed in the path and in its parameter (a path parameter's name is never sent): `params` has
 * the names used, `wireNames` the collection's, in the same order. Made once per operation: the
 * grouping by path and the parameters both read it.
 */
const pathOf = oncePer((operation: Operation): { path: string; params: string[]; wireNames: string[] } => {
  const params: string[] = [];
  const wireNames: string[] = [];
  const names = new Set(operation.pathParams.map((param) => param.name));
  let path = operation.pathTemplate.startsWith('/') ? operation.pathTemplate : `/${operation.pathTemplate}`;
  path = path.replace(/\{([^{}]*)\}|[{}?#%\s]/g, (match, name: string | undefined) => {
    if (name !== undefined && names.has(name) && !wireNames.includes(name)) {
      const used = PATH_PARAM_NAME.test(name) ? name : readableParamName(name, names, params);
      params.push(used);
      wireNames.push(name);
      return `{${used}}`;
    }
    return encodeURIComponent(match);
  });
  return { path, params, wireNames };
});

/** `user id` → `user_id`: a name of PATH_PARAM_NAME characters that no other parameter of the path has. */
function readableParamName(name: string, names: ReadonlySet<string>, used: readonly string[]): string {
  const base = name.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+|_+$/g, '') || 'param';
  let candidate = base;
  for (let n = 2; names.has(candidate) || used.includes(candidate); n++) candidate = `${base}_${n}`;
  return candidate;
}

function parameterObject(param: Parameter, place: 'path' | 'query'): Json {
  const schema = jsonSchema(param.schema);
  const example = typedExample(param.example, param.schema);
  // Built field by field, in the order the document shows them: one object, no copies.
  const object: Json = { name: param.name, in: place, required: place === 'path' ? true : param.required };
  if (param.description) object.description = param.description;
  object.schema = param.repeated ? { type: 'array', items: schema } : schema;
  if (example !== undefined) object.example = param.repeated ? [example] : example;
  if (place === 'query' && param.repeated) object.explode = true;
  if (param.example !== undefined && example === undefined) object['x-postman-value'] = param.example;
  return object;
}

/**
 * An example body as its JSON value, or as text when it is not JSON (or nests too deep to write),
 * or when an object in it has a `$ref` member: OpenAPI tools resolve such an object as a reference
 * even inside an example (and fail, or show another document's part). `parsed` is its parseExample.
 */
function exampleValue(text: string, parsed: ParsedExample | undefined): unknown {
  return parsed && !parsed.holdsReference ? parsed.value : text;
}

function mediaTypeOf(body: RequestBody): string {
  const declared = body.contentType?.split(';')[0]?.trim() ?? '';
  switch (body.kind) {
    case 'form':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return 'multipart/form-data';
    case 'graphql':
      return 'application/json';
    case 'json':
      return MEDIA_TYPE.test(declared) && declared.includes('json') ? declared : 'application/json';
    case 'text':
      return MEDIA_TYPE.test(declared) ? declared : 'text/plain';
    default:
      return MEDIA_TYPE.test(declared) ? declared : 'application/octet-stream';
  }
}

function bodySchema(builder: Builder, body: RequestBody): JsonSchema {
  switch (body.kind) {
    case 'text':
      return { type: 'string' };
    case 'binary':
      return { type: 'string', contentMediaType: mediaTypeOf(body) };
    case 'graphql':
      return {
        type: 'object',
        properties: { query: { type: 'string' }, variables: { type: 'object' } },
        required: ['query'],
      };
    default:
      return converted(builder, body.schema);
  }
}

function mediaOfResponse(response: Response): string {
  const declared = response.contentType?.split(';')[0]?.trim() ?? '';
  return MEDIA_TYPE.test(declared) ? declared : response.schema.type === 'string' ? 'text/plain' : 'application/json';
}

/** Values that print the same, once each, in order: variants often repeat one another. */
function distinctValues<T>(values: T[]): T[] {
  // Most operations have one variant: nothing to compare, nothing to print.
  if (values.length < 2) return values;
  // Variants often hold one shared object (a schema the model shares): the same without printing it.
  const objects = [...new Set(values)];
  if (objects.length < 2) return objects;
  return [...new Map(objects.map((value) => [JSON.stringify(value), value])).values()];
}

/** Several variants' schemas as one: the same schema once, different ones as anyOf. */
function mergeSchemas(schemas: JsonSchema[]): JsonSchema {
  const distinct = distinctValues(schemas);
  return distinct.length === 1 ? (distinct[0] as JsonSchema) : { anyOf: distinct };
}

interface Builder {
  reference: Reference;
  security: Security;
  /** Named schemas by name (a Map: a name such as `__proto__` is a key like any other). */
  components: Map<string, JsonSchema>;
  /** The shared entities the document refers to, by name: declared in components at the end. */
  entities: Map<string, ObjectSchema>;
  /** Model schemas as JSON Schema, made once per schema for this reference (see convertersFor). */
  converters: ReturnType<typeof convertersFor>;
  /** The headers the signer sets, lower-cased: never parameters. */
  signedHeaders: ReadonlySet<string>;
  /** The document's own server as JSON: an operation names its server only when it differs. */
  defaultServerText: string;
}

/**
 * A named schema in components when the name is usable there and not taken by another shape;
 * the schema inline otherwise. Names are the client's type names, so a name is claimed twice
 * only by variants of one call: only then are the two shapes printed to compare them.
 */
function named(builder: Builder, name: string, schema: JsonSchema): JsonSchema {
  if (!COMPONENT_NAME.test(name) || Object.keys(schema).length === 0 || builder.reference.entityNames.has(name))
    return schema;
  const owner = builder.components.get(name);
  if (owner === undefined) builder.components.set(name, schema);
  else if (JSON.stringify(owner) !== JSON.stringify(schema)) return schema;
  return { $ref: `#/components/schemas/${name}` };
}

/** A converted schema's JSON Schema, with the entities it refers to noted for components (the first of each name). */
function noted(builder: Builder, { schema, entities }: Converted): JsonSchema {
  for (const entity of entities)
    if (!builder.entities.has(entity.name as string)) builder.entities.set(entity.name as string, entity);
  return schema;
}

/** A body's or response's schema, its entities noted for components. */
function converted(builder: Builder, schema: Schema): JsonSchema {
  return noted(builder, builder.converters.shared(schema));
}

/**
 * The components with every entity the document refers to declared by its name, the entities
 * those refer to included: each once, as the client's types file declares them. A Map's iteration
 * reaches the entries added while it runs, so the entities an entity refers to are declared too.
 */
function declareEntities(builder: Builder): Map<string, JsonSchema> {
  for (const [name, entity] of builder.entities)
    builder.components.set(name, noted(builder, builder.converters.entity(entity)));
  return builder.components;
}

function requestBodyOf(builder: Builder, entries: ReferenceOperation[]): Json | undefined {
  const withBody = entries.filter((entry) => entry.operation.body && entry.operation.body.kind !== 'none');
  if (withBody.length === 0) return undefined;
  const byMedia = new Map<string, { schemas: JsonSchema[]; examples: unknown[]; encoding: Record<string, Json> }>();
  for (const entry of withBody) {
    const body = entry.operation.body as RequestBody;
    const media = mediaTypeOf(body);
    const slot = byMedia.get(media) ?? { schemas: [], examples: [], encoding: {} };
    slot.schemas.push(
      body.kind === 'json'
        ? named(builder, `${entry.operation.typeName}Body`, bodySchema(builder, body))
        : bodySchema(builder, body),
    );
    const parsed = parsedBodyExamples(body);
    body.examples.forEach((example, index) => slot.examples.push(exampleValue(example, parsed[index])));
    for (const field of body.fields ?? [])
      if (field.kind === 'file' && field.contentType && MEDIA_TYPE.test(field.contentType))
        slot.encoding[field.name] = { contentType: field.contentType };
    byMedia.set(media, slot);
  }
  const content: Record<string, Json> = {};
  for (const [media, slot] of byMedia) {
    const examples = Object.fromEntries(
      distinctValues(slot.examples).map((value, index) => [`example${index + 1}`, { value }]),
    );
    const item: Json = { schema: mergeSchemas(slot.schemas) };
    if (Object.keys(examples).length > 0) item.examples = examples;
    if (Object.keys(slot.encoding).length > 0) item.encoding = slot.encoding;
    content[media] = item;
  }
  const required =
    withBody.length === entries.length &&
    withBody.every((entry) => {
      const body = entry.operation.body as RequestBody;
      return (
        body.kind === 'binary' ||
        body.kind === 'text' ||
        (body.schema.type === 'object' && body.schema.required.length > 0)
      );
    });
  return { required, content };
}

function responsesOf(builder: Builder, entries: ReferenceOperation[]): Json {
  interface Slot {
    descriptions: string[];
    media: Map<string, JsonSchema[]>;
    /** The saved bodies per media type, as OpenAPI example objects. */
    samples: Map<string, Array<{ summary: string; value: unknown }>>;
    headers: Map<string, string>;
  }
  const byStatus = new Map<string, Slot>();
  for (const entry of entries) {
    const successes = entry.operation.responses.filter(
      (response) => isSuccessStatus(response.status) && response.schemaSource !== 'none',
    );
    for (const response of entry.operation.responses) {
      const key = response.status >= 100 && response.status <= 599 ? String(response.status) : 'default';
      const slot: Slot = byStatus.get(key) ?? {
        descriptions: [],
        media: new Map(),
        samples: new Map(),
        headers: new Map(),
      };
      slot.descriptions.push(...response.examples);
      for (const [name, value] of Object.entries(response.headers))
        if (name !== 'content-type' && HTTP_TOKEN.test(name) && !slot.headers.has(name)) slot.headers.set(name, value);
      if (response.schemaSource !== 'none') {
        const media = mediaOfResponse(response);
        let schema: JsonSchema;
        if (response.csv) {
          schema = {
            type: 'string',
            'x-csv': {
              delimiter: response.csv.delimiter,
              columns: response.csv.columns,
              row: converted(builder, response.schema.type === 'array' ? response.schema.items : response.schema),
            },
          };
        } else if (media.includes('json') || response.schema.type !== 'string') {
          const suffix = successes.length > 1 ? String(response.status) : '';
          schema = isSuccessStatus(response.status)
            ? named(builder, `${entry.operation.typeName}Response${suffix}`, converted(builder, response.schema))
            : converted(builder, response.schema);
        } else {
          schema = { type: 'string' };
        }
        pushTo(slot.media, media, schema);
        for (const sample of response.samples ?? []) {
          // A cut sample is no longer a valid document: it stays in the docs only.
          if (sample.truncated) continue;
          const value = response.csv ? sample.body : exampleValue(sample.body, parsedSample(sample));
          pushTo(slot.samples, media, { summary: sample.name, value });
        }
      }
      byStatus.set(key, slot);
    }
  }
  if (byStatus.size === 0) return { default: { description: 'The collection saves no example response.' } };
  const responses: Json = {};
  const keys = [...byStatus.keys()].sort((a, b) =>
    a === 'default' ? 1 : b === 'default' ? -1 : Number(a) - Number(b),
  );
  for (const key of keys) {
    const slot = byStatus.get(key) as Slot;
    const names = [...new Set(slot.descriptions)];
    // Built field by field, in the order the document shows them: no entries arrays, no spreads.
    const response: Json = {
      description:
        names.length > 0
          ? `Examples: ${names.join(', ')}`
          : key === 'default'
            ? 'An example with no status.'
            : `HTTP ${key}`,
    };
    if (slot.headers.size > 0) {
      // No prototype: a header named "__proto__" stays a header.
      const headers = Object.create(null) as Json;
      for (const name of [...slot.headers.keys()].sort())
        headers[name] = { schema: { type: 'string' }, example: slot.headers.get(name) };
      response.headers = headers;
    }
    if (slot.media.size > 0) {
      const content: Json = {};
      for (const [media, schemas] of slot.media) {
        const samples = slot.samples.get(media) ?? [];
        const item: Json = { schema: mergeSchemas(schemas) };
        if (samples.length > 0) {
          const examples: Json = {};
          for (let index = 0; index < samples.length; index++) examples[`example${index + 1}`] = samples[index];
          item.examples = examples;
        }
        content[media] = item;
      }
      response.content = content;
    }
    responses[key] = response;
  }
  return responses;
}

function parametersOf(entries: ReferenceOperation[], pathNames: string[], signedHeaders: ReadonlySet<string>): Json[] {
  const merged = new Map<string, { objects: Json[]; count: number }>();
  // One request (most operations) names each parameter once: nothing to merge, each is final as built.
  const alone: Json[] = [];
  const add =
    entries.length === 1
      ? (_key: string, object: Json): void => {
          alone.push(object);
        }
      : (key: string, object: Json): void => {
          const slot = merged.get(key) ?? { objects: [], count: 0 };
          slot.objects.push(object);
          slot.count++;
          merged.set(key, slot);
        };
  for (const entry of entries) {
    const { operation } = entry;
    const { wireNames } = pathOf(operation);
    // A variant's own names for the path's parameters give way to the first variant's.
    wireNames.forEach((name, index) => {
      const param = operation.pathParams.find((candidate) => candidate.name === name) as Parameter;
      const used = pathNames[index] as string;
      const object = parameterObject(param, 'path');
      object.name = used;
      if (used !== name) object['x-postman-name'] = name;
      add(`path:${used}`, object);
    });
    const seen = new Set<string>();
    for (const param of operation.query) {
      if (seen.has(param.name)) continue;
      seen.add(param.name);
      add(`query:${param.name}`, parameterObject(param, 'query'));
    }
    for (const header of operation.headers) {
      const lower = header.name.toLowerCase();
      if (
        NOT_PARAMETERS.has(lower) ||
        signedHeaders.has(lower) ||
        !HTTP_TOKEN.test(header.name) ||
        seen.has(`header:${lower}`)
      )
        continue;
      seen.add(`header:${lower}`);
      const object: Json = { name: header.name, in: 'header', required: false };
      if (header.description) object.description = header.description;
      object.schema = { type: 'string' };
      object[header.variables.length === 0 ? 'example' : 'x-postman-value'] = header.value;
      add(`header:${lower}`, object);
    }
  }
  if (entries.length === 1) return alone;
  return [...merged.values()].map(({ objects, count }) => {
    const first = objects[0] as Json;
    const schema = mergeSchemas(objects.map((object) => object.schema as JsonSchema));
    // Required only when every variant requires it.
    const required =
      first.in === 'path' ? true : count === entries.length && objects.every((object) => object.required === true);
    // `first` is this list's own object: its fields keep their places.
    first.required = required;
    first.schema = schema;
    return first;
  });
}

function operationObject(builder: Builder, entries: ReferenceOperation[], pathNames: string[]): Json {
  const first = entries[0] as ReferenceOperation;
  const { operation } = first;
  const { reference, security } = builder;
  const tags = [
    ...new Set(entries.filter((entry) => entry.folders.length > 0).map((entry) => entry.folders.join(' / '))),
  ];
  const statuses = new Set(entries.map((entry) => entry.operation.status).filter(Boolean));
  const descriptions =
    entries.length === 1
      ? [operation.description ?? '']
      : entries.map(
          (entry) =>
            `**${entry.operation.name}** (\`${entry.memberPath}\`)${entry.operation.description ? `: ${entry.operation.description}` : ''}`,
        );
  const isToken = (entry: ReferenceOperation): boolean => reference.tokenOperation?.operation.id === entry.operation.id;
  const perEntry = entries.map((entry) =>
    security.requirementFor(entry.operation.auth, { tokenOperation: isToken(entry) }),
  );
  const requirements = distinctValues(perEntry.flat());
  const noAuth = perEntry.some((requirement) => requirement.length === 0);
  const server = operation.baseUrl ? serverFor(operation.baseUrl, reference) : undefined;
  const requestBody = requestBodyOf(builder, entries);
  const pagination = operation.pagination;
  const operationId = operationIdOf(first);
  const description = descriptions.join('\n\n').trim();
  // Built field by field, in the order the document shows them: no spread copies one object into
  // another (thousands of operations, each with a dozen optional fields).
  const object: Json = { operationId };
  if (operationId !== first.functionName) object['x-client-function'] = first.functionName;
  object.summary = operation.name;
  if (description) object.description = description;
  if (tags.length > 0) object.tags = tags;
  object.parameters = parametersOf(entries, pathNames, builder.signedHeaders);
  if (requestBody) object.requestBody = requestBody;
  object.responses = responsesOf(builder, entries);
  // An operation some variants call without credentials accepts either.
  object.security = noAuth && requirements.length > 0 ? [...requirements, {}] : requirements;
  if (server && JSON.stringify(server) !== builder.defaultServerText) object.servers = [server];
  if (entries.every((entry) => entry.operation.deprecated)) object.deprecated = true;
  if (statuses.size > 0) object['x-route-status'] = statuses.size === 1 ? [...statuses][0] : 'inferred';
  if (pagination) {
    const paging: Json = {
      style: 'link-header',
      next: 'the rel="next" URL of the Link response header',
      itemsAt:
        pagination.itemsAt === 'csv'
          ? 'csv rows'
          : pagination.itemsAt === ''
            ? 'the body (a JSON array)'
            : pagination.itemsAt,
    };
    if (pagination.bodyLinks) paging.bodyLinks = pagination.bodyLinks;
    if (pagination.pageParam) paging.pageParam = pagination.pageParam;
    object['x-pagination'] = paging;
  }
  object['x-postman-requests'] = entries.map((entry) => ({
    id: entry.operation.id,
    method: entry.operation.method,
    path: entry.operation.pathTemplate,
    itemPath: entry.operation.source.itemPath,
    client: entry.memberPath,
    status: entry.operation.status ?? null,
  }));
  return object;
}

/**
 * The named schemas in code-unit order of their names. The keys are sorted alone, by the native
 * comparison: a comparator written in JS (destructuring each pair) took a few milliseconds on
 * 2,500 schemas, and so did `Object.fromEntries` growing an object one layout at a time.
 */
function sortedSchemas(components: Map<string, JsonSchema>): Record<string, JsonSchema> {
  const schemas = Object.create(null) as Record<string, JsonSchema>;
  for (const name of [...components.keys()].sort()) schemas[name] = components.get(name) as JsonSchema;
  return schemas;
}

/** The OpenAPI document, as deterministic JSON text. */
export function renderOpenApi(reference: Reference): string {
  const { model } = reference;
  const tokenPath = reference.tokenOperation
    ? `${reference.tokenOperation.operation.method} ${reference.tokenOperation.operation.pathTemplate}`
    : undefined;
  const defaultServer = serverFor(model.baseUrl.raw, reference, model.baseUrl.default);
  const builder: Builder = {
    reference,
    security: buildSecurity(model, reference.options, tokenPath),
    components: new Map(),
    entities: new Map(),
    converters: convertersFor(reference.entityNames),
    signedHeaders: new Set(model.signing ? signingHeaders(model.signing).map((name) => name.toLowerCase()) : []),
    defaultServerText: JSON.stringify(defaultServer),
  };
  // Paths that differ only in their parameters' names are one path to OpenAPI.
  const groups = new Map<string, { path: string; params: string[]; methods: Map<string, ReferenceOperation[]> }>();
  const unusual: ReferenceOperation[] = [];
  for (const entry of reference.operations) {
    const method = entry.operation.method.toLowerCase();
    if (!METHODS.has(method)) {
      unusual.push(entry);
      continue;
    }
    const { path: exact, params } = pathOf(entry.operation);
    // Style rules reject a trailing slash: `/things/` is `/things` here, a variant of it when both
    // exist (merged as any two requests with one method and path); the exact path stays in
    // x-postman-requests.
    const path = withoutTrailingSlash(exact);
    const key = path.replace(/\{[^{}]*\}/g, '{}');
    const group = groups.get(key) ?? { path, params, methods: new Map() };
    pushTo(group.methods, method, entry);
    groups.set(key, group);
  }
  const paths: Json = {};
  for (const group of groups.values()) {
    const item: Json = {};
    for (const method of [...METHODS]) {
      const entries = group.methods.get(method);
      if (entries) item[method] = operationObject(builder, entries, group.params);
    }
    paths[group.path] = item;
  }
  const tagNames = [
    ...new Set(
      reference.operations.filter((entry) => entry.folders.length > 0).map((entry) => entry.folders.join(' / ')),
    ),
  ];
  const folderDescriptions = new Map<string, string>();
  const visit = (folders: Reference['root']['folders'], trail: string[]): void => {
    for (const folder of folders) {
      const path = [...trail, folder.name];
      if (folder.description) folderDescriptions.set(path.join(' / '), folder.description);
      visit(folder.folders, path);
    }
  };
  visit(reference.root.folders, []);
  const document = {
    openapi: '3.1.0',
    info: {
      title: model.name.trim() || 'API',
      version: '1.0.0',
      description: [
        model.description ?? '',
        `Generated by postman-codegen from ${model.source.file}; the generated client is \`${reference.className}\`.`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    },
    servers: [defaultServer],
    tags: tagNames.map((name) => ({
      name,
      ...(folderDescriptions.has(name) ? { description: folderDescriptions.get(name) } : {}),
    })),
    paths,
    components: {
      schemas: sortedSchemas(declareEntities(builder)),
      securitySchemes: builder.security.schemes,
    },
    // Methods OpenAPI has no field for (Postman allows any): kept here rather than dropped.
    ...(unusual.length > 0
      ? {
          'x-postman-other-methods': unusual.map((entry) => ({
            method: entry.operation.method,
            path: entry.operation.pathTemplate,
            client: entry.memberPath,
            id: entry.operation.id,
          })),
        }
      : {}),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
