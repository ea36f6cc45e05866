/**
 * Properties of the change report over the corpus (test/fixtures/collections/ and collection/):
 * a collection compared with itself, or with a shuffled copy, changes nothing; comparing both ways
 * agrees; a v1 export and its v2.1 conversion are the same API.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import transformer from 'postman-collection-transformer';
import { describe, expect, it } from 'vitest';
import { diffModels, type Change, type RuleId } from '../generator/diff/index.js';
import { detectFormat } from '../generator/load/format.js';
import { repairV1 } from '../generator/load/v1.js';
import type { ApiModel } from '../generator/model/index.js';
import { modelOfJson, root } from './helpers.js';

type Json = Record<string, any>;

const corpus = [
  ...readdirSync(path.join(root, 'test/fixtures/collections')).map((name) =>
    path.join(root, 'test/fixtures/collections', name),
  ),
  ...readdirSync(path.join(root, 'collection')).map((name) => path.join(root, 'collection', name)),
].filter((file) => file.endsWith('.json'));
const texts = new Map(corpus.map((file) => [file, readFileSync(file, 'utf8')]));
const read = (file: string): Json => JSON.parse(texts.get(file) as string);
const models = new Map<string, ApiModel>();
const modelOf = (file: string): ApiModel => {
  if (!models.has(file)) models.set(file, modelOfJson(read(file)).model);
  return models.get(file) as ApiModel;
};

/** A small deterministic generator, so one fast-check seed is one shuffle. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reorders every list of items, folders, requests and saved examples (v2 `item`/`response`, v1 `folders`/`requests`/`order`/`responses`), at every depth. */
function shuffleItems(value: unknown, next: () => number): void {
  if (Array.isArray(value)) {
    for (const entry of value) shuffleItems(entry, next);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, entry] of Object.entries(value)) {
    if (
      ['item', 'folders', 'requests', 'order', 'folders_order', 'response', 'responses'].includes(key) &&
      Array.isArray(entry)
    ) {
      for (let i = entry.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [entry[i], entry[j]] = [entry[j], entry[i]];
      }
    }
    shuffleItems(entry, next);
  }
}

