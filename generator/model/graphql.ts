/**
 * The variables a GraphQL document declares (`query ($id: ID!, $first: Int)`): their types, and
 * which are required (`!`). Only the first operation's definitions are read; a document the reader
 * does not follow simply declares nothing.
 */
import type { Schema } from './types.js';
import { ownValue } from '../own.js';

export interface DeclaredVariable {
  schema: Schema;
  required: boolean;
}

const SCALARS: Record<string, Schema> = {
  ID: { type: 'string' },
  String: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
};

function typeSchema(type: string): Schema {
  const inner = type.replace(/\s*!$/, '');
  if (inner.startsWith('[') && inner.endsWith(']'))
    return { type: 'array', items: typeSchema(inner.slice(1, -1).trim()) };
  return ownValue(SCALARS, inner) ?? { type: 'unknown' };
}

export function graphqlVariables(document: string): Map<string, DeclaredVariable> {
  const variables = new Map<string, DeclaredVariable>();
  // The definitions are the first parenthesised list after `query`/`mutation`/`subscription` and an optional name.
  const definitions = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s*[_A-Za-z0-9]*\s*\(([^)]*)\)/.exec(
    document,
  )?.[1];
  if (!definitions) return variables;
  // A type is a name in any depth of lists (`[[Int!]!]`), each level optionally `!`.
  for (const match of definitions.matchAll(
    /\$([_A-Za-z][_A-Za-z0-9]*)\s*:\s*((?:\[\s*)*[_A-Za-z][_A-Za-z0-9]*(?:\s*!)?(?:\s*\](?:\s*!)?)*)/g,
  )) {
    const [, name, type] = match as unknown as [string, string, string];
    variables.set(name, { schema: typeSchema(type), required: type.endsWith('!') });
  }
  return variables;
}
