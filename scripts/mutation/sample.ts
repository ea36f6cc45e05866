/**
 * `npm run mutate:sample`: the bounded mutation run of CI (.ci/run gives it 4 minutes). A whole
 * `npm run mutate` takes too long for every run, so this mutates one window of the runtime or of a
 * reviewed model file: among those changed since the last tag (all of them when there is no tag),
 * one file and a window of its lines, both chosen from the commit hash (or from
 * `MUTATE_SEED`, 8 hex digits), so every commit samples a different place and any run replays
 * exactly (the Stryker command is printed). The window is small because every mutant of the core
 * is judged by the end-to-end suites: a 25-line window of core.ts (28 mutants) took over 9 minutes
 * on a loaded 2-core machine. Exits 1, in a file with a reviewed full run (every runtime file and
 * the model files of REVIEWED_FILES), when a surviving mutant has no recorded reason in
 * `accepted.ts`; in any other file, when the window's score is under BREAK_SCORE.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readReports, scoreOf, survivorLine } from './report.js';
import { BREAK_SCORE, MODEL_DIR, REVIEWED_FILES, RUNTIME_DIR, WINDOW_LINES, strykerConfigOf } from './window.js';

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();

function lastTag(): string | undefined {
  try {
    return execFileSync('git', ['describe', '--tags', '--abbrev=0'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

const tag = lastTag();
const candidates = (
  tag
    ? git('diff', '--name-only', tag, 'HEAD', '--', RUNTIME_DIR, MODEL_DIR).split('\n')
    : [RUNTIME_DIR, MODEL_DIR].flatMap((folder) => readdirSync(folder).map((name) => `${folder}/${name}`))
)
  // A model file joins the sample once its full run is reviewed; until then its first runs' windows
  // (some all accepted equivalents, some not yet looked at) would fail or pass by chance.
  .filter((file) => file.endsWith('.ts') && (file.startsWith(`${RUNTIME_DIR}/`) || REVIEWED_FILES.has(file)))
  .sort();
if (candidates.length === 0) {
  console.log(`mutation sample: no runtime or model file changed since ${tag}; nothing to mutate`);
  process.exit(0);
}

const commit = process.env.MUTATE_SEED ?? git('rev-parse', 'HEAD');
const hash = Number.parseInt(commit.slice(0, 8), 16) >>> 0;
const file = candidates[hash % candidates.length] as string;
const lines = readFileSync(file, 'utf8').split('\n').length;
const windows = Math.max(1, Math.ceil(lines / WINDOW_LINES));
const first = (Math.floor(hash / candidates.length) % windows) * WINDOW_LINES + 1;
const range = `${file}:${first}-${Math.min(lines, first + WINDOW_LINES - 1)}`;

const { config, report } = strykerConfigOf(file);
const args = [
  'stryker',
  'run',
  ...(config ? [config] : []),
  '--mutate',
  range,
  '--concurrency',
  '2',
  '--reporters',
  'clear-text,json',
];
console.log(
  `mutation sample (${tag ? `files changed since ${tag}` : 'no tag: every runtime and model file'}, seed ${commit.slice(0, 8)}): npx ${args.join(' ')}`,
);
const result = spawnSync('npx', args, { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

const { scores, survivors } = readReports([report]);
const [counts] = scores;
const score = counts ? scoreOf(counts) : 100;
// A reviewed file: any survivor without a recorded reason fails the run, whatever the score (a small
// window's score moves by a third with one mutant, and a window of accepted equivalents alone, as
// infer.ts:381-390, scores 0%). A file added since (no reviewed full run yet): the score alone judges it.
const reviewed = REVIEWED_FILES.has(file);
for (const survivor of survivors) console.log(survivorLine(survivor));
console.log(
  `mutation sample ${range}: ${counts ? counts.killed + counts.timeout : 0}/${counts ? counts.killed + counts.timeout + counts.survived + counts.noCoverage : 0} mutants detected, score ${score.toFixed(1)}% (${reviewed ? 'reviewed file: breaks on a survivor without a recorded reason' : `break under ${BREAK_SCORE}%: this file has no reviewed full run yet`})`,
);
const unexplained = reviewed ? survivors.filter((survivor) => survivor.reason === undefined).length : 0;
if (unexplained > 0)
  console.error(`${unexplained} surviving mutant(s) without a recorded reason (scripts/mutation/accepted.ts)`);
if ((!reviewed && score < BREAK_SCORE) || unexplained > 0) process.exit(1);
