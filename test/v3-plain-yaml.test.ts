/**
 * The fast reader of plain v3 YAML against the full parser: whenever the fast reader answers, the
 * full parser accepts the text and gives the same value; on anything else it leaves the text to
 * the full parser. Checked on YAML written by the library with every style it has, on hostile
 * mutations of it, and on files as Postman lays them out (which the fast reader must take).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify, type ToStringOptions } from 'yaml';
import { readPlainYaml } from '../generator/load/v3-plain-yaml.js';
import { parseYamlFile, plainResolver } from '../generator/load/v3-yaml.js';
import { syntheticCollection } from '../scripts/bench/synthetic.js';
import { writeV3 } from '../scripts/v3-writer.js';
import { fixture } from './helpers.js';

const fast = (text: string): unknown => readPlainYaml(text, plainResolver());

/** The full parser's value, with the options the loader uses, or ERROR when it reports an error. */
const ERROR = Symbol('error');
function full(text: string): unknown {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false, logLevel: 'error', strict: true });
  if (document.errors.length > 0) return ERROR;
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    return ERROR; // an alias without its anchor
  }
}

/** The property: no answer, or the full parser's answer. */
function agrees(text: string): boolean {
  const value = fast(text);
  return value === undefined || isDeepStrictEqual(value, full(text));
}

const awkward = [' ', ':', ': ', '#', ' #', "'", '"', '\\', '\n', '\n\n', '-', '- ', '{', '}', '{{v}}', '[', ']', ','];
const more = [
  '|',
  '>',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '~',
  '.',
  '?',
  '\t',
  '\r',
  'é',
  '😀',
  '\u0085',
  '\u2028',
  '\u0000',
];
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...awkward, ...more, 'a', 'b', '1', '0', 'e', 'x', 'true', 'null'),
    maxLength: 12,
  }),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '0x1F', '0o17', '1e3', '.inf', '-.Inf', '.nan', '+12', '1_000', '-0', '007', 'Null', 'TRUE', '~'),
);
const key = fc.oneof(
  fc.stringMatching(/^[A-Za-z$_][\w$.-]{0,10}$/),
  text,
  fc.constantFrom('__proto__', 'constructor', 'toString', 'true', 'null', '123', 'a b', 'Content-Type', '$kind'),
);
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;
// Documents like Postman's: word keys and mostly ordinary text, so that the fast reader answers.
const words = fc.stringMatching(/^[A-Za-z$_][\w$.-]{0,8}(?: [\w$.-]{1,6})?$/);
const prose = fc.string({
  unit: fc.constantFrom('a', 'Z', '7', ' ', '/', ':', '{', '}', '.', '-', '_', '?', '=', '&', '"', "'", '#', '\n', 'é'),
  maxLength: 40,
});
const ordinary: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    prose,
    fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('1', 'true', '0x10', '')),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(words, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const document = fc.oneof(
  fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }),
  fc.dictionary(words, ordinary, { minKeys: 1, maxKeys: 6 }),
);
const style: fc.Arbitrary<ToStringOptions & { indent: number }> = fc.record({
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 12, 40, 80),
  minContentWidth: fc.constantFrom(0, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
  blockQuote: fc.constantFrom<ToStringOptions['blockQuote']>(true, false, 'literal', 'folded'),
  doubleQuotedAsJSON: fc.boolean(),
  singleQuote: fc.constantFrom(null, true, false),
});
const postmanLike = fc.dictionary(words, ordinary, { minKeys: 1, maxKeys: 6 }).map((doc) => stringify(doc));
const written = fc.tuple(document, style).map(([doc, options]) => stringify(doc, options));