describe('diff properties', () => {
  it('a collection compared with itself (built twice) changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), (file) => {
        expect(diffModels(modelOf(file), modelOfJson(read(file)).model).changes).toEqual([]);
      }),
      { numRuns: corpus.length * 2 },
    );
  });

  it('shuffling items, folders and saved examples at any depth changes nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.integer(), (file, seed) => {
        const shuffled = read(file);
        shuffleItems(shuffled, random(seed));
        expect(diffModels(modelOf(file), modelOfJson(shuffled).model).changes.map((change) => change.message)).toEqual(
          [],
        );
      }),
      { numRuns: 60 },
    );
  });

  // Edits a collection the way its authors do: requests removed, added, renamed, re-typed, re-documented.
  const edit = fc.record({
    kind: fc.constantFrom('remove', 'add', 'rename', 'method', 'describe', 'example', 'query'),
    at: fc.nat(),
    text: fc.string({ minLength: 1, maxLength: 8 }),
    body: fc.jsonValue({ maxDepth: 3 }),
  });

  function requests(collection: Json): Array<{ list: Json[]; index: number; entry: Json }> {
    const found: Array<{ list: Json[]; index: number; entry: Json }> = [];
    const visit = (list: unknown): void => {
      if (!Array.isArray(list)) return;
      list.forEach((entry, index) => {
        if (entry && typeof entry === 'object' && Array.isArray(entry.item)) visit(entry.item);
        else if (entry && typeof entry === 'object' && entry.request && typeof entry.request === 'object')
          found.push({ list, index, entry });
      });
    };
    visit(collection.item ?? collection.collection?.item);
    return found;
  }

  function applyEdit(collection: Json, change: { kind: string; at: number; text: string; body: unknown }): void {
    const all = requests(collection);
    const target = all[change.at % Math.max(all.length, 1)];
    if (!target) return;
    const { entry, list, index } = target;
    const request = entry.request as Json;
    switch (change.kind) {
      case 'remove':
        list.splice(index, 1);
        break;
      case 'add':
        list.push({
          id: `added-${change.at}`,
          name: `Added ${change.text}`,
          request: {
            method: 'GET',
            url: {
              raw: `https://example.com/added/${change.at}`,
              host: ['example', 'com'],
              path: ['added', String(change.at)],
            },
          },
        });
        break;
      case 'rename':
        entry.name = `${entry.name ?? ''} ${change.text}`;
        break;
      case 'method':
        request.method = request.method === 'POST' ? 'PUT' : 'POST';
        break;
      case 'describe':
        request.description = `${change.text}\n\nStatus: inferred`;
        break;
      case 'example':
        entry.response = [
          {
            name: change.text,
            code: 200,
            header: [{ key: 'Content-Type', value: 'application/json' }],
            body: JSON.stringify(change.body),
          },
        ];
        break;
      case 'query':
        if (typeof request.url === 'object' && request.url !== null)
          request.url.query = [...(request.url.query ?? []), { key: `q${change.at}`, value: change.text }];
        break;
    }
  }

  const ADDITIONS: Partial<Record<RuleId, RuleId[]>> = {
    'operation-added': ['operation-removed'],
    'response-field-added': ['response-field-removed'],
    'optional-param-added': ['param-removed'],
    'path-param-added': ['param-removed'],
    'client-option-added': ['param-removed'],
    'response-status-added': ['response-status-removed', 'error-status-removed'],
  };
  /** Rules that read the same both ways, with before and after swapped. */
  const SYMMETRIC = new Set<RuleId>([
    'method-changed',
    'path-changed',
    'member-renamed',
    'summary-changed',
    'description-changed',
    'status-mark-changed',
    'header-changed',
    'default-changed',
    'format-changed',
    'scripts-changed',
    'auth-changed',
    'pagination-changed',
    'body-encoding-changed',
    'response-body-changed',
  ]);
  /**
   * Rules whose reverse may also be a narrowing: a response body that becomes less precise (an
   * object → `unknown`, as a saved `null` body now infers; a body → no body) is breaking one way
   * and `response-narrowed` the other, with before and after swapped.
   */
  const NARROWED_BACK = new Set<RuleId>(['response-body-changed']);
  const place = (change: Change): string => `${change.subject.kind} ${change.field ?? ''}`;

  it('comparing both ways agrees: an addition one way is a removal the other way', () => {
    const v2 = corpus.filter((file) => !file.includes('v1-') && !file.includes('v2.0'));
    fc.assert(
      fc.property(fc.constantFrom(...v2), fc.array(edit, { minLength: 1, maxLength: 4 }), (file, edits) => {
        const edited = read(file);
        for (const change of edits) applyEdit(edited.collection ?? edited, change);
        const a = modelOf(file);
        const b = modelOfJson(edited).model;
        const forward = diffModels(a, b).changes;
        const backward = diffModels(b, a).changes;
        expect(backward.map(place).sort()).toEqual(forward.map(place).sort());
        for (const change of forward) {
          const mirrors = ADDITIONS[change.rule];
          const counterpart = (other: Change): boolean => place(other) === place(change);
          if (mirrors)
            expect(
              backward.some((other) => counterpart(other) && mirrors.includes(other.rule)),
              change.message,
            ).toBe(true);
          if (SYMMETRIC.has(change.rule)) {
            const reverse = (rule: RuleId): boolean =>
              rule === change.rule || (NARROWED_BACK.has(change.rule) && rule === 'response-narrowed');
            expect(
              backward.some(
                (other) =>
                  counterpart(other) &&
                  reverse(other.rule) &&
                  other.before === change.after &&
                  other.after === change.before,
              ),
              change.message,
            ).toBe(true);
          }
        }
        const removed = forward
          .filter((change) => change.rule === 'operation-removed')
          .map((change) => change.subject.id);
        expect(
          backward.filter((change) => change.rule === 'operation-added').map((change) => change.subject.id),
        ).toEqual(removed);
      }),
      { numRuns: 80 },
    );
  });

  function convert(collection: unknown, from: string, to: string): Json {
    let result: Json | undefined;
    transformer.convert(
      collection,
      { inputVersion: from, outputVersion: to, retainIds: true },
      (error: unknown, converted: Json) => {
        if (error) throw error;
        result = converted;
      },
    );
    return result as Json;
  }

  it('a v1 export and its v2.1 conversion differ by nothing', () => {
    // The corpus's v1 exports, and v1 exports made from every other collection of the corpus. The
    // loader tells the formats apart (a v2 collection may lack its info block, as newman runs it;
    // the loader gives it one, and so the transformer can convert it).
    const v1Exports = corpus.map((file) => {
      const { format, collection } = detectFormat(read(file), file);
      if (format === 'v1') return collection;
      return convert(collection, format === 'v2.0' ? '2.0.0' : '2.1.0', '1.0.0');
    });
    // The transformer keeps only the v1 requests that some order names, so it drops requests that
    // sit in no folder and no order (test/fixtures/collections/v1-orphans.json), which the loader
    // rescues. Like the loader, repair the v1 file (a no-op for any well-formed export) before
    // converting it, so that both sides hold every request.
    const toV21 = (v1: Json): Json => {
      const copy = structuredClone(v1);
      repairV1(copy, 'inline.json', [], []);
      return convert(copy, '1.0.0', '2.1.0');
    };
    fc.assert(
      fc.property(fc.constantFrom(...v1Exports), (v1) => {
        const before = modelOfJson(v1).model;
        expect(before.source.format).toBe('v1');
        const after = modelOfJson(toV21(v1)).model;
        expect(after.source.format).toBe('v2.1');
        expect(diffModels(before, after).changes.map((change) => change.message)).toEqual([]);
      }),
      { numRuns: v1Exports.length * 2 },
    );
  });
});
