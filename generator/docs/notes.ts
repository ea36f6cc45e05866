/**
 * The short explanations the page and the Markdown share (auth, signing, paging, errors), written
 * once as Markdown. Collection strings inside them go through `code` or `plain`, so the HTML
 * page can render them with the same safe renderer as descriptions.
 */
import type { Operation, RequestBody, ResponseSample } from '../model/types.js';
import type { Reference, ReferenceOperation } from './reference.js';
import { fieldNames } from './type-tree.js';
import { jsonHead, parsedBodyExamples, parsedSample, type ParsedExample } from './json-example.js';
import { signingHeaders } from './signing.js';
import { oncePer } from './once.js';
import { escapeText, renderDescription } from './render-markdown.js';
import { ownValue } from '../own.js';

/** The client option that serves each collection variable, by variable: made once per reference. */
export const optionsByVariable = oncePer(
  (reference: Reference): ReadonlyMap<string | undefined, string> =>
    new Map(reference.options.map((option) => [option.variable, option.name])),
);

/** A Markdown code span holding any text: the fence is longer than any backtick run inside. */
export function code(text: string): string {
  // Most names and types hold no backtick or line break: one fence, no padding, nothing to replace.
  if (text !== '' && !/[`\r\n\u2028\u2029]/.test(text)) return `\`${text}\``;
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const PLAIN_SPECIAL = /[\r\n\u2028\u2029\\`*_[\]<>|~&]/;

/**
 * Collection text as Markdown text on one line: every character that can open inline syntax is
 * escaped (parentheses and the like only mean something after a bracket, which is escaped).
 */
export function plain(text: string): string {
  // Most names hold none of these: a test costs a fraction of two replaces that find nothing.
  if (!PLAIN_SPECIAL.test(text)) return text;
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);
}

/** "Shop API reference"; a name that already says API is not repeated ("Accengage REST API reference"). */
export function referenceTitle(name: string): string {
  const trimmed = name.trim() || 'API';
  return /\bapi$/i.test(trimmed) ? `${trimmed} reference` : `${trimmed} API reference`;
}

const AUTH_NAMES: Record<string, string> = {
  // Placeholders as the token exchange's note writes them (`Authorization: <token_type> <token>`).
  bearer: 'a bearer token (`Authorization: Bearer <token>`)',
  basic: 'HTTP Basic (`Authorization: Basic <credentials>`)',
  oauth2: 'an OAuth 2 access token',
  digest: 'HTTP Digest',
  oauth1: 'OAuth 1.0 signatures',
  hawk: 'Hawk',
  awsv4: 'AWS Signature v4',
  ntlm: 'NTLM',
  edgegrid: 'Akamai EdgeGrid',
  jwt: 'a JWT',
  asap: 'ASAP (Atlassian)',
};

/** How one operation is authenticated, in a sentence. */
export function authNote(reference: Reference, entry: ReferenceOperation): string {
  const { model } = reference;
  const { operation } = entry;
  const parts: string[] = [];
  const isToken = reference.tokenOperation?.operation.id === operation.id;
  if (isToken)
    parts.push(
      `Issues the access token the other calls send; the client calls it for you on first need and again when a token is refused.`,
    );
  else if (reference.tokenOperation && operation.auth.type !== 'noauth') {
    parts.push(
      `Sends the access token from ${code(reference.tokenOperation.memberPath)} (\`Authorization: <token_type> <token>\`); the client fetches and renews it itself.`,
    );
  } else if (operation.auth.type === 'apikey') {
    parts.push(
      `An API key in the ${operation.auth.params.in === 'query' ? 'query parameter' : 'header'} ${code(operation.auth.params.key || 'X-Api-Key')}.`,
    );
  } else if (operation.auth.type === 'noauth') {
    parts.push('No authentication.');
  } else {
    const type = operation.auth.type;
    parts.push(`Authenticated with ${ownValue(AUTH_NAMES, type) ?? code(type)}.`);
  }
  if (model.signing)
    parts.push(
      `Signed: ${signingHeaders(model.signing)
        .map((header) => code(header))
        .join(' and ')} headers (see [Signing](#signing)); the client signs every request.`,
    );
  return parts.join(' ');
}

/** How a list pages, up to the call that follows it for you: the same few words for most lists. */
function pagingHead(entry: ReferenceOperation): string | undefined {
  const pagination = entry.operation.pagination;
  if (!pagination) return undefined;
  const where =
    pagination.itemsAt === 'csv'
      ? 'each page is CSV rows'
      : pagination.itemsAt === ''
        ? 'each page is a JSON array'
        : `each page's items are in ${code(pagination.itemsAt)}`;
  const links = pagination.bodyLinks ? ` (also repeated in the body's ${code(pagination.bodyLinks)})` : '';
  return `Paged: ${where}; the next page is the \`next\` link of the \`Link\` header${links}${pagination.pageParam ? `, or ${code(pagination.pageParam)} + 1` : ''}. Keep following \`next\` until there is none, even past an empty page:`;
}

/** How a list pages, when it does. */
export function pagingNote(entry: ReferenceOperation): string | undefined {
  const head = pagingHead(entry);
  return head === undefined
    ? undefined
    : `${head} \`for await\` over ${code(`${entry.memberPath}(…)`)} does it for you.`;
}

/**
 * pagingNote as HTML. Its head is rendered once for all the lists that page alike, and the call,
 * a member path of identifier characters, is added as the renderer would write it.
 */
export function pagingNoteHtml(entry: ReferenceOperation): string | undefined {
  const head = pagingHead(entry);
  if (head === undefined) return undefined;
  const paragraph = renderDescription(head);
  const call = ` <code>for await</code> over <code>${escapeText(`${entry.memberPath}(…)`)}</code> does it for you.`;
  return `${paragraph.slice(0, paragraph.lastIndexOf('</p>'))}${call}</p>\n`;
}

/** Error statuses the collection's examples show, and the labels the API documents. */
export function errorNote(reference: Reference, operation: Operation): string | undefined {
  const statuses = [
    ...new Set(operation.responses.filter((response) => response.status >= 400).map((response) => response.status)),
  ].sort((a, b) => a - b);
  if (statuses.length === 0 && !reference.model.errorLabels?.length) return undefined;
  const seen = statuses.length > 0 ? ` Examples show ${statuses.join(', ')}.` : '';
  return `Failures throw ${code(reference.errorName)} (\`status\`, \`label\`, \`errors\`)${reference.model.errorLabels?.length ? `; labels are listed under [Errors](#errors)` : ''}.${seen}`;
}

/** Descriptions are searched too, up to this many characters each (a 2,000-operation page stays small). */
const MAX_SEARCHED_DESCRIPTION = 400;

/** Everything the search box matches an operation on, lower-cased. */
export function searchText(entry: ReferenceOperation): string {
  const { operation } = entry;
  const words = new Set<string>([
    operation.name,
    operation.method,
    operation.pathTemplate,
    entry.memberPath,
    entry.functionName,
    ...entry.folders,
  ]);
  const addParameter = (param: { name: string; description?: string }): void => {
    words.add(param.name);
    if (param.description) words.add(param.description.slice(0, MAX_SEARCHED_DESCRIPTION));
  };
  operation.pathParams.forEach(addParameter);
  operation.query.forEach(addParameter);
  if (operation.description) words.add(operation.description.slice(0, MAX_SEARCHED_DESCRIPTION));
  for (const header of operation.headers) words.add(header.name);
  if (operation.body) fieldNames(operation.body.schema, words);
  for (const response of operation.responses) {
    fieldNames(response.schema, words);
    for (const column of response.csv?.columns ?? []) words.add(column);
  }
  // Words are joined by one space: only longer runs, and other blanks, need replacing.
  return Array.from(words)
    .join(' ')
    .replace(/\s\s+|[^\S ]/g, ' ')
    .toLowerCase();
}

/** Lines of a saved response body shown at most; the rest is said to be left out. */
const MAX_SAMPLE_LINES = 40;
/** Characters of a saved response body shown at most: a page of 2,000 operations must stay light. */
const MAX_SAMPLE_SHOWN = 2_000;

/**
 * A saved response body as shown: pretty-printed when it is JSON (then its language is `json`),
 * cut to a readable length, with a line saying so when anything is left out.
 */
export const shownSample = oncePer((sample: ResponseSample): { text: string; language: 'json' | 'text' } => {
  const parsed = sample.truncated ? undefined : parsedSample(sample);
  let head: { text: string; whole: boolean };
  if (parsed) {
    head = jsonHead(parsed.value, MAX_SAMPLE_LINES, MAX_SAMPLE_SHOWN, sample.body.length);
  } else {
    const lines = sample.body.split('\n', MAX_SAMPLE_LINES);
    const text = lines.join('\n').slice(0, MAX_SAMPLE_SHOWN);
    head = { text, whole: text.length === sample.body.length };
  }
  const cut = sample.truncated || !head.whole;
  return {
    text: cut ? `${head.text}\n… (cut here; the collection holds the whole example)` : head.text,
    language: parsed ? 'json' : 'text',
  };
});

/**
 * The body example the docs and snippets show: the first without {{variables}}, else the first,
 * with its parse when it is JSON (shallow enough to print).
 */
export function shownBodyExample(body: RequestBody): { text: string; parsed?: ParsedExample } | undefined {
  const free = body.examples.findIndex((text) => !/\{\{/.test(text));
  const index = free >= 0 ? free : 0;
  const text = body.examples[index];
  if (text === undefined) return undefined;
  const parsed = parsedBodyExamples(body)[index];
  return parsed ? { text, parsed } : { text };
}

/** The body example to show, pretty-printed when it is JSON. */
export const bodyExample = oncePer((body: RequestBody): string | undefined => {
  const shown = shownBodyExample(body);
  // Not JSON (or too deep to print): shown as the collection wrote it.
  return shown?.parsed ? JSON.stringify(shown.parsed.value, null, 2) : shown?.text;
});