/** A text with a few pieces inserted, removed or repeated: mostly invalid or unusual YAML. */
const mutated = fc
  .tuple(
    written,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.constantFrom(
          ...awkward,
          ...more,
          '  ',
          '|-',
          '|+',
          '|2',
          '>-',
          '&a ',
          '*a',
          '!!str ',
          '? ',
          '---\n',
          '...\n',
          '%YAML 1.2\n',
          '\uFEFF',
          '__proto__: 1\n',
          'x: 1\n',
          "'",
          '# c\n',
        ),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([source, edits]) =>
    edits.reduce((t, [at, remove, insert]) => {
      const cut = at % (t.length + 1);
      return t.slice(0, cut) + insert + t.slice(cut + remove);
    }, source),
  );

/** Checks the property on `runs` texts; returns how many of them the fast reader answered for. */
function answeredAgreeing(texts: fc.Arbitrary<string>, runs: number): number {
  let answered = 0;
  fc.assert(
    fc.property(texts, (yaml) => {
      if (fast(yaml) !== undefined) answered++;
      return agrees(yaml);
    }),
    { numRuns: runs },
  );
  return answered;
}

describe('the fast reader of plain YAML', () => {
  it('agrees with the full parser on YAML written in every style', () => {
    // Not a property that holds because the fast reader never answers.
    expect(answeredAgreeing(written, 600)).toBeGreaterThan(20);
  });

  it('answers for most documents like Postman writes, as the full parser does', () => {
    expect(answeredAgreeing(postmanLike, 300)).toBeGreaterThan(100);
  });

  it('agrees with the full parser on hostile YAML, or leaves it to it', () => {
    fc.assert(
      fc.property(mutated, (yaml) => agrees(yaml)),
      { numRuns: 1500 },
    );
  });

  it('reads every file Postman lays out that way, as the full parser does', () => {
    const files = [...writeV3(syntheticCollection(40)).values()];
    const folder = fixture('shop-v3');
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(path.join(dir, entry.name)) : [readFileSync(path.join(dir, entry.name), 'utf8')],
      );
    for (const yaml of [...files, ...walk(folder)]) {
      const value = fast(yaml);
      expect(value, yaml).not.toBeUndefined();
      expect(value).toStrictEqual(full(yaml));
    }
  });

  it('reads the shapes it documents and the keys objects inherit', () => {
    const yaml = [
      '$kind: http-request',
      '__proto__: own',
      'constructor: 1',
      "empty: ''",
      'none:',
      'numbers: [1, 2]',
      'list:',
      '- 0x1F',
      '- .nan',
      '- key: value',
      '  other: "a\\tb \\u00e9"',
      'body:',
      '  content: |-',
      '    {',
      '',
      '      "a": 1',
      '    }',
      "  folded: 'one",
      "    two ''three'''",
      '',
    ].join('\n');
    // "numbers: [1, 2]" is a flow sequence: outside the subset, for the full parser.
    expect(fast(yaml)).toBeUndefined();
    const plain = yaml.replace('numbers: [1, 2]', 'numbers: []');
    const value = fast(plain) as Record<string, unknown>;
    expect(value).toStrictEqual(full(plain));
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toBe('own');
    expect(value.list).toEqual([31, Number.NaN, { key: 'value', other: 'a\tb é' }]);
    expect(value.body).toEqual({ content: '{\n\n  "a": 1\n}', folded: "one two 'three'" });
  });

  it('leaves to the full parser what it must report', () => {
    for (const yaml of [
      '$kind: http-request\nurl: {{baseUrl}}/users\n',
      'a: 1\na: 2\n',
      'a:\n\tb: 1\n',
      'a: b: c\n',
      "a: 'open\n",
      'a: |\n  x\n b: 1\n',
      'a: 1\n  b: 2\n',
      'a: &x 1\nb: *x\n',
    ]) {
      expect(fast(yaml), yaml).toBeUndefined();
      const parsed = parseYamlFile('f.request.yaml', yaml);
      if (Array.isArray(parsed)) expect(parsed[0]).toMatchObject({ file: 'f.request.yaml', line: expect.any(Number) });
    }
  });
});
