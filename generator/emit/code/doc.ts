/**
 * A document tree and its printer, after Wadler's "prettier printer" and prettier's own algorithm:
 * a group prints flat when it fits in the rest of the line, else its lines break. The builders in
 * ts.ts arrange TypeScript the way prettier does, so that the printed text is what prettier prints
 * (test/format.test.ts holds them to it); nothing is parsed or re-formatted afterwards.
 */
import { createRequire } from 'node:module';
import type * as Prettier from 'prettier';

export type Doc = string | Node;

type Node =
  | { kind: 'concat'; parts: Doc[]; hard: boolean }
  | { kind: 'group'; contents: Doc; broken: boolean; hard: boolean; id?: symbol; states?: Doc[] }
  | { kind: 'indentIfBreak'; contents: Doc; groupId: symbol; hard: boolean }
  | { kind: 'indent'; contents: Doc; hard: boolean }
  | { kind: 'line'; soft: boolean; hard: boolean }
  | { kind: 'ifBreak'; broken: Doc; flat: Doc; hard: boolean };

function isHard(doc: Doc): boolean {
  return typeof doc !== 'string' && doc.hard;
}

export function concat(...parts: Doc[]): Doc {
  return { kind: 'concat', parts, hard: parts.some(isHard) };
}

/** Flat when it fits, else broken; a hard line inside always breaks it (and every group around it). */
export function group(contents: Doc, options: { broken?: boolean; id?: symbol } = {}): Doc {
  const broken = isHard(contents) || options.broken === true;
  return { kind: 'group', contents, broken, hard: broken, ...(options.id ? { id: options.id } : {}) };
}

/**
 * The first of `states` that fits, tried flat, else the last one broken (prettier's
 * `conditionalGroup`). A hard line inside breaks the groups around it, not this one.
 */
export function conditionalGroup(states: Doc[]): Doc {
  return { kind: 'group', contents: states[0] as Doc, broken: false, hard: states.some(isHard), states };
}

/** Indented when the group `groupId` broke (prettier's `indentIfBreak`). */
export function indentIfBreak(contents: Doc, groupId: symbol): Doc {
  return { kind: 'indentIfBreak', contents, groupId, hard: isHard(contents) };
}

export function indent(...contents: Doc[]): Doc {
  const inner = contents.length === 1 ? (contents[0] as Doc) : concat(...contents);
  return { kind: 'indent', contents: inner, hard: isHard(inner) };
}

/** A space when flat, a line break when broken. */
export const line: Doc = { kind: 'line', soft: false, hard: false };
/** Nothing when flat, a line break when broken. */
export const softline: Doc = { kind: 'line', soft: true, hard: false };
/** Always a line break. */
export const hardline: Doc = { kind: 'line', soft: false, hard: true };

export function ifBreak(broken: Doc, flat: Doc = ''): Doc {
  return { kind: 'ifBreak', broken, flat, hard: false };
}

export function join(separator: Doc, docs: readonly Doc[]): Doc {
  const parts: Doc[] = [];
  docs.forEach((doc, index) => {
    if (index > 0) parts.push(separator);
    parts.push(doc);
  });
  return concat(...parts);
}

const NOT_ASCII = /[^\x20-\x7f]/;

let stringWidth: ((text: string) => number) | undefined;

/**
 * Columns a text takes, as prettier counts them (wide characters two, combining marks none).
 * Prettier's counter is loaded on the first text that is not ASCII, from its small CommonJS
 * entry: most clients never need it.
 */
export function width(text: string): number {
  if (!NOT_ASCII.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)('prettier') as typeof Prettier).util.getStringWidth;
  return stringWidth(text);
}

type Mode = 'flat' | 'break';

// The printer's work stacks, kept as parallel arrays and reused from one call to the next: a
// command object per document node was most of the garbage a large client's printing made.
const fitModes: Mode[] = [];
const fitDocs: Doc[] = [];

/**
 * Does the group at the top of the print stack, flat (or in `mode`), followed by what comes after
 * it on the stack (`restDocs` / `restModes` below `restTop`), fit in `room` columns before the
 * next line break?
 */
