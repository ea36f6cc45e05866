/**
 * "Call it" snippets: the generated client's call (its real member path and parameter names) and
 * a curl command that does the same over the wire, signature headers included. Plain text: each
 * renderer escapes it for where it lands.
 */
import type { Auth, Operation, Parameter, RequestBody, Schema } from '../model/types.js';
import { propertyKey, stringLiteral } from '../emit/escape.js';
import type { Reference, ReferenceOperation } from './reference.js';
import { signingShellLines } from './signing.js';
import { wholeVariable } from '../model/variables.js';
import { oncePer } from './once.js';
import { bodyExample, optionsByVariable, shownBodyExample } from './notes.js';

/** A snippet's example body stops being shown inline past this many lines. */
const MAX_BODY_LINES = 24;

/** The client option that serves a collection variable (its own name when none does). */
export function optionNameOf(options: ReadonlyArray<{ name: string; variable?: string }>, variable: string): string {
  return options.find((option) => option.variable === variable)?.name ?? variable;
}

/** `accessToken` → `ACCESS_TOKEN`, a shell variable name. */
export function shellName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words.join('_').toUpperCase();
  return /^[A-Z_]/.test(joined) ? joined : `V_${joined}`;
}

/** A POSIX shell word that stands for exactly this text. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The body example both snippets show (see shownBodyExample): its JSON value, or its text. */
function firstExample(operation: Operation): unknown {
  const shown = operation.body ? shownBodyExample(operation.body) : undefined;
  return shown?.parsed ? shown.parsed.value : shown?.text;
}

/** A TypeScript literal for a parameter's example, of the parameter's own type. */
function exampleLiteral(param: Parameter): string {
  const value = param.example ?? '';
  const scalar: Schema['type'] = param.schema.type;
  if ((scalar === 'integer' || scalar === 'number') && /^-?\d+(\.\d+)?$/.test(value)) return value;
  if (scalar === 'boolean' && (value === 'true' || value === 'false')) return value;
  return stringLiteral(value === '' ? `<${param.name}>` : value);
}

function bodyLiteral(operation: Operation, indent: string): string {
  const kind = operation.body?.kind;
  if (kind === 'binary') return "new Uint8Array(/* the file's bytes */)";
  if (kind === 'multipart') {
    const example = firstExample(operation);
    const fields = operation.body?.fields ?? [];
    const lines = fields.map((field) =>
      field.kind === 'file'
        ? `${propertyKey(field.name)}: { data: bytes, name: 'file${field.contentType === 'text/csv' ? '.csv' : ''}'${field.contentType ? `, type: ${stringLiteral(field.contentType)}` : ''} }`
        : `${propertyKey(field.name)}: ${stringLiteral(String((example as Record<string, unknown> | undefined)?.[field.name] ?? ''))}`,
    );
    return `{ ${lines.join(', ')} }`;
  }
  const example = firstExample(operation);
  if (example === undefined) return '{ /* … */ }';
  if (typeof example === 'string') return stringLiteral(example);
  // The example's pretty text, as the docs show it under the snippet: printed once for both.
  const text = bodyExample(operation.body as RequestBody) as string;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && lines <= MAX_BODY_LINES; at = text.indexOf('\n', at + 1)) lines++;
  if (lines > MAX_BODY_LINES) return '{ /* see the request example below */ }';
  return text.replaceAll('\n', `\n${indent}`);
}

/** The parameters a call must give, with example values: required ones not served by a client option. */
function callArguments(reference: Reference, entry: ReferenceOperation): string {
  const { operation } = entry;
  const served = optionsByVariable(reference);
  const parts: string[] = [];
  for (const param of operation.pathParams) {
    if (param.variable && served.has(param.variable)) continue;
    parts.push(`${propertyKey(param.identifier)}: ${exampleLiteral(param)}`);
  }
  for (const param of operation.query)
    if (param.required) parts.push(`${propertyKey(param.identifier)}: ${exampleLiteral(param)}`);
  if (operation.body && operation.body.kind !== 'none') parts.push(`body: ${bodyLiteral(operation, '  ')}`);
  if (parts.length === 0) return '';
  const oneLine = `{ ${parts.join(', ')} }`;
  return oneLine.length <= 80 && !oneLine.includes('\n')
    ? oneLine
    : `{\n  ${parts.join(',\n  ').replace(/\n(?! {2})/g, '\n  ')},\n}`;
}

/** How to build the client: the required options and the example ids it has no default for, with shell-style placeholders. */
export function constructorSnippet(reference: Reference): string {
  const required = reference.options.filter((option) => option.required || option.exampleValue !== undefined);
  const lines = [`import { ${reference.className} } from './${outFolderHint(reference)}/index.js';`, ''];
  const args = required.map((option) => `${propertyKey(option.name)}: process.env.${shellName(option.name)}`);
  lines.push(`const client = new ${reference.className}(${args.length > 0 ? `{ ${args.join(', ')} }` : ''});`);
  return lines.join('\n');
}

function outFolderHint(reference: Reference): string {
  return reference.className.replace(/Client$/, '').toLowerCase() || 'client';
}

/** `await client.devices.list({ lastOpen: '2017-10-01' })`, with the paging forms for a list. */
export const clientSnippet = oncePer((entry: ReferenceOperation, reference: Reference): string => {
  const call = `${entry.memberPath}(${callArguments(reference, entry)})`;
  if (entry.paged) {
    return [
      `// one page: { items, links, response }`,
      `const page = await ${call};`,
      '',
      '// or every item of every page, following the Link header',
      `for await (const item of ${call}) {`,
      '  console.log(item);',
      '}',
    ].join('\n');
  }
  return `const result = await ${call};`;
});

