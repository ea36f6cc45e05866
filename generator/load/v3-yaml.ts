import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, ScalarTag } from 'yaml';
import { notPlain, readPlainYaml, type PlainResolver } from './v3-plain-yaml.js';

let yamlModule: typeof Yaml | undefined;

/** The YAML library, loaded on the first v3 file: a run on a JSON collection never needs it. */
function yaml(): typeof Yaml {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlModule;
}

/** A problem that makes a file of a v3 collection unreadable, with where it is and how to fix it. */
export interface YamlProblem {
  /** Path of the file inside the collection folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  reason: string;
  fix: string;
}

/** One parsed YAML file: its plain value, and the place of any of its nodes for messages. */
export interface YamlFile {
  file: string;
  value: unknown;
  /** "line L, column C" of the node at `path` (of its nearest existing ancestor). */
  at(path: ReadonlyArray<string | number>): string;
  /** Line and column of the node at `path`, for problems. */
  position(path: ReadonlyArray<string | number>): { line: number; column: number };
  /** "line L, column C" of a top-level key (rather than of its value). */
  keyAt(key: string): string;
}

const UNQUOTED_TEMPLATE = /(?:^|[:\-,[{?])[ \t]*\{\{/m;
const QUOTE_FIX = 'Quote values that start with {{, as in url: "{{baseUrl}}/path".';

/** The likely fix for a YAML syntax error, judged from the line it is on. */
function likelyFix(code: string, lineText: string): string {
  if (/:\s*\{\{/.test(lineText) || /^\s*-\s*\{\{/.test(lineText)) return QUOTE_FIX;
  if (code === 'TAB_AS_INDENT') return 'Indent with spaces, not tabs.';
  if (code === 'DUPLICATE_KEY') return 'Remove or rename the repeated key.';
  if (code === 'MISSING_CHAR') return 'Close the quote or bracket that is opened there.';
  if (/^\s*[^\s"'#][^:#]*:\s*[^\s"'|>].*:\s/.test(lineText))
    return 'Quote the value: it holds ": ", which YAML reads as another key.';
  return 'Check the indentation and quoting there (a file saved by Postman always parses).';
}

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error', strict: true } as const;

/** Line and column (from 1) of an offset in `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

let resolvePlain: PlainResolver | undefined;

/**
 * Resolves a plain scalar with the schema and options of the full parser (YAML 1.2 core: null,
 * booleans, integers, floats, else a string), as its composer does: the first default tag whose
 * test matches.
 */
export function plainResolver(): PlainResolver {
  if (resolvePlain) return resolvePlain;
  const { isScalar, parseDocument } = yaml();
  const { schema, options } = parseDocument('', PARSE_OPTIONS);
  const tags = schema.tags.filter(
    (tag): tag is ScalarTag & { test: RegExp } => !tag.collection && tag.default === true && tag.test !== undefined,
  );
  resolvePlain = (plain) => {
    const tag = tags.find(({ test }) => test.test(plain));
    if (!tag) return plain;
    const value: unknown = tag.resolve(plain, notPlain, options);
    return isScalar(value) ? value.value : value;
  };
  return resolvePlain;
}

/** The problems of a file that parsed with errors or may hold an unquoted template (none if it is fine). */
function problemsOf(file: string, text: string, document: Document): YamlProblem[] {
  const { visit } = yaml();
  const problems: YamlProblem[] = document.errors.map((error) => {
    const { line, column } = placeOf(text, error.pos[0]);
    const reason = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
    return { file, line, column, reason, fix: likelyFix(error.code, text.split('\n')[line - 1] ?? '') };
  });
  visit(document, {
    Map(_key, node) {
      // A flow map whose text starts with "{{" is an unquoted template, not data.
      if (node.flow && node.range && text.startsWith('{{', node.range[0])) {
        problems.push({
          file,
          ...placeOf(text, node.range[0]),
          reason: 'an unquoted value starts with {{, which YAML reads as a nested map',
          fix: QUOTE_FIX,
        });
        return visit.SKIP;
      }
      return undefined;
    },
  });
  // One problem per line is enough: the parser often reports the same mistake twice.
  const seen = new Set<number>();
  return problems.filter((problem) => !seen.has(problem.line) && seen.add(problem.line));
}

/**
 * A parsed file. Only its value is kept: the places of its nodes, which only messages need, come
 * from parsing it again on the first question (keeping every file's syntax tree until the end
 * costs more in garbage collection than parsing the few files that have something to report twice).
 */
function yamlFile(file: string, text: string, value: unknown): YamlFile {
  const { isMap, isScalar, parseDocument } = yaml();
  let tree: Document | undefined;
  const document = (): Document => (tree ??= parseDocument(text, PARSE_OPTIONS));
  const position = (path: ReadonlyArray<string | number>): { line: number; column: number } => {
    for (let length = path.length; length >= 0; length--) {
      const node = document().getIn(path.slice(0, length), true);
      if (
        (isMap(node) || isScalar(node) || (typeof node === 'object' && node !== null && 'range' in node)) &&
        (node as { range?: [number] }).range
      ) {
        return placeOf(text, (node as { range: [number] }).range[0]);
      }
    }
    return { line: 1, column: 1 };
  };
  return {
    file,
    value,
    at: (path: ReadonlyArray<string | number>) => {
      const { line, column } = position(path);
      return `line ${line}, column ${column}`;
    },
    position,
    keyAt: (key: string) => {
      const contents = document().contents;
      const pair = isMap(contents)
        ? contents.items.find((item) => isScalar(item.key) && item.key.value === key)
        : undefined;
      const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
      const { line, column } = range ? placeOf(text, range[0]) : position([key]);
      return `line ${line}, column ${column}`;
    },
  };
}

/**
 * Parses one file of a v3 collection. Returns the problems instead of a value when it does not
 * parse, or when it parses only by reading an unquoted `{{var}}` as a nested map (YAML accepts
 * `url: {{baseUrl}}` as a map, Postman rejects the file).
 */
export function parseYamlFile(file: string, text: string): YamlFile | YamlProblem[] {
  const plain = readPlainYaml(text, plainResolver());
  if (plain !== undefined) return yamlFile(file, text, plain);
  const document = yaml().parseDocument(text, PARSE_OPTIONS);
  // Only a file with "{{" right after a key, a dash or a bracket can hold an unquoted template: skip the walk otherwise.
  if (document.errors.length > 0 || UNQUOTED_TEMPLATE.test(text)) {
    const problems = problemsOf(file, text, document);
    if (problems.length > 0) return problems;
  }
  try {
    return yamlFile(file, text, document.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    return [aliasProblem(file, text, document, error)];
  }
}

/**
 * Turning a document into a value fails only on its aliases: one whose anchor is not set before it,
 * or so many that they look like a resource exhaustion attack. The problem is placed at the alias
 * that has no anchor, else at the first alias.
 */
function aliasProblem(file: string, text: string, document: Document, error: unknown): YamlProblem {
  const { visit } = yaml();
  let unresolved: number | undefined;
  let first: number | undefined;
  visit(document, {
    Alias(_key, node) {
      first ??= node.range?.[0];
      if (node.resolve(document) === undefined) {
        unresolved = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  const reason = error instanceof Error ? error.message : String(error);
  return {
    file,
    ...placeOf(text, unresolved ?? first ?? 0),
    reason: reason.replace(/\.$/, ''),
    fix: 'Set the anchor (&name) before its alias (*name), or write the value out.',
  };
}
