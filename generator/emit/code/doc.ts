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
  | GroupNode
  | { kind: 'indentIfBreak'; contents: Doc; groupId: symbol; hard: boolean }
  | { kind: 'indent'; contents: Doc; hard: boolean }
  | { kind: 'line'; soft: boolean; hard: boolean }
  | { kind: 'ifBreak'; broken: Doc; flat: Doc; hard: boolean };

interface GroupNode {
  kind: 'group';
  contents: Doc;
  broken: boolean;
  hard: boolean;
  id?: symbol;
  states?: Doc[];
  /** The contents printed flat, once asked (flatOf); null when they take more than FLAT_LIMIT columns. */
  flat?: Flat | null;
}

interface Flat {
  text: string;
  width: number;
}

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

/**
 * The widest line the printer is asked for. A group wider than this flat can never fit, so the
 * printer need not measure it again, and a narrower one is printed from its flat text, once made.
 */
const FLAT_LIMIT = 120;

/**
 * A group's contents as one line (lines as spaces, soft lines as nothing, `ifBreak` flat), for a
 * group with no hard line in it; null when that line is wider than FLAT_LIMIT. Kept on the group:
 * fitting and printing a group that fits then cost one step instead of a walk of its tree, and
 * the groups inside it reuse theirs.
 */
function flatOf(group: GroupNode): Flat | null {
  if (group.flat !== undefined) return group.flat;
  let text = '';
  let columns = 0;
  const stack: Doc[] = [group.contents];
  let flat: Flat | null = null;
  measure: {
    while (stack.length > 0) {
      const doc = stack.pop() as Doc;
      let piece: string;
      let pieceWidth: number;
      if (typeof doc === 'string') {
        piece = doc;
        pieceWidth = width(doc);
      } else {
        switch (doc.kind) {
          case 'concat':
            for (let index = doc.parts.length - 1; index >= 0; index--) stack.push(doc.parts[index] as Doc);
            continue;
          case 'indent':
          case 'indentIfBreak':
            stack.push(doc.contents);
            continue;
          case 'ifBreak':
            stack.push(doc.flat);
            continue;
          case 'line':
            piece = doc.soft ? '' : ' ';
            pieceWidth = piece.length;
            break;
          case 'group': {
            const inner = flatOf(doc);
            if (inner === null) break measure;
            piece = inner.text;
            pieceWidth = inner.width;
            break;
          }
        }
      }
      columns += pieceWidth;
      if (columns > FLAT_LIMIT) break measure;
      text += piece;
    }
    flat = { text, width: columns };
  }
  group.flat = flat;
  return flat;
}

type Mode = 'flat' | 'break';
interface Command {
  indentation: number;
  mode: Mode;
  doc: Doc;
}

/** A text needs no mode or indentation: it goes on the stacks as it is, one object fewer a piece. */
type Entry = Command | string;

/** Does `next`, followed by what comes after it, fit in `room` columns before the next line break? */
function fits(next: Entry, rest: Entry[], room: number): boolean {
  let restIndex = rest.length;
  const stack: Array<{ mode: Mode; doc: Doc } | string> = [next];
  while (room >= 0) {
    const command = stack.pop();
    if (command === undefined) {
      if (restIndex === 0) return true;
      stack.push(rest[--restIndex] as Entry);
      continue;
    }
    const doc = typeof command === 'string' ? command : command.doc;
    if (typeof doc === 'string') {
      room -= width(doc);
      continue;
    }
    const { mode } = command as { mode: Mode };
    switch (doc.kind) {
      case 'concat':
        for (let index = doc.parts.length - 1; index >= 0; index--) {
          const part = doc.parts[index] as Doc;
          stack.push(typeof part === 'string' ? part : { mode, doc: part });
        }
        break;
      case 'indent':
      case 'indentIfBreak':
        stack.push({ mode, doc: doc.contents });
        break;
      case 'group': {
        if (mode === 'flat' && !doc.hard && !doc.broken && room <= FLAT_LIMIT) {
          // All on this line: its flat width alone decides (over the limit, over the room too).
          const flat = flatOf(doc);
          if (flat === null) return false;
          room -= flat.width;
          continue;
        }
        const groupMode = doc.broken ? 'break' : mode;
        const contents =
          doc.states && groupMode === 'break' ? (doc.states[doc.states.length - 1] as Doc) : doc.contents;
        stack.push({ mode: groupMode, doc: contents });
        break;
      }
      case 'ifBreak':
        stack.push({ mode, doc: mode === 'break' ? doc.broken : doc.flat });
        break;
      case 'line':
        if (mode === 'break' || doc.hard) return true;
        if (!doc.soft) room -= 1;
        break;
    }
  }
  return false;
}

/** Does text of `columns` columns, followed by what comes after it, fit in `room` before the next line break? */
function fitsAfter(columns: number, rest: Entry[], room: number): boolean {
  return fits('', rest, room - columns);
}

/** Prints a document in `printWidth` columns, two spaces an indentation level, trailing spaces trimmed. */
export function print(doc: Doc, printWidth = 120): string {
  const out: string[] = [];
  let column = 0;
  const stack: Entry[] = [{ indentation: 0, mode: 'break', doc }];
  const groupModes = new Map<symbol, Mode>();
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const current = typeof entry === 'string' ? entry : entry.doc;
    if (typeof current === 'string') {
      if (current === '') continue;
      out.push(current);
      column += width(current);
      continue;
    }
    const { indentation, mode } = entry as Command;
    switch (current.kind) {
      case 'concat':
        for (let index = current.parts.length - 1; index >= 0; index--) {
          const part = current.parts[index] as Doc;
          stack.push(typeof part === 'string' ? part : { indentation, mode, doc: part });
        }
        break;
      case 'indent':
        stack.push({ indentation: indentation + 2, mode, doc: current.contents });
        break;
      case 'indentIfBreak':
        stack.push({
          indentation: groupModes.get(current.groupId) === 'break' ? indentation + 2 : indentation,
          mode,
          doc: current.contents,
        });
        break;
      case 'group': {
        if (!current.hard && !current.broken && printWidth <= FLAT_LIMIT) {
          const text = flatOf(current);
          if (text !== null && (mode === 'flat' || fitsAfter(text.width, stack, printWidth - column))) {
            if (current.id) groupModes.set(current.id, 'flat');
            out.push(text.text);
            column += text.width;
            break;
          }
          if (!current.states) {
            // Too wide for the rest of this line: broken, as the walk below would find.
            if (current.id) groupModes.set(current.id, 'break');
            stack.push({ indentation, mode: 'break', doc: current.contents });
            break;
          }
        }
        const flat: Command = { indentation, mode: 'flat', doc: current.contents };
        let next: Command;
        if (mode === 'flat' && !current.broken) next = flat;
        else if (!current.broken && fits(flat, stack, printWidth - column)) next = flat;
        else if (current.states) {
          const states = current.states;
          next = { indentation, mode: 'break', doc: states[states.length - 1] as Doc };
          if (!current.broken) {
            for (let index = 1; index < states.length; index++) {
              const state: Command = { indentation, mode: 'flat', doc: states[index] as Doc };
              if (fits(state, stack, printWidth - column)) {
                next = state;
                break;
              }
            }
          }
        } else next = { indentation, mode: 'break', doc: current.contents };
        if (current.id) groupModes.set(current.id, next.mode);
        stack.push(next);
        break;
      }
      case 'ifBreak':
        stack.push({ indentation, mode, doc: mode === 'break' ? current.broken : current.flat });
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