/** The value a path parameter takes in an example URL. */
function pathValue(reference: Reference, param: Parameter): string {
  const variable = param.variable
    ? reference.model.variables.find((candidate) => candidate.name === param.variable)
    : undefined;
  if (variable && variable.type !== 'secret' && variable.default !== '' && variable.default !== '<redacted>')
    return variable.default;
  return param.example ?? `{${param.name}}`;
}

function authHeaders(auth: Auth, reference: Reference): { headers: string[]; query: string[]; notes: string[] } {
  const option = (param: string, fallback: string): string => {
    const variable = wholeVariable(auth.params[param]);
    const name = reference.options.find((candidate) => candidate.variable === variable)?.name ?? fallback;
    return `$${shellName(name)}`;
  };
  switch (auth.type) {
    case 'noauth':
      return { headers: [], query: [], notes: [] };
    case 'bearer':
      return { headers: [`"Authorization: Bearer ${option('token', 'token')}"`], query: [], notes: [] };
    case 'oauth2':
      return {
        headers: [`"Authorization: ${auth.params.headerPrefix || 'Bearer'} ${option('accessToken', 'accessToken')}"`],
        query: [],
        notes: [],
      };
    case 'basic':
      return {
        headers: [],
        query: [],
        notes: [`-u "${option('username', 'username')}:${option('password', 'password')}"`],
      };
    case 'apikey': {
      const key = auth.params.key || 'X-Api-Key';
      if (auth.params.in === 'query')
        return { headers: [], query: [`${encodeURIComponent(key)}=${option('value', 'apiKey')}`], notes: [] };
      return { headers: [`${shellQuote(`${key}: `)}"${option('value', 'apiKey')}"`], query: [], notes: [] };
    }
    default:
      return {
        headers: [],
        query: [],
        notes: [`# auth "${auth.type.replace(/[^\w-]/g, '')}": add its credentials as the API expects them`],
      };
  }
}

/** A curl command for the operation; with signing configured, the lines that compute its headers first. */
export const curlSnippet = oncePer((entry: ReferenceOperation, reference: Reference): string => {
  const { operation } = entry;
  const { model } = reference;
  const base =
    operation.baseUrl && !/\{\{/.test(operation.baseUrl)
      ? operation.baseUrl
      : model.baseUrl.default || model.baseUrl.raw;
  let path = operation.pathTemplate;
  for (const param of operation.pathParams)
    path = path
      .split(`{${param.name}}`)
      .join(encodeURIComponent(pathValue(reference, param)).replace(/%7B/g, '{').replace(/%7D/g, '}'));
  const isToken = reference.tokenOperation?.operation.id === operation.id;
  const auth = isToken ? { headers: [], query: [], notes: [] } : authHeaders(operation.auth, reference);
  const query = [
    ...operation.query
      .filter((param) => param.required)
      .map((param) => `${encodeURIComponent(param.name)}=${encodeURIComponent(param.example ?? '')}`),
    ...auth.query,
  ];
  const url = `${base.replace(/\/$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  const lines: string[] = [];
  const args: string[] = [`curl -sS -X ${operation.method.replace(/[^A-Z]/gi, '')} ${shellQuote(url)}`];
  const body = operation.body;
  let bodyArgument: string | undefined;
  if (body && (body.kind === 'json' || body.kind === 'text' || body.kind === 'graphql')) {
    const example = firstExample(operation);
    const text = example === undefined ? '' : typeof example === 'string' ? example : JSON.stringify(example);
    lines.push(`BODY=${shellQuote(text)}`);
    bodyArgument = `--data-binary "$BODY"`;
    if (body.contentType || body.kind === 'json')
      args.push(`-H ${shellQuote(`Content-Type: ${body.contentType ?? 'application/json'}`)}`);
  } else if (body && body.kind === 'form') {
    const example = firstExample(operation);
    const pairs = example && typeof example === 'object' ? Object.entries(example as Record<string, unknown>) : [];
    for (const [key, value] of pairs) args.push(`--data-urlencode ${shellQuote(`${key}=${String(value)}`)}`);
  } else if (body && body.kind === 'multipart') {
    for (const field of body.fields ?? [])
      args.push(`-F ${shellQuote(field.kind === 'file' ? `${field.name}=@./file` : `${field.name}=…`)}`);
  } else if (body && body.kind === 'binary') {
    args.push(`--data-binary @./file`);
  }
  if (model.signing) {
    const signed = signingShellLines(model.signing, {
      body: bodyArgument ? '"$BODY"' : "''",
      method: shellQuote(operation.method),
      url: shellQuote(url),
      variable: (name) => `"$${shellName(optionNameOf(reference.options, name))}"`,
    });
    lines.push(`# ${model.signing.signatureHeader}: see Signing; computed over the exact bytes sent`, ...signed.lines);
    args.push(...signed.headers);
  }
  for (const header of auth.headers) args.push(`-H ${header}`);
  args.push(...auth.notes.filter((note) => !note.startsWith('#')));
  lines.push(...auth.notes.filter((note) => note.startsWith('#')));
  if (reference.tokenOperation && !isToken && operation.auth.type !== 'noauth')
    lines.unshift(
      `# the token comes from ${reference.tokenOperation.operation.method} ${reference.tokenOperation.operation.pathTemplate.replace(/[\r\n]/g, ' ')} (${reference.tokenOperation.memberPath})`,
    );
  if (bodyArgument) args.push(bodyArgument);
  lines.push(args.join(' \\\n  '));
  return lines.join('\n');
});
