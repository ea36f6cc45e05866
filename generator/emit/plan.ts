/**
 * The emit plan: what each generated file needs, computed from the model alone. The file
 * builders only arrange these pieces; every decision about types and behaviour is made here.
 */
import type {
  ApiModel,
  Auth,
  ObjectSchema,
  Operation,
  Pagination,
  Parameter,
  Resource,
  Response,
  Schema,
} from '../model/types.js';
import { RESERVED_MEMBERS, RESERVED_WORDS, bindingName, typeName, uniqueNames } from '../model/names.js';
import { referencedVariables, templateParts, wholeVariable } from '../model/variables.js';
import { jsonLiteral } from './escape.js';
import { entityProperties, schemaType, type TypeContext } from './schema-type.js';
import { generic, objectType, typeRef, union, type Member, type TypeNode } from './code/ts.js';
import { HTTP_TOKEN } from '../http-token.js';
import { signingVariables } from '../model/profile.js';

/** Auth types the generated client performs itself. */
export const SUPPORTED_AUTH = new Set(['noauth', 'bearer', 'basic', 'apikey', 'oauth2']);

export interface TypeDeclaration {
  kind: 'interface' | 'alias';
  name: string;
  doc?: string;
  /** For interfaces: the members; for aliases: the type. */
  properties?: Member[];
  type?: TypeNode;
}

/** A spec's value: plain data the operations file writes as a literal. */
export type SpecValue = string | number | boolean | SpecValue[] | { [key: string]: SpecValue };

export interface OperationPlan {
  identifier: string;
  typeName: string;
  functionName: string;
  specName: string;
  paramsType: string;
  paramsOptional: boolean;
  /** The type the call resolves to (`…Response`), or the type of a page's items (`…Item`) when paged. */
  resultName: string;
  paged: boolean;
  spec: Record<string, SpecValue>;
  /** The whole description, for the resource method users hover most. */
  doc: string;
  /** Its first sentence, for the flat function (which links to the method). */
  summary: string;
  types: TypeDeclaration[];
}

export interface ResourcePlan {
  identifier: string;
  className: string;
  doc: string;
  operations: OperationPlan[];
  resources: ResourcePlan[];
}

export interface ClientOption {
  name: string;
  variable: string;
  defaultValue?: string;
  /** The collection's value when it is an example id (it fills only path segments), not a default. */
  exampleValue?: string;
  required: boolean;
  secret: boolean;
  doc: string;
}

/** Where a credential comes from: a collection variable, a client option, or the collection's literal text. */
export type AuthValue = { variable: string } | { option: string } | { literal: string };

export interface AuthPlan {
  key: string;
  /** The runtime's ClientAuth builder and its arguments. */
  build:
    | { kind: 'bearer'; token: AuthValue; prefix?: string }
    | { kind: 'basic'; username: AuthValue; password: AuthValue }
    | { kind: 'apikey'; name: string; value: AuthValue; in: 'header' | 'query' }
    | { kind: 'none' };
  summary: string;
}

export interface ClientPlan {
  /** The variable that is the base URL (`{{base_url}}`), served by the `baseUrl` option. */
  baseVariable?: string;
  /** The collection gives no usable base URL (relative URLs, or one left to an environment). */
  baseUrlRequired: boolean;
  clientName: string;
  className: string;
  /** `createShopCore`: the function that builds the client's core. */
  coreFactory: string;
  optionsType: string;
  errorName: string;
  labelType: string;
  errorLabels: string[];
  baseUrl: string;
  doc: string;
  options: ClientOption[];
  auths: AuthPlan[];
  /** The signing scheme, when requests are signed. */
  signer?: { scheme: SpecValue };
  /** Some operation answers CSV: the client ships the CSV reader. */
  readsCsv: boolean;
  /** Some operation is a paged listing: the client ships the listing reader and its `maxPages` option. */
  pages: boolean;
  token?: {
    specName: string;
    body: Array<[string, string]>;
    tokenField: string;
    typeField?: string;
    labels: string[];
    statuses: number[];
  };
  root: ResourcePlan;
  operations: OperationPlan[];
  /** Shared types declared once before the operations' own: pooled entities (`Device`), `GraphQLError`. */
  entities: TypeDeclaration[];
  /** Some request type takes a file: the types import the runtime's FilePart. */
  usesFilePart: boolean;
  unsupportedAuth: string[];
}

