/**
 * `npm run mutate:report [report.json …]`: the mutation score of one or more Stryker JSON reports
 * (default `reports/mutation/mutation.json`; several when the files were mutated in separate runs),
 * per file and in total, and every surviving mutant with the reason it is accepted
 * (`scripts/mutation/accepted.ts`), then the accepted reasons of the files read that no survivor
 * matches (stale when the report is a full run of the file). With `--write`, the table goes into the README between its
 * mutation markers and the survivors into `scripts/mutation/survivors.md`; with `--windows`, the
 * score of every window the sampler could pick. Exits 1 when a survivor has no recorded reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { ACCEPTED, type Accepted } from './accepted.js';
import { BREAK_SCORE, MODEL_DIR, RUNTIME_DIR, WINDOW_LINES } from './window.js';

interface Mutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface StrykerReport {
  files: Record<string, { source: string; mutants: Mutant[] }>;
}

export interface FileScore {
  file: string;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Mutants that do not compile or that Stryker ignored: not part of the score. */
  invalid: number;
}

export interface Survivor {
  file: string;
  line: number;
  mutator: string;
  original: string;
  replacement: string;
  status: string;
  reason: string | undefined;
}

/** Stryker's score: detected (killed or timed out) over valid (detected, survived, or covered by no test). */
export function scoreOf(counts: Omit<FileScore, 'file'>): number {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.noCoverage;
  return valid === 0 ? 100 : (100 * detected) / valid;
}

/** The text a mutant replaces, its whitespace collapsed (so that reformatting keeps the key). */
function originalText(source: string, mutant: Mutant): string {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  const text =
    start.line === end.line
      ? (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1)
      : [
          (lines[start.line - 1] ?? '').slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          (lines[end.line - 1] ?? '').slice(0, end.column - 1),
        ].join('\n');
  return collapse(text);
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The accepted entry for a survivor: same file, mutator and code replaced, and its line when the entry names one. */
function acceptedFor(
  file: string,
  mutator: string,
  original: string,
  replacement: string,
  line: string,
): Accepted | undefined {
  const matches = (entry: Accepted): boolean =>
    file.endsWith(entry.file) &&
    entry.mutator === mutator &&
    collapse(entry.original) === original &&
    (entry.replacement === undefined || collapse(entry.replacement) === replacement) &&
    (entry.near === undefined || collapse(line).includes(collapse(entry.near)));
  return ACCEPTED.find(matches);
}

/** A file of the folders the sampler draws from (the runtime, the model). */
const sampled = (file: string): boolean => file.startsWith(`${RUNTIME_DIR}/`) || file.startsWith(`${MODEL_DIR}/`);

export interface WindowScore {
  range: string;
  score: number;
  detected: number;
  valid: number;
}

/**
 * The score each sampler window would get (mutants lying wholly inside its lines), from a full
 * report: the sampler's threshold must hold for every one of them.
 */
function windowScores(file: string, source: string, mutants: Mutant[]): WindowScore[] {
  const lines = source.split('\n').length;
  const windows: WindowScore[] = [];
  for (let first = 1; first <= lines; first += WINDOW_LINES) {
    const last = Math.min(lines, first + WINDOW_LINES - 1);
    const inside = mutants.filter((mutant) => mutant.location.start.line >= first && mutant.location.end.line <= last);
    const detected = inside.filter((mutant) => mutant.status === 'Killed' || mutant.status === 'Timeout').length;
    const valid =
      detected + inside.filter((mutant) => mutant.status === 'Survived' || mutant.status === 'NoCoverage').length;
    if (valid > 0)
      windows.push({ range: `${file}:${first}-${last}`, score: (100 * detected) / valid, detected, valid });
  }
  return windows;
}

export function readReports(paths: string[]): {
  scores: FileScore[];
  survivors: Survivor[];
  windows: WindowScore[];
  /** Accepted entries for the files read that no survivor matches: stale, once their file's run is complete. */
  unused: Accepted[];
} {
  const scores: FileScore[] = [];
  const survivors: Survivor[] = [];
  const windows: WindowScore[] = [];
  const used = new Set<Accepted>();
  const files: string[] = [];
  for (const path of paths) {
    const report = JSON.parse(readFileSync(path, 'utf8')) as StrykerReport;
    for (const [file, entry] of Object.entries(report.files)) {
      files.push(file);
      const lines = entry.source.split('\n');
      const count = (...statuses: string[]): number =>
        entry.mutants.filter((mutant) => statuses.includes(mutant.status)).length;
      scores.push({
        file,
        killed: count('Killed'),
        timeout: count('Timeout'),
        survived: count('Survived'),
        noCoverage: count('NoCoverage'),
        invalid: count('CompileError', 'RuntimeError', 'Ignored'),
      });
      if (sampled(file)) windows.push(...windowScores(file, entry.source, entry.mutants));
      for (const mutant of entry.mutants) {
        if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
        const original = originalText(entry.source, mutant);
        const replacement = collapse(mutant.replacement ?? '');
        const accepted = acceptedFor(
          file,
          mutant.mutatorName,
          original,
          replacement,
          lines[mutant.location.start.line - 1] ?? '',
        );
        if (accepted) used.add(accepted);
        survivors.push({
          file,
          line: mutant.location.start.line,
          mutator: mutant.mutatorName,
          original,
          replacement,
          status: mutant.status,
          reason: accepted?.reason,
        });
      }
    }
  }
  scores.sort((a, b) => a.file.localeCompare(b.file));
  survivors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const unused = ACCEPTED.filter((entry) => !used.has(entry) && files.some((file) => file.endsWith(entry.file)));
  return { scores, survivors, windows, unused };
}

/** One line about a survivor: where, which mutator, what it replaces with what, and whether it is accepted. */
export function survivorLine(survivor: Survivor): string {
  const status = survivor.status === 'NoCoverage' ? 'no coverage' : 'survived';
  return `${status} ${survivor.file}:${survivor.line} ${survivor.mutator}: ${survivor.original.slice(0, 70)} → ${survivor.replacement.slice(0, 70)}${survivor.reason ? '' : '  [no reason recorded]'}`;
}

function sum(scores: FileScore[]): Omit<FileScore, 'file'> {
  const total = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0 };
  for (const score of scores) {
    total.killed += score.killed;
    total.timeout += score.timeout;
    total.survived += score.survived;
    total.noCoverage += score.noCoverage;
    total.invalid += score.invalid;
  }
  return total;
}

