/**
 * The change report in its three forms: text for a terminal, Markdown for a pull-request comment
 * or a changelog, and JSON for tools (its shape is documented in the README and versioned by
 * `format`). Plus the one-line summary `generate` prints.
 */
import { KINDS, type ChangeKind } from './rules.js';
import type { Change, DiffReport } from './types.js';

export const JSON_FORMAT = 'postman-codegen-diff/1';

const TITLES: Record<ChangeKind, string> = { breaking: 'Breaking', minor: 'Minor', patch: 'Patch' };
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export function countsLine(report: DiffReport): string {
  const { counts } = report;
  const total = counts.breaking + counts.minor + counts.patch;
  if (total === 0) return 'No changes';
  return `${plural(total, 'change')}: ${counts.breaking} breaking, ${counts.minor} minor, ${counts.patch} patch`;
}

/** "2 operations added, 1 breaking: Devices / Get device response field bounce: number → string". */
export function summaryLine(report: DiffReport): string {
  const count = (rule: Change['rule']): number => report.changes.filter((change) => change.rule === rule).length;
  const added = count('operation-added');
  const removed = count('operation-removed');
  const parts: string[] = [];
  if (added > 0) parts.push(`${plural(added, 'operation')} added`);
  if (removed > 0) parts.push(`${plural(removed, 'operation')} removed`);
  const otherMinor = report.counts.minor - added;
  if (otherMinor > 0) parts.push(`${otherMinor} ${added > 0 ? 'other ' : ''}minor`);
  if (report.counts.patch > 0) parts.push(`${report.counts.patch} patch`);
  const breaking = report.changes.filter((change) => change.kind === 'breaking');
  if (breaking.length > 0) {
    const more = breaking.length > 1 ? ` (and ${breaking.length - 1} more)` : '';
    parts.push(`${breaking.length} breaking: ${(breaking[0] as Change).message}${more}`);
  }
  return parts.length > 0 ? parts.join(', ') : 'no changes';
}

export interface Sides {
  old: string;
  new: string;
}

/** Readable text; `paint` colours (the identity when colour is off). */
export function formatText(
  report: DiffReport,
  sides: Sides,
  paint: (code: number, text: string) => string = (_, text) => text,
): string {
  const colours: Record<ChangeKind, number> = { breaking: 31, minor: 33, patch: 2 };
  const lines = [`${sides.old} → ${sides.new}`, `${countsLine(report)}. Suggested version bump: ${report.bump}.`];
  for (const kind of KINDS) {
    const changes = report.changes.filter((change) => change.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', paint(colours[kind], `${TITLES[kind]} (${changes.length})`));
    for (const change of changes) {
      lines.push(`  ${change.message}`);
      lines.push(paint(2, `    ${change.field ? `${change.field}: ` : ''}${change.reason}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A Markdown table cell: one line, pipes escaped. */
const cell = (text: string | undefined): string =>
  text === undefined || text === '' ? '' : text.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
const code = (text: string | undefined): string =>
  text === undefined || text === '' ? '' : `\`${cell(text).replace(/`/g, 'ˋ')}\``;

function subjectCell(change: Change): string {
  const { subject } = change;
  return subject.method
    ? `${cell(subject.name)} (${code(`${subject.method} ${subject.path ?? ''}`)})`
    : cell(subject.name);
}

function markdownTables(report: DiffReport, heading: string): string[] {
  const lines: string[] = [];
  for (const kind of KINDS) {
    const changes = report.changes.filter((change) => change.kind === kind);
    if (changes.length === 0) continue;
    lines.push(
      '',
      `${heading} ${TITLES[kind]} (${changes.length})`,
      '',
      '| Operation | Field | Change | Before | After | Why |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const change of changes) {
      lines.push(
        `| ${subjectCell(change)} | ${code(change.field)} | ${cell(change.rule)} | ${code(change.before)} | ${code(change.after)} | ${cell(change.reason)} |`,
      );
    }
  }
  return lines;
}

/** A pull-request comment: summary line, suggested bump, then one table per kind. */
export function formatMarkdown(report: DiffReport, sides: Sides): string {
  const lines = [
    `### API changes: ${countsLine(report)}`,
    '',
    `Suggested version bump: **${report.bump}** (\`${cell(sides.old)}\` → \`${cell(sides.new)}\`)`,
  ];
  lines.push(...markdownTables(report, '####'));
  return `${lines.join('\n')}\n`;
}

/** A dated changelog entry; the date is passed in so the same input always gives the same text. */
export function changelogEntry(report: DiffReport, title: string, date: string): string {
  const lines = [`## ${date}: ${title}`, '', `${countsLine(report)}. Suggested version bump: **${report.bump}**.`];
  for (const kind of KINDS) {
    const changes = report.changes.filter((change) => change.kind === kind);
    if (changes.length === 0) continue;
    lines.push('', `### ${TITLES[kind]}`, '');
    for (const change of changes)
      lines.push(`- ${cell(change.message)}${change.field ? ` (${code(change.field)})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The stable JSON shape (keys in a fixed order; absent fields left out). */
export function formatJson(report: DiffReport, sides: Sides): string {
  const changes = report.changes.map((change) => ({
    kind: change.kind,
    rule: change.rule,
    subject: {
      kind: change.subject.kind,
      name: change.subject.name,
      ...(change.subject.id !== undefined ? { id: change.subject.id } : {}),
      ...(change.subject.method !== undefined ? { method: change.subject.method } : {}),
      ...(change.subject.path !== undefined ? { path: change.subject.path } : {}),
    },
    ...(change.field !== undefined ? { field: change.field } : {}),
    ...(change.before !== undefined ? { before: change.before } : {}),
    ...(change.after !== undefined ? { after: change.after } : {}),
    reason: change.reason,
    message: change.message,
  }));
  const document = {
    format: JSON_FORMAT,
    old: sides.old,
    new: sides.new,
    bump: report.bump,
    counts: report.counts,
    changes,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