/** The name types.ts imports the runtime's FilePart type under (no type of the model is called so). */
export const FILE_PART = '$FilePart';
/** One error of a GraphQL answer (the GraphQL specification's shape). */
const GRAPHQL_ERROR: TypeDeclaration = {
  kind: 'interface',
  name: 'GraphQLError',
  doc: 'One error of a GraphQL answer.',
  properties: [
    { name: 'message', optional: false, type: typeRef('string') },
    {
      name: 'locations',
      optional: true,
      type: generic('Array', [
        objectType([
          { name: 'line', optional: false, type: typeRef('number') },
          { name: 'column', optional: false, type: typeRef('number') },
        ]),
      ]),
    },
    { name: 'path', optional: true, type: generic('Array', [union([typeRef('string'), typeRef('number')])]) },
    { name: 'extensions', optional: true, type: generic('Record', [typeRef('string'), typeRef('unknown')]) },
  ],
};

/** Names the runtime's client options take; collection variables must not shadow them. */
const RUNTIME_OPTIONS = [
  'baseUrl',
  'fetch',
  'now',
  'timeoutMs',
  'deadlineMs',
  'maxResponseBytes',
  'maxRedirects',
  'maxPages',
  'maxRetries',
  'retry',
  'hooks',
  'headers',
  'random',
];

/** 2xx; an example with no status at all counts as a success (it is what most such examples show). */
function isSuccess(response: Response): boolean {
  return (response.status >= 200 && response.status < 300) || response.status === 0;
}

function successSchema(operation: Operation): Schema | undefined {
  const ok = operation.responses.filter(isSuccess).filter((response) => response.schemaSource !== 'none');
  if (ok.length === 0) return undefined;
  if (ok.length === 1) return (ok[0] as Response).schema;
  return { type: 'union', anyOf: ok.map((response) => response.schema) };
}

type ResponseKind = 'json' | 'csv' | 'text' | 'binary' | 'none';

function responseKind(operation: Operation): { kind: ResponseKind; response?: Response } {
  const ok = operation.responses.filter(isSuccess);
  const csv = ok.find((response) => response.csv);
  if (csv) return { kind: 'csv', response: csv };
  const withBody = ok.find((response) => response.schemaSource !== 'none');
  if (!withBody) return { kind: ok.length > 0 ? 'none' : 'json' };
  const type = withBody.contentType ?? '';
  if (type.includes('json') || withBody.schema.type !== 'string') return { kind: 'json', response: withBody };
  if (type.startsWith('text/') || type.includes('xml') || type.includes('javascript'))
    return { kind: 'text', response: withBody };
  return { kind: 'binary', response: withBody };
}

function csvColumnType(schema: Schema | undefined): 'string' | 'integer' | 'number' | 'boolean' {
  if (!schema) return 'string';
  if (schema.type === 'union') {
    const real = schema.anyOf.filter((option) => option.type !== 'null');
    return real.length === 1 ? csvColumnType(real[0]) : 'string';
  }
  return schema.type === 'integer' || schema.type === 'number' || schema.type === 'boolean' ? schema.type : 'string';
}

function itemSchema(operation: Operation, success: Schema | undefined): Schema {
  const itemsAt = operation.pagination?.itemsAt ?? '';
  let list: Schema | undefined = success;
  if (itemsAt !== '' && itemsAt !== 'csv') {
    for (const key of itemsAt.split('.')) list = list?.type === 'object' ? list.properties[key] : undefined;
  }
  return list?.type === 'array' ? list.items : { type: 'unknown' };
}

