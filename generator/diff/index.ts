/**
 * What changed between two route models, for the code that calls the generated client. Reads only
 * the two models; every change is classified by the one table in `rules.ts`.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ApiModel, Variable } from '../model/types.js';
import { KINDS, RULES, type ChangeKind } from './rules.js';
import type { Bump, Change, DiffOptions, DiffReport, Subject } from './types.js';
import { locate, matchFolders, matchOperations, type Located } from './match.js';
import { compareOperations, describeAuth } from './operation.js';
import { compareSchemas, fieldPath, type Emit } from './schema.js';
import { fieldLabel } from './wording.js';

export type { Change, DiffReport, DiffOptions, Subject, Bump } from './types.js';
export { RULES, RULE_IDS, KINDS, type ChangeKind, type RuleId } from './rules.js';

const COLLECTION: Subject = { kind: 'collection', name: 'collection' };

function operationSubject(located: Located): Subject {
  const { operation } = located;
  return {
    kind: 'operation',
    name: located.label,
    id: operation.id,
    method: operation.method,
    path: operation.pathTemplate,
  };
}

function fill(template: string, values: Record<string, string | undefined>): string {
  return template
    .replace(/\{(subject|field|before|after)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function collector(changes: Change[], subject: Subject): Emit {
  return (rule, field, before, after) => {
    const { kind, reason, message } = RULES[rule];
    const change: Change = { rule, kind, reason, subject, message: '' };
    if (field !== undefined) change.field = field;
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    change.message = fill(message, {
      subject: subject.name,
      field: field === undefined ? undefined : fieldLabel(field),
      before: before ?? '(none)',
      after: after ?? '(none)',
    });
    changes.push(change);
  };
}

function compareVariables(before: Variable[], after: Variable[], emit: Emit): void {
  const old = new Map(before.map((variable) => [variable.name, variable]));
  const next = new Map(after.map((variable) => [variable.name, variable]));
  for (const name of [...new Set([...old.keys(), ...next.keys()])].sort()) {
    const field = fieldPath('options', name);
    const a = old.get(name);
    const b = next.get(name);
    if (!b) emit('param-removed', field, a?.default);
    else if (!a) emit('client-option-added', field, undefined, b.default);
    else {
      if (a.default !== b.default) emit('default-changed', field, a.default, b.default);
      if (a.type !== b.type) emit('description-changed', `${field}.type`, a.type, b.type);
      if ((a.description ?? '') !== (b.description ?? ''))
        emit('description-changed', `${field}.description`, a.description, b.description);
    }
  }
}

function compareCollections(before: ApiModel, after: ApiModel, options: DiffOptions, emit: Emit): void {
  if (before.name !== after.name)
    emit(options.fixedClientName ? 'summary-changed' : 'member-renamed', 'name', before.name, after.name);
  if ((before.description ?? '') !== (after.description ?? ''))
    emit('description-changed', 'description', before.description, after.description);
  if (before.baseUrl.raw !== after.baseUrl.raw) emit('path-changed', 'baseUrl', before.baseUrl.raw, after.baseUrl.raw);
  else if (before.baseUrl.default !== after.baseUrl.default)
    emit('default-changed', 'baseUrl', before.baseUrl.default, after.baseUrl.default);
  compareVariables(before.variables, after.variables, emit);
  if (before.auth.type !== after.auth.type || !isDeepStrictEqual(before.auth.params, after.auth.params))
    emit('auth-changed', 'auth', describeAuth(before.auth), describeAuth(after.auth));
  if (!isDeepStrictEqual(before.signing, after.signing))
    emit(
      'auth-changed',
      'signing',
      before.signing ? JSON.stringify(before.signing) : 'none',
      after.signing ? JSON.stringify(after.signing) : 'none',
    );
  if (!isDeepStrictEqual(before.token, after.token))
    emit(
      'auth-changed',
      'token',
      before.token ? JSON.stringify(before.token) : 'none',
      after.token ? JSON.stringify(after.token) : 'none',
    );
  // Error labels are an open union the client's error class reads: like a response enum.
  const labels = (model: ApiModel) => ({ type: 'enum' as const, values: model.errorLabels ?? [] });
  compareSchemas(labels(before), labels(after), 'errorLabels', 'response', emit);
}

const KIND_ORDER = new Map(KINDS.map((kind, index) => [kind, index]));

function compareChanges(a: Change, b: Change): number {
  const keys = (change: Change): Array<string | number> => [
    KIND_ORDER.get(change.kind) ?? 0,
    change.subject.name,
    change.field ?? '',
    change.rule,
    change.before ?? '',
    change.after ?? '',
  ];
  const x = keys(a);
  const y = keys(b);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return (x[i] as string | number) < (y[i] as string | number) ? -1 : 1;
  }
  return 0;
}

export function bumpOf(counts: Record<ChangeKind, number>): Bump {
  return counts.breaking > 0 ? 'major' : counts.minor > 0 ? 'minor' : counts.patch > 0 ? 'patch' : 'none';
}

/** The report of two models that serialise alike: no change at all. */
export function unchangedReport(): DiffReport {
  const counts: Record<ChangeKind, number> = { breaking: 0, minor: 0, patch: 0 };
  return { changes: [], counts, bump: bumpOf(counts) };
}

/** Every change from `before` to `after`, in a stable order: breaking first, then by operation and field. */
export function diffModels(before: ApiModel, after: ApiModel, options: DiffOptions = {}): DiffReport {
  const changes: Change[] = [];
  compareCollections(before, after, options, collector(changes, COLLECTION));
  const old = locate(before);
  const next = locate(after);
  const operations = matchOperations(old.operations, next.operations);
  for (const located of operations.removed)
    collector(changes, operationSubject(located))('operation-removed', undefined, located.member);
  for (const located of operations.added)
    collector(changes, operationSubject(located))('operation-added', undefined, undefined, located.member);
  for (const [a, b] of operations.pairs) compareOperations(a, b, collector(changes, operationSubject(b)));
  for (const [a, b] of matchFolders(old.folders, next.folders).pairs) {
    const emit = collector(changes, { kind: 'folder', name: b.label });
    if ((a.resource.description ?? '') !== (b.resource.description ?? ''))
      emit('description-changed', 'description', a.resource.description, b.resource.description);
  }
  changes.sort(compareChanges);
  const counts: Record<ChangeKind, number> = { breaking: 0, minor: 0, patch: 0 };
  for (const change of changes) counts[change.kind]++;
  return { changes, counts, bump: bumpOf(counts) };
}
