/**
 * GraphQL variable definitions, the cases the mutation review of generator/model/graphql.ts found
 * untested: a document that starts with blank lines, and list brackets that do not pair.
 */
import { describe, expect, it } from 'vitest';
import { graphqlVariables } from '../generator/model/graphql.js';

const read = (document: string) => Object.fromEntries(graphqlVariables(document));

describe('GraphQL variable definitions', () => {
  it('reads a document that starts with blank lines, as an editor often saves it', () => {
    expect(read('\n  \tquery ($id: ID!) { x }')).toEqual({ id: { schema: { type: 'string' }, required: true } });
  });

  it('declares nothing when the operation keyword is part of a longer word', () => {
    expect(read('xquery ($id: ID!) { x }')).toEqual({});
  });

  it('types a list bracket without its pair as unknown, never as a list', () => {
    expect(read('query ($a: [Int, $b: Int], $c: [Int]) { x }')).toEqual({
      a: { schema: { type: 'unknown' }, required: false },
      b: { schema: { type: 'unknown' }, required: false },
      c: { schema: { type: 'array', items: { type: 'integer' } }, required: false },
    });
  });
});