/** Path segments are ids more often than not: a number is accepted where the text is free. */
function pathParamType(param: Parameter, context: TypeContext): TypeNode {
  const type = schemaType(param.schema, context);
  return type.text === 'string' ? union([type, typeRef('number')]) : type;
}

/**
 * Variables whose value only ever fills a path segment (`partnerId` = `12345678`): an id from the
 * collection author's example, not a default. Calling it when the user forgot the option would
 * act on someone else's resource (or a made-up one), so such values are documented, not used.
 */
function pathOnlyVariables(model: ApiModel, operations: Operation[]): Set<string> {
  const inPath = new Set<string>();
  const elsewhere = new Set<string>(referencedVariables(model.baseUrl.raw));
  const note = (text: string | undefined): void => {
    for (const name of referencedVariables(text)) elsewhere.add(name);
  };
  for (const value of Object.values(model.auth.params)) note(value);
  for (const value of Object.values(model.token?.body ?? {})) note(value);
  for (const operation of operations) {
    for (const param of operation.pathParams) if (param.variable) inPath.add(param.variable);
    for (const param of operation.query) if (param.variable) elsewhere.add(param.variable);
    for (const header of operation.headers) for (const name of header.variables) elsewhere.add(name);
    note(operation.baseUrl);
    for (const example of operation.body?.examples ?? []) note(example);
    for (const value of Object.values(operation.auth.params)) note(value);
  }
  return new Set([...inPath].filter((name) => !elsewhere.has(name)));
}

function paginationSpec(pagination: Pagination): Record<string, SpecValue> {
  return {
    itemsAt: pagination.itemsAt,
    ...(pagination.bodyLinks ? { bodyLinks: pagination.bodyLinks } : {}),
    ...(pagination.pageParam ? { pageParam: pagination.pageParam } : {}),
  };
}

function authKey(auth: Auth): string {
  return jsonLiteral({ type: auth.type, params: auth.params });
}

function functionName(operation: Operation): string {
  const name = operation.typeName.charAt(0).toLowerCase() + operation.typeName.slice(1);
  return RESERVED_WORDS.has(name) || RESERVED_MEMBERS.has(name) ? `${name}_` : name;
}

/** The doc of an operation: its description, the request line once, and what the client cannot do for it. */
/** The content type the runtime sends for a body kind when the spec names none. */
const RUNTIME_CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
  binary: 'application/octet-stream',
};

function operationDoc(operation: Operation, unsupported: boolean): string {
  const parts: string[] = [];
  const description = operation.description?.trim() || operation.name;
  const route = `\`${operation.method} ${operation.pathTemplate}\``;
  // A one-line description takes the route on its own line (one doc line in all when short).
  if (/[\r\n]/.test(description)) parts.push(description, route);
  else parts.push(`${description}${/[.!?:]$/.test(description) ? '' : '.'} ${route}`);
  // Said once: a description that already flags the route as inferred is not repeated.
  if (operation.status === 'inferred' && !/\binferred\b/i.test(description))
    parts.push('**Inferred route**: not confirmed by the API’s public reference.');
  if (unsupported) {
    parts.push(
      `**Auth**: this operation uses \`${operation.auth.type}\` auth, which the generated client cannot perform; add the credentials with \`headers\` or a \`beforeRequest\` hook.`,
    );
  }
  return parts.join('\n\n');
}

interface PlanContext {
  model: ApiModel;
  /** Type contexts sharing one collection of the entities the types refer to. */
  request: TypeContext;
  response: TypeContext;
  authKeys: Map<string, string>;
  unsupported: Set<string>;
  tokenOperationId: string | undefined;
  options: ClientOption[];
}

/** The first sentence (or line) of a description, for a one-line summary. */
function summaryOf(text: string): string {
  const first = (text.trim().split(/\r?\n/)[0] ?? '').trim();
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(first)?.[1] ?? first;
  return sentence.length > 200 ? `${sentence.slice(0, 200)}…` : sentence;
}

