import type { UrlRecord } from '../records.js';
import type { Parameter } from './types.js';
import { scalarSchema } from './scalar.js';
import { isDynamicVariable, templateParts, wholeVariable } from './variables.js';

export interface RouteUrl {
  /** The origin as written (`{{baseUrl}}`, `https://api.example.com`), '' for a relative URL. */
  origin: string;
  pathTemplate: string;
  pathParams: Omit<Parameter, 'identifier'>[];
  query: Omit<Parameter, 'identifier'>[];
}

const REQUIRED_WORD = /\b(required|mandatory)\b/i;
const OPTIONAL_WORD = /\boptional\b/i;

/** Postman has no "required" flag; a description that says so is the only signal there is. */
export function saysRequired(description: string | undefined): boolean {
  return description !== undefined && REQUIRED_WORD.test(description) && !OPTIONAL_WORD.test(description);
}

/** Braces are the template's own syntax; a literal one in a path is percent-encoded. */
function escapeLiteral(text: string): string {
  return text.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

export function readUrl(url: UrlRecord): RouteUrl {
  const protocol = url.protocol ? `${url.protocol}://` : '';
  const port = url.port ? `:${url.port}` : '';
  const origin = `${protocol}${url.host}${port}`;

  const pathVariables = new Map<string, { value?: string; description?: string }>();
  for (const variable of url.variables) {
    pathVariables.set(variable.key, { value: variable.value, description: variable.description });
  }

  const pathParams: RouteUrl['pathParams'] = [];
  const seen = new Set<string>();
  const addPathParam = (
    name: string,
    variable: string | undefined,
    example: string | undefined,
    description?: string,
  ): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const param: Omit<Parameter, 'identifier'> = { name, schema: { type: 'string' }, required: true };
    if (example !== undefined && example !== '' && !variable) {
      param.example = example;
      // Path segments are text on the wire and ids often have leading zeros: keep them strings, with any format.
      const suggested = scalarSchema(example);
      param.schema = suggested.type === 'string' ? suggested : { type: 'string' };
    }
    if (variable) param.variable = variable;
    if (description) param.description = description;
    pathParams.push(param);
  };

  const segments: string[] = [];
  for (const segment of url.path) {
    if (segment.startsWith(':') && segment.length > 1) {
      const name = segment.slice(1);
      const declared = pathVariables.get(name);
      addPathParam(name, wholeVariable(declared?.value), declared?.value, declared?.description);
      segments.push(`{${name}}`);
      continue;
    }
    let templated = '';
    for (const part of templateParts(segment)) {
      if ('literal' in part) templated += escapeLiteral(part.literal);
      else if (isDynamicVariable(part.variable)) templated += escapeLiteral(part.written);
      else {
        addPathParam(part.variable, part.variable, undefined);
        templated += `{${part.variable}}`;
      }
    }
    segments.push(templated);
  }
  const pathTemplate = `/${segments.join('/')}`;

  const byKey = new Map<string, Omit<Parameter, 'identifier'>>();
  const query: RouteUrl['query'] = [];
  for (const param of url.query) {
    if (param.disabled) continue;
    const name = param.key;
    if (name === '') continue;
    const value = param.value;
    const existing = byKey.get(name);
    if (existing) {
      existing.repeated = true;
      continue;
    }
    const description = param.description;
    const variable = wholeVariable(value);
    // A dynamic variable (`{{$isoTimestamp}}`) announces its type; another variable's is unknown text.
    const entry: Omit<Parameter, 'identifier'> = {
      name,
      schema: scalarSchema(value),
      required: saysRequired(description),
    };
    if (value !== undefined && value !== '' && !variable) entry.example = value;
    if (variable) entry.variable = variable;
    if (description) entry.description = description;
    byKey.set(name, entry);
    query.push(entry);
  }
  for (const entry of query) {
    if (entry.repeated) entry.schema = { type: 'array', items: entry.schema };
  }
  return { origin, pathTemplate, pathParams, query };
}
