import type { ChangeKind, RuleId } from './rules.js';

/** What a change is about: an operation, a folder, or the collection as a whole. */
export interface Subject {
  kind: 'operation' | 'folder' | 'collection';
  /** The item path joined with " / " ("Devices / Get device"), or "collection". */
  name: string;
  /** Set for operations: the Postman item id, method and path template (of the new side when it has one). */
  id?: string;
  method?: string;
  path?: string;
}

export interface Change {
  rule: RuleId;
  kind: ChangeKind;
  reason: string;
  subject: Subject;
  /** Where inside the subject: `query.page`, `body.tags[]`, `responses.200.body.items[].bounce`. */
  field?: string;
  before?: string;
  after?: string;
  /** One line for people: "Devices / Get device response field bounce: number → string". */
  message: string;
}

export type Bump = 'major' | 'minor' | 'patch' | 'none';

export interface DiffReport {
  changes: Change[];
  counts: Record<ChangeKind, number>;
  /** The semantic-version bump the changes call for. */
  bump: Bump;
}

export interface DiffOptions {
  /**
   * The client's class name is fixed by the configuration. Without one it follows the collection's
   * name, and renaming the collection renames the class.
   */
  fixedClientName?: boolean;
}