function planOperation(operation: Operation, context: PlanContext): OperationPlan {
  const name = operation.typeName;
  const types: TypeDeclaration[] = [];
  const unsupported = !SUPPORTED_AUTH.has(operation.auth.type);
  const variableOption = new Map(context.options.map((option) => [option.variable, option.name]));

  const properties: NonNullable<TypeDeclaration['properties']> = [];
  const REQUEST = context.request;
  const RESPONSE = context.response;
  for (const param of operation.pathParams) {
    const doc = [
      param.description,
      param.variable && variableOption.has(param.variable)
        ? `Defaults to the client's \`${variableOption.get(param.variable)}\`.`
        : undefined,
    ]
      .filter(Boolean)
      .join('\n\n');
    properties.push({
      name: param.identifier,
      optional: param.variable !== undefined && variableOption.has(param.variable),
      type: pathParamType(param, REQUEST),
      ...(doc ? { doc } : {}),
    });
  }
  for (const param of operation.query) {
    properties.push({
      name: param.identifier,
      optional: !param.required,
      type: schemaType(param.schema, REQUEST),
      ...(param.description ? { doc: param.description } : {}),
    });
  }
  const isTokenOperation = operation.id === context.tokenOperationId;
  const graphql = operation.body?.kind === 'graphql' ? operation.body.graphql : undefined;
  // Body fields bound to a client option (`"client_id": "{{client_id}}"`) are filled by the client.
  const bound = Object.entries(operation.body?.variableFields ?? {}).filter(([, variable]) =>
    variableOption.has(variable),
  );
  if (operation.body) {
    const schema =
      bound.length > 0 && operation.body.schema.type === 'object'
        ? {
            ...operation.body.schema,
            required: operation.body.schema.required.filter((field) => !bound.some(([name]) => name === field)),
          }
        : operation.body.schema;
    if (operation.body.kind === 'binary') REQUEST.usesFilePart = true;
    const bodyType =
      operation.body.kind === 'binary'
        ? union([typeRef(FILE_PART), typeRef('ArrayBuffer'), typeRef('string')])
        : operation.body.kind === 'text'
          ? typeRef('string')
          : schemaType(schema, REQUEST);
    const bodyName = graphql ? `${name}Variables` : `${name}Body`;
    const bodyDoc = graphql
      ? `The variables of {@link ${functionName(operation)}} (the client sends the collection's GraphQL document itself).`
      : `The request body of {@link ${functionName(operation)}}.`;
    types.push({ kind: 'alias', name: bodyName, type: bodyType, doc: bodyDoc });
    const bodyRequired =
      operation.body.kind === 'binary' ||
      operation.body.kind === 'text' ||
      (schema.type === 'object' && schema.required.length > 0);
    const boundDoc = bound
      .map(([field, variable]) => `\`${field}\` defaults to the client's \`${variableOption.get(variable)}\`.`)
      .join(' ');
    properties.push({
      name: graphql ? 'variables' : 'body',
      optional: !bodyRequired,
      type: typeRef(bodyName),
      ...(boundDoc ? { doc: boundDoc } : {}),
    });
  }
  types.push({
    kind: 'interface',
    name: `${name}Params`,
    properties,
    doc: `Parameters of {@link ${functionName(operation)}}.`,
  });

  const success = successSchema(operation);
  const { kind, response } = responseKind(operation);
  // The runtime reads binary answers as bytes and text answers as text, whatever the examples held.
  const paged = operation.pagination !== undefined;
  // A page's item that is an object of its own is declared once, as `…Item`, and the answer refers to it.
  const item = paged ? itemSchema(operation, success) : undefined;
  const itemDeclaration: TypeDeclaration | undefined =
    item === undefined
      ? undefined
      : item.type === 'object' && item.name === undefined && Object.keys(item.properties).length > 0
        ? {
            kind: 'interface',
            name: `${name}Item`,
            properties: entityProperties(item, RESPONSE),
            doc: 'One item of a page.',
          }
        : { kind: 'alias', name: `${name}Item`, type: schemaType(item, RESPONSE), doc: 'One item of a page.' };
  if (item && itemDeclaration?.kind === 'interface') RESPONSE.named?.set(item, `${name}Item`);
  // The runtime reads binary answers as bytes and text answers as text, whatever the examples held.
  const resultShape = graphql
    ? graphqlResult(success, RESPONSE)
    : kind === 'none'
      ? typeRef('void')
      : kind === 'binary'
        ? typeRef('Uint8Array')
        : kind === 'text'
          ? typeRef('string')
          : success
            ? schemaType(success, RESPONSE)
            : typeRef('unknown');
  if (item) RESPONSE.named?.delete(item);
  types.push({
    kind: 'alias',
    name: `${name}Response`,
    type: resultShape,
    doc: `The answer of {@link ${functionName(operation)}}.`,
  });
  if (itemDeclaration) types.push(itemDeclaration);

  let responseSpec: Record<string, SpecValue>;
  if (kind === 'csv' && response?.csv) {
    const row =
      response.schema.type === 'array' && response.schema.items.type === 'object' ? response.schema.items : undefined;
    const columns = response.csv.columns.map((column) => [column, csvColumnType(row?.properties[column])]);
    responseSpec = { kind: 'csv', csv: { delimiter: response.csv.delimiter, columns } };
  } else {
    responseSpec = { kind };
  }
  // One name when the identifier is the name on the wire: the runtime reads it as both.
  const binding = (param: Parameter): SpecValue =>
    param.variable
      ? [param.identifier, param.name, param.variable]
      : param.identifier === param.name
        ? param.name
        : [param.identifier, param.name];
  // Headers the runtime sets itself. A hand-written Authorization header stays when the client
  // performs no auth for this operation: it is then the collection's only credential.
  const performsAuth = !isTokenOperation && operation.auth.type !== 'noauth' && !unsupported;
  const managed = new Set([
    'content-type',
    'content-length',
    'host',
    'expect',
    ...(performsAuth || context.tokenOperationId ? ['authorization'] : []),
  ]);
  // fetch rejects a header name that is not an HTTP token, or a value with a line break: such a
  // header could never be sent, so it is left out rather than failing every call.
  const sendable = (header: { name: string; value: string }): boolean =>
    HTTP_TOKEN.test(header.name) && !/[\r\n\0]/.test(header.value);
  const headers = operation.headers
    .filter((header) => !managed.has(header.name.toLowerCase()) && sendable(header))
    .map((header): SpecValue => [header.name, header.value]);
  const body = operation.body && operation.body.kind !== 'none' ? operation.body : undefined;
  // Empty lists are left out: the runtime reads a missing list as an empty one.
  const spec: Record<string, SpecValue> = {
    method: operation.method,
    path: operation.pathTemplate,
    ...(operation.baseUrl ? { baseUrl: operation.baseUrl } : {}),
    ...(operation.pathParams.length > 0 ? { pathParams: operation.pathParams.map(binding) } : {}),
    ...(operation.query.length > 0 ? { query: operation.query.map(binding) } : {}),
    ...(headers.length > 0 ? { headers } : {}),
    ...(body
      ? {
          body: {
            kind: body.kind,
            ...(body.contentType &&
            body.kind !== 'multipart' &&
            body.kind !== 'form' &&
            body.contentType !== RUNTIME_CONTENT_TYPES[body.kind]
              ? { contentType: body.contentType }
              : {}),
            ...(graphql ? { query: graphql.query } : {}),
            ...(bound.length > 0 ? { variables: bound } : {}),
          },
        }
      : {}),
    // JSON is the runtime's reading of an answer when the spec names none.
    ...(responseSpec.kind === 'json' ? {} : { response: responseSpec }),
    ...(operation.pagination ? { pagination: paginationSpec(operation.pagination) } : {}),
    ...(isTokenOperation || operation.auth.type === 'noauth' || unsupported
      ? {}
      : { auth: context.authKeys.get(authKey(operation.auth)) ?? 'default' }),
    ...(isTokenOperation ? { retrySafe: true } : {}),
  };
  const doc = operationDoc(operation, unsupported);
  return {
    identifier: operation.identifier,
    typeName: name,
    functionName: functionName(operation),
    // `$` + a function name: never an import alias of the generated files (those are `$` + an
    // upper-case letter, which a function name cannot start with).
    specName: `$${functionName(operation)}`,
    paramsType: `${name}Params`,
    paramsOptional: properties.every((property) => property.optional),
    resultName: paged ? `${name}Item` : `${name}Response`,
    paged,
    spec,
    doc,
    summary: summaryOf(operation.description?.trim() || operation.name),
    types,
  };
}