function fits(doc: Doc, mode: Mode, restModes: Mode[], restDocs: Doc[], restTop: number, room: number): boolean {
  let restIndex = restTop;
  fitModes[0] = mode;
  fitDocs[0] = doc;
  let top = 1;
  while (room >= 0) {
    if (top === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      fitModes[0] = restModes[restIndex] as Mode;
      fitDocs[0] = restDocs[restIndex] as Doc;
      top = 1;
      continue;
    }
    top--;
    const current = fitDocs[top] as Doc;
    const currentMode = fitModes[top] as Mode;
    if (typeof current === 'string') {
      room -= width(current);
      continue;
    }
    switch (current.kind) {
      case 'concat':
        for (let index = current.parts.length - 1; index >= 0; index--) {
          fitModes[top] = currentMode;
          fitDocs[top++] = current.parts[index] as Doc;
        }
        break;
      case 'indent':
      case 'indentIfBreak':
        fitModes[top] = currentMode;
        fitDocs[top++] = current.contents;
        break;
      case 'group': {
        const groupMode = current.broken ? 'break' : currentMode;
        fitModes[top] = groupMode;
        fitDocs[top++] =
          current.states && groupMode === 'break'
            ? (current.states[current.states.length - 1] as Doc)
            : current.contents;
        break;
      }
      case 'ifBreak':
        fitModes[top] = currentMode;
        fitDocs[top++] = currentMode === 'break' ? current.broken : current.flat;
        break;
      case 'line':
        if (currentMode === 'break' || current.hard) return true;
        if (!current.soft) room -= 1;
        break;
    }
  }
  return false;
}

/** Prints a document in `printWidth` columns, two spaces an indentation level, trailing spaces trimmed. */
export function print(doc: Doc, printWidth = 120): string {
  const out: string[] = [];
  let column = 0;
  const indents: number[] = [0];
  const modes: Mode[] = ['break'];
  const docs: Doc[] = [doc];
  let top = 1;
  const groupModes = new Map<symbol, Mode>();
  while (top > 0) {
    top--;
    const indentation = indents[top] as number;
    const mode = modes[top] as Mode;
    const current = docs[top] as Doc;
    if (typeof current === 'string') {
      if (current === '') continue;
      out.push(current);
      column += width(current);
      continue;
    }
    switch (current.kind) {
      case 'concat':
        for (let index = current.parts.length - 1; index >= 0; index--) {
          indents[top] = indentation;
          modes[top] = mode;
          docs[top++] = current.parts[index] as Doc;
        }
        break;
      case 'indent':
        indents[top] = indentation + 2;
        modes[top] = mode;
        docs[top++] = current.contents;
        break;
      case 'indentIfBreak':
        indents[top] = groupModes.get(current.groupId) === 'break' ? indentation + 2 : indentation;
        modes[top] = mode;
        docs[top++] = current.contents;
        break;
      case 'group': {
        let nextMode: Mode = 'break';
        let nextDoc: Doc = current.contents;
        if (
          !current.broken &&
          (mode === 'flat' || fits(current.contents, 'flat', modes, docs, top, printWidth - column))
        )
          nextMode = 'flat';
        else if (current.states) {
          const states = current.states;
          nextDoc = states[states.length - 1] as Doc;
          if (!current.broken) {
            for (let index = 1; index < states.length; index++) {
              if (fits(states[index] as Doc, 'flat', modes, docs, top, printWidth - column)) {
                nextMode = 'flat';
                nextDoc = states[index] as Doc;
                break;
              }
            }
          }
        }
        if (current.id) groupModes.set(current.id, nextMode);
        indents[top] = indentation;
        modes[top] = nextMode;
        docs[top++] = nextDoc;
        break;
      }
      case 'ifBreak':
        indents[top] = indentation;
        modes[top] = mode;
        docs[top++] = mode === 'break' ? current.broken : current.flat;
        break;
      case 'line':
        if (mode === 'flat' && !current.hard) {
          if (!current.soft) {
            out.push(' ');
            column += 1;
          }
          break;
        }
        trimTrailingSpaces(out);
        out.push(newline(indentation));
        column = indentation;
        break;
    }
  }
  // The reused stack would otherwise keep the last document alive.
  fitDocs.length = 0;
  return out.join('');
}

const NEWLINES: string[] = [];

/** A line break and its indentation (a few dozen distinct ones per file, made once). */
function newline(indentation: number): string {
  return (NEWLINES[indentation] ??= '\n' + ' '.repeat(indentation));
}

function trimTrailingSpaces(out: string[]): void {
  // Only a space the printer wrote itself (a flat line, `: `) can end the line: usually none.
  if (!(out[out.length - 1] ?? '').endsWith(' ')) return;
  while (out.length > 0) {
    const trimmed = (out[out.length - 1] as string).replace(/[ \t]+$/, '');
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}
