/**
 * What `generate` and `check` say about the API: the changes between the model.json an output
 * folder holds and the model being generated, and the changelog entry they make.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diffModels, unchangedReport, type DiffReport } from '../diff/index.js';
import { changelogEntry } from '../diff/format.js';
import { CodegenError } from '../errors.js';
import type { ApiModel, Diagnostic } from '../model/types.js';
import { readPreviousModel } from '../output.js';
import { modelFromJson } from './diff-sides.js';
import { writeAtomically } from './model.js';

export interface Comparison {
  report?: DiffReport;
  /** Set when the previous model.json exists but cannot be compared. */
  warning?: Diagnostic;
}

/** Compares the model being generated with the one in `out` (nothing to compare on a first run). */
export async function compareWithPrevious(
  out: string,
  modelJson: string | undefined,
  fixedClientName: boolean,
): Promise<Comparison> {
  const previous = await readPreviousModel(out);
  if (previous === undefined || modelJson === undefined) return {};
  // The same bytes are the same model: the usual regeneration (and every `check` that passes).
  if (previous === modelJson) return { report: unchangedReport() };
  const file = path.join(out, 'model.json').split(path.sep).join('/');
  try {
    const before = modelFromJson(previous, file);
    const after = JSON.parse(modelJson) as ApiModel;
    return { report: diffModels(before, after, { fixedClientName }) };
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    return { warning: { level: 'warning', message: `no change summary: ${error.format()}`, where: file } };
  }
}

/**
 * The changelog's date, as YYYY-MM-DD (UTC): from SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds convention, and what tests use), else from the clock.
 */
export function changelogDate(env: NodeJS.ProcessEnv = process.env, now: () => number = Date.now): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch))
      throw new CodegenError(
        `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}".`,
        'environment',
        'SOURCE_DATE_EPOCH',
      );
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  }
  return new Date(now()).toISOString().slice(0, 10);
}

/**
 * Puts entries at the top of a changelog, below its `# Title` line when it has one.
 */
export async function prependChangelog(
  file: string,
  entries: Array<{ title: string; report: DiffReport }>,
  date: string,
): Promise<void> {
  if (entries.length === 0) return;
  const text = entries.map(({ title, report }) => changelogEntry(report, title, date)).join('\n');
  const current = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw new CodegenError(
      `cannot be read (${error.code ?? error.message}).`,
      file,
      undefined,
      'Check the path given to --changelog.',
    );
  });
  const title = /^# [^\n]*\n+/.exec(current)?.[0] ?? '';
  const rest = current.slice(title.length);
  const next = `${title}${text}${rest ? `\n${rest}` : ''}`;
  await writeAtomically(file, next);
}