/**
 * A GraphQL answer: `{ data, errors? }`, `data` typed from the saved answers' `data` field. The
 * `errors` member is always there: a server may answer errors whatever the examples show.
 */
function graphqlResult(success: Schema | undefined, context: TypeContext): TypeNode {
  const objects =
    success?.type === 'union'
      ? success.anyOf.filter((option): option is ObjectSchema => option.type === 'object')
      : success?.type === 'object'
        ? [success]
        : [];
  const data = objects
    .map((object) => object.properties.data)
    .filter((schema): schema is Schema => schema !== undefined);
  const dataType =
    data.length === 0
      ? typeRef('unknown')
      : schemaType(data.length === 1 ? (data[0] as Schema) : { type: 'union', anyOf: data }, context);
  return objectType(
    [
      { name: 'data', optional: data.length === 0, type: dataType },
      { name: 'errors', optional: true, type: typeRef('GraphQLError[]') },
    ],
    { broken: true },
  );
}

/** Declarations of the entities the operations' types referred to, nested ones included, by name. */
function entityDeclarations(
  entities: Map<string, ObjectSchema>,
  context: TypeContext,
  graphql: boolean,
): TypeDeclaration[] {
  const declarations: TypeDeclaration[] = graphql ? [GRAPHQL_ERROR] : [];
  const done = new Set<string>();
  for (;;) {
    const next = [...entities.keys()].filter((entity) => !done.has(entity)).sort();
    if (next.length === 0) break;
    for (const entity of next) {
      done.add(entity);
      const schema = entities.get(entity) as ObjectSchema;
      declarations.push({
        kind: 'interface',
        name: entity,
        doc: 'A shared entity: the same object in several answers, typed from all their examples.',
        properties: entityProperties(schema, context),
      });
    }
  }
  return declarations.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function planResource(resource: Resource, context: PlanContext, all: OperationPlan[]): ResourcePlan {
  const operations = resource.operations.map((operation) => planOperation(operation, context));
  all.push(...operations);
  return {
    identifier: resource.identifier,
    className: `${resource.typeName}Resource`,
    doc: resource.description?.trim() || resource.name,
    operations,
    resources: resource.resources.map((child) => planResource(child, context, all)),
  };
}

function authBuild(auth: Auth, secretOption: (param: string) => string): AuthPlan['build'] {
  const value = (param: string): AuthValue => {
    const raw = auth.params[param] ?? '';
    const variable = wholeVariable(raw);
    if (variable) return { variable };
    if (raw === '<redacted>') return { option: secretOption(param) };
    return { literal: raw };
  };
  switch (auth.type) {
    case 'bearer':
      return { kind: 'bearer', token: value('token') };
    case 'oauth2':
      return { kind: 'bearer', token: value('accessToken'), prefix: auth.params.headerPrefix || 'Bearer' };
    case 'basic':
      return { kind: 'basic', username: value('username'), password: value('password') };
    case 'apikey':
      return {
        kind: 'apikey',
        name: auth.params.key || 'X-Api-Key',
        value: value('value'),
        in: auth.params.in === 'query' ? 'query' : 'header',
      };
    default:
      return { kind: 'none' };
  }
}

/** Plans the whole client for a model. `clientName` is the PascalCase stem ("Shop"). */
export function planClient(model: ApiModel, clientName?: string): ClientPlan {
  const stem = typeName(clientName ?? model.name, 'Api');
  const operationsFlat: Operation[] = [];
  const collect = (operations: Operation[], resources: Resource[]): void => {
    operationsFlat.push(...operations);
    for (const resource of resources) collect(resource.operations, resource.resources);
  };
  collect(model.operations, model.resources);

  // The variable that is the whole base URL is the `baseUrl` option, not one of its own.
  const baseVariable = wholeVariable(model.baseUrl.raw);
  const isOption = (name: string): boolean => name !== 'baseUrl' && name !== baseVariable;
  const baseUrlRequired = !/^https?:\/\/[^{}\s]+$/i.test(model.baseUrl.default);
  // Client options: one per collection variable, never shadowing a runtime option.
  const variableNames = uniqueNames(
    model.variables
      .filter((variable) => isOption(variable.name))
      .map((variable) => ({ key: variable.name, candidates: [bindingName(variable.name, 'variable')] })),
    new Set(RUNTIME_OPTIONS),
  );
  const requiredVariables = new Set<string>();
  if (model.signing) for (const name of signingVariables(model.signing)) requiredVariables.add(name);
  if (model.token)
    for (const value of Object.values(model.token.body))
      for (const part of templateParts(value)) if ('variable' in part) requiredVariables.add(part.variable);
  const examples = pathOnlyVariables(model, operationsFlat);
  const options: ClientOption[] = model.variables
    .filter((variable) => isOption(variable.name))
    .map((variable) => {
      const required = requiredVariables.has(variable.name);
      const secret = variable.type === 'secret';
      const value =
        !secret && variable.default !== '' && variable.default !== '<redacted>' ? variable.default : undefined;
      const example = value !== undefined && examples.has(variable.name);
      const defaultValue = example ? undefined : value;
      const note =
        value === undefined
          ? undefined
          : example
            ? `No default: the collection's \`${value}\` is an example id (a call without this option or its own value fails with a UsageError).`
            : `Defaults to \`${value}\`.`;
      const doc = [variable.description, note].filter(Boolean).join('\n\n');
      return {
        name: variableNames.get(variable.name) as string,
        variable: variable.name,
        ...(defaultValue !== undefined ? { defaultValue } : {}),
        ...(example ? { exampleValue: value } : {}),
        required,
        secret,
        doc,
      };
    });

  // One ClientAuth per distinct performable auth; the collection's own is "default".
  const authKeys = new Map<string, string>();
  const auths: AuthPlan[] = [];
  const unsupported = new Set<string>();
  const taken = new Set(options.map((option) => option.name).concat(RUNTIME_OPTIONS));
  const secretOptions: ClientOption[] = [];
  const secretOption =
    (auth: Auth) =>
    (param: string): string => {
      const name = uniqueNames([{ key: 'x', candidates: [bindingName(`${auth.type} ${param}`)] }], taken).get(
        'x',
      ) as string;
      if (!secretOptions.some((option) => option.name === name)) {
        taken.add(name);
        secretOptions.push({
          name,
          variable: '',
          required: false,
          secret: true,
          doc: `The ${param} of the collection's ${auth.type} auth (the collection holds a literal secret that is not copied into the client).`,
        });
      }
      return name;
    };
  const register = (auth: Auth, preferred?: string): void => {
    if (auth.type === 'noauth') return;
    if (!SUPPORTED_AUTH.has(auth.type)) {
      unsupported.add(auth.type);
      return;
    }
    const key = authKey(auth);
    if (authKeys.has(key)) return;
    const name = preferred ?? `auth${auths.length + 1}`;
    authKeys.set(key, name);
    auths.push({ key: name, build: authBuild(auth, secretOption(auth)), summary: auth.type });
  };
  register(model.auth, 'default');
  for (const operation of operationsFlat) if (operation.id !== model.token?.operationId) register(operation.auth);

  const entities = new Map<string, ObjectSchema>();
  const context: PlanContext = {
    model,
    request: { filePart: FILE_PART, direction: 'request', entities },
    response: { filePart: FILE_PART, direction: 'response', entities, named: new Map() },
    authKeys,
    unsupported,
    tokenOperationId: model.token?.operationId,
    options,
  };
  const all: OperationPlan[] = [];
  const rootOperations = model.operations.map((operation) => planOperation(operation, context));
  all.push(...rootOperations);
  const root: ResourcePlan = {
    identifier: '',
    className: `${stem}Client`,
    doc: '',
    operations: rootOperations,
    resources: model.resources.map((resource) => planResource(resource, context, all)),
  };

  let token: ClientPlan['token'];
  if (model.token) {
    const tokenOperation = operationsFlat.find((operation) => operation.id === model.token?.operationId);
    const plan = all.find((candidate) => tokenOperation && candidate.functionName === functionName(tokenOperation));
    if (plan) {
      token = {
        specName: plan.specName,
        body: Object.entries(model.token.body),
        tokenField: model.token.tokenField,
        ...(model.token.typeField ? { typeField: model.token.typeField } : {}),
        labels: model.token.refresh.labels,
        statuses: model.token.refresh.statuses,
      };
    }
  }

  const entityTypes = entityDeclarations(
    entities,
    context.response,
    operationsFlat.some((operation) => operation.body?.kind === 'graphql' && operation.body.graphql !== undefined),
  );
  // client.ts's exports share index.ts with those of operations.ts and types.ts: a name the
  // collection already gave (an operation "createShopCore", an entity "ShopClient") stays the
  // collection's, and the client's own moves aside with a trailing underscore.
  const exported = new Set<string>(entityTypes.map((entity) => entity.name));
  for (const operation of all) {
    exported.add(operation.functionName);
    exported.add(operation.specName);
    for (const type of operation.types) exported.add(type.name);
  }
  const clientExport = (name: string): string => {
    let free = name;
    while (exported.has(free)) free = `${free}_`;
    exported.add(free);
    return free;
  };
  const className = clientExport(`${stem}Client`);
  const coreFactory = clientExport(`create${stem}Core`);
  const optionsType = clientExport(`${stem}ClientOptions`);
  const errorName = clientExport(`${stem}Error`);
  const labelType = clientExport(`${stem}ErrorLabel`);
  root.className = className;
  const renameResources = (resource: ResourcePlan): void => {
    resource.className = clientExport(resource.className);
    resource.resources.forEach(renameResources);
  };
  root.resources.forEach(renameResources);

  const signer = model.signing ? { scheme: model.signing as unknown as SpecValue } : undefined;
  const docParts = [model.description?.trim() || model.name];
  if (unsupported.size > 0)
    docParts.push(
      `Auth types the client cannot perform (their operations document it): ${[...unsupported].sort().join(', ')}.`,
    );
  return {
    ...(baseVariable ? { baseVariable } : {}),
    baseUrlRequired,
    clientName: stem,
    className,
    coreFactory,
    optionsType,
    errorName,
    labelType,
    errorLabels: model.errorLabels ?? [],
    baseUrl: model.baseUrl.default,
    doc: docParts.join('\n\n'),
    options: [...options, ...secretOptions],
    auths,
    ...(signer ? { signer } : {}),
    readsCsv: operationsFlat.some((operation) => responseKind(operation).kind === 'csv'),
    pages: all.some((operation) => operation.paged),
    ...(token ? { token } : {}),
    root,
    operations: all,
    entities: entityTypes,
    unsupportedAuth: [...unsupported].sort(),
    usesFilePart: context.request.usesFilePart === true,
  };
}
