/**
 * Every kind of change the report knows, in one table: how serious it is for code that calls the
 * generated client, why, and how it reads. Classification happens nowhere else: the comparison
 * names a rule, the table says what it means.
 *
 * Messages are templates: {subject} is the operation (its item path), the folder or "collection";
 * {field} the place inside it; {before} and {after} the two values.
 */
export type ChangeKind = 'breaking' | 'minor' | 'patch';

export interface Rule {
  kind: ChangeKind;
  /** Why, from the side of the code that calls the client. */
  reason: string;
  message: string;
}

export const RULES = {
  // Breaking: code that compiled and worked against the old client may not any more.
  'operation-removed': { kind: 'breaking', reason: 'calls to it no longer compile', message: '{subject} removed' },
  'method-changed': {
    kind: 'breaking',
    reason: 'the same call now sends another request',
    message: '{subject} method: {before} → {after}',
  },
  'path-changed': {
    kind: 'breaking',
    reason: 'the same call now goes to another URL',
    message: '{subject} {field}: {before} → {after}',
  },
  'member-renamed': {
    kind: 'breaking',
    reason: 'code that uses the old name no longer compiles',
    message: '{subject} renamed: {before} → {after}',
  },
  'path-param-added': { kind: 'breaking', reason: 'every call must now pass it', message: '{subject} new {field}' },
  'param-required': {
    kind: 'breaking',
    reason: 'calls that leave it out no longer compile',
    message: '{subject} {field} is now required',
  },
  'param-removed': {
    kind: 'breaking',
    reason: 'calls that pass it no longer compile',
    message: '{subject} {field} removed',
  },
  'param-narrowed': {
    kind: 'breaking',
    reason: 'values that callers send may no longer be accepted',
    message: '{subject} {field}: {before} → {after}',
  },
  'response-field-removed': {
    kind: 'breaking',
    reason: 'code that reads it finds nothing',
    message: '{subject} {field} removed',
  },
  'response-type-changed': {
    kind: 'breaking',
    reason: 'code that reads it gets values of another type',
    message: '{subject} {field}: {before} → {after}',
  },
  'response-nullable': {
    kind: 'breaking',
    reason: 'code that reads it must now handle null',
    message: '{subject} {field} may now be null',
  },
  'response-optional': {
    kind: 'breaking',
    reason: 'code that reads it must now handle its absence',
    message: '{subject} {field} may now be absent',
  },
  'response-body-changed': {
    kind: 'breaking',
    reason: 'the call returns another kind of value',
    message: '{subject} {field}: {before} → {after}',
  },
  'response-status-removed': {
    kind: 'breaking',
    reason: 'the result type of the call loses this answer',
    message: '{subject} {field} removed',
  },
  'auth-changed': {
    kind: 'breaking',
    reason: 'requests are authenticated another way: the credentials given to the client may no longer fit',
    message: '{subject} {field}: {before} → {after}',
  },
  'pagination-changed': {
    kind: 'breaking',
    reason: 'the call returns pages (or no longer does): its result type changes',
    message: '{subject} pagination: {before} → {after}',
  },

  // Minor: new things, and things that accept or promise more; existing code keeps working.
  'operation-added': { kind: 'minor', reason: 'a new call; existing code is unaffected', message: '{subject} added' },
  'optional-param-added': {
    kind: 'minor',
    reason: 'callers may pass it; calls without it still compile',
    message: '{subject} new optional {field}',
  },
  'client-option-added': {
    kind: 'minor',
    reason: 'a new client option (with the collection’s default when it has one)',
    message: '{subject} new {field}',
  },
  'param-widened': {
    kind: 'minor',
    reason: 'every call that compiled still compiles',
    message: '{subject} {field} accepts more: {before} → {after}',
  },
  'response-field-added': {
    kind: 'minor',
    reason: 'code may read it; existing code is unaffected',
    message: '{subject} {field} added',
  },
  'response-narrowed': {
    kind: 'minor',
    reason: 'the answer is more precise; code that reads it still works',
    message: '{subject} {field}: {before} → {after}',
  },
  'enum-value-added': {
    kind: 'minor',
    reason: 'enums are open: code must already accept values it does not know',
    message: '{subject} {field}: {after} added',
  },
  'enum-unlisted': {
    kind: 'minor',
    reason: 'enums are open: the values are no longer suggested, any value of the type was already possible',
    message: '{subject} {field} no longer lists {before}',
  },
  'response-status-added': {
    kind: 'minor',
    reason: 'a new documented answer; existing code is unaffected',
    message: '{subject} new {field}',
  },
  'deprecation-changed': {
    kind: 'minor',
    reason: 'callers should plan to move (or may stop worrying)',
    message: '{subject} deprecated: {before} → {after}',
  },

  // Patch: words and documentation; the generated code behaves the same for callers.
  'description-changed': { kind: 'patch', reason: 'documentation only', message: '{subject} {field} changed' },
  'examples-changed': {
    kind: 'patch',
    reason: 'examples only: the types they gave are unchanged',
    message: '{subject} {field} changed',
  },
  'status-mark-changed': {
    kind: 'patch',
    reason: 'documentation only (the confirmed/inferred mark)',
    message: '{subject} status: {before} → {after}',
  },
  'summary-changed': {
    kind: 'patch',
    reason: 'the name in the collection changed; the client’s names did not',
    message: '{subject} {field}: {before} → {after}',
  },
  'format-changed': {
    kind: 'patch',
    reason: 'the generated type is string either way; only its documentation changes',
    message: '{subject} {field} format: {before} → {after}',
  },
  'header-changed': {
    kind: 'patch',
    reason: 'the client sends it by itself; calls do not change',
    message: '{subject} {field}: {before} → {after}',
  },
  'body-encoding-changed': {
    kind: 'patch',
    reason: 'the client encodes the body the new way; calls do not change',
    message: '{subject} body encoding: {before} → {after}',
  },
  'error-status-removed': {
    kind: 'patch',
    reason: 'error answers reach callers as the client’s error class either way; only the documented example went',
    message: '{subject} {field} removed',
  },
  'scripts-changed': {
    kind: 'patch',
    reason: 'collection scripts never run in the generated client',
    message: '{subject} scripts: {before} → {after}',
  },
  'default-changed': {
    kind: 'patch',
    reason: 'the collection’s default value of a client option; code that passes its own is unaffected',
    message: '{subject} {field} default: {before} → {after}',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const KINDS: readonly ChangeKind[] = ['breaking', 'minor', 'patch'];