export function scoreTable(scores: FileScore[]): string {
  const row = (name: string, counts: Omit<FileScore, 'file'>): string =>
    `| ${name} | ${counts.killed} | ${counts.timeout} | ${counts.survived} | ${counts.noCoverage} | ${scoreOf(counts).toFixed(1)}% |`;
  const group = (prefix: string, total: string): string[] => {
    const members = scores.filter((score) => score.file.startsWith(prefix));
    return members.length > 0
      ? [...members.map((score) => row(`\`${score.file}\``, score)), row(`**${total}**`, sum(members))]
      : [];
  };
  const others = scores.filter((score) => !sampled(score.file));
  return [
    '| file | killed | timed out | survived | no coverage | score |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...group(`${RUNTIME_DIR}/`, 'runtime files above'),
    ...group(`${MODEL_DIR}/`, 'model files above'),
    ...others.map((score) => row(`\`${score.file}\``, score)),
  ].join('\n');
}

function survivorsMarkdown(survivors: Survivor[], date: string): string {
  const cell = (text: string): string => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 80)}\``;
  return [
    '# Surviving mutants',
    '',
    `Written by \`npm run mutate:report -- --write\` from the run of ${date}: every mutant no test`,
    'detects, with the reason it is accepted (kept in `scripts/mutation/accepted.ts`, matched on the file,',
    'the mutator, the code it replaces and, for code too common to say where it is, a text of its line).',
    'A survivor without a reason makes the command fail.',
    '',
    '| where | mutator | original → mutant | why it is accepted |',
    '| --- | --- | --- | --- |',
    ...survivors.map(
      (survivor) =>
        `| \`${survivor.file}:${survivor.line}\` | ${survivor.mutator}${survivor.status === 'NoCoverage' ? ' (no coverage)' : ''} | ${cell(survivor.original)} → ${cell(survivor.replacement)} | ${survivor.reason ?? '**no reason recorded**'} |`,
    ),
    '',
  ].join('\n');
}

const START = '<!-- mutation-score:start -->';
const END = '<!-- mutation-score:end -->';

function main(): void {
  const args = process.argv.slice(2);
  const write = args.includes('--write');
  const paths = args.filter((arg) => !arg.startsWith('--'));
  const { scores, survivors, windows, unused } = readReports(
    paths.length > 0 ? paths : ['reports/mutation/mutation.json'],
  );
  const date = new Date().toISOString().slice(0, 10);
  const table = scoreTable(scores);
  console.log(table);
  for (const survivor of survivors) console.log(survivorLine(survivor));
  for (const entry of unused)
    console.log(
      `accepted reason matching no survivor: ${entry.file} ${entry.mutator}: ${collapse(entry.original).slice(0, 70)}${entry.replacement === undefined ? '' : ` → ${collapse(entry.replacement).slice(0, 70)}`}${entry.near === undefined ? '' : ` (near ${entry.near})`}`,
    );
  if (args.includes('--windows')) {
    for (const window of windows)
      if (window.score < 100)
        console.log(`window ${window.range}: ${window.detected}/${window.valid}, ${window.score.toFixed(1)}%`);
    const lowest = Math.min(...windows.map((window) => window.score));
    console.log(
      `${windows.length} windows of ${WINDOW_LINES} lines with mutants; lowest score ${lowest.toFixed(1)}% (the sampler breaks under ${BREAK_SCORE}%)`,
    );
  }
  if (write) {
    const readme = readFileSync('README.md', 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
    const block = `${START}\nStryker runs of ${date} over the files below (\`npm run mutate\`, or one \`npx stryker run --mutate <file>\` each; a file not listed has no finished run yet; survivors explained in [scripts/mutation/survivors.md](scripts/mutation/survivors.md)):\n\n${table}\n${END}`;
    writeFileSync('README.md', readme.slice(0, start) + block + readme.slice(end + END.length));
    writeFileSync('scripts/mutation/survivors.md', survivorsMarkdown(survivors, date));
  }
  const unexplained = survivors.filter((survivor) => survivor.reason === undefined).length;
  if (unexplained > 0) {
    console.error(`${unexplained} surviving mutant(s) without a recorded reason (scripts/mutation/accepted.ts)`);
    process.exit(1);
  }
}

if (process.argv[1]?.endsWith('report.js')) main();
