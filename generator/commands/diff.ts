import { CodegenError } from '../errors.js';
import { diffModels } from '../diff/index.js';
import { formatJson, formatMarkdown, formatText } from '../diff/format.js';
import type { Reporter } from '../reporter.js';
import { configFor, readSide } from './diff-sides.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

export interface DiffOptions {
  format?: string;
  allowBreaking?: boolean;
  config?: string;
}

/** Compares two versions of a collection; exit 1 when something breaks callers (unless allowed). */
export async function runDiff(
  oldSpec: string,
  newSpec: string,
  options: DiffOptions,
  reporter: Reporter,
): Promise<number> {
  const format = options.format ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) {
    throw new CodegenError(
      `--format must be one of ${DIFF_FORMATS.join(', ')}, not "${format}".`,
      'command line',
      '--format',
    );
  }
  const config = await configFor([newSpec, oldSpec], options.config);
  const before = await readSide(oldSpec, config);
  const after = await readSide(newSpec, config);
  for (const diagnostic of [...before.diagnostics, ...after.diagnostics]) reporter.warn(diagnostic);
  const report = diffModels(before.model, after.model, { fixedClientName: Boolean(config.client?.name) });
  const sides = { old: before.label, new: after.label };
  const text =
    format === 'json'
      ? formatJson(report, sides)
      : format === 'markdown'
        ? formatMarkdown(report, sides)
        : formatText(report, sides, (code, value) => reporter.paintOutput(code, value));
  reporter.output(text);
  return report.counts.breaking > 0 && !options.allowBreaking ? 1 : 0;
}
