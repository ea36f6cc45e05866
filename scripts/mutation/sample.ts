/**
 * `npm run mutate:sample`: the bounded mutation run of CI (.ci/run gives it 4 minutes and prints its score without enforcing it). A whole `npm run mutate` takes too long
 * for every run, so this mutates one window of the runtime: among the runtime files changed since
 * the last tag (all of them when there is no tag), one file and a window of its lines, both chosen
 * from the commit hash, so every commit samples a different place and any run replays exactly
 * (the Stryker command is printed). Exits 1 when the window's mutation score is under the break
 * threshold.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const RUNTIME = 'templates/runtime';
const WINDOW_LINES = 25;
const BREAK_SCORE = 80;

const git = (...args: string[]): string => execFileSync('git', args, { encoding: 'utf8' }).trim();

function lastTag(): string | undefined {
  try {
    return git('describe', '--tags', '--abbrev=0');
  } catch {
    return undefined;
  }
}

const tag = lastTag();
const candidates = (
  tag
    ? git('diff', '--name-only', tag, 'HEAD', '--', RUNTIME).split('\n')
    : readdirSync(RUNTIME).map((name) => `${RUNTIME}/${name}`)
)
  .filter((file) => file.endsWith('.ts'))
  .sort();
if (candidates.length === 0) {
  console.log(`mutation sample: no runtime file changed since ${tag}; nothing to mutate`);
  process.exit(0);
}

const commit = process.env.MUTATE_SEED ?? git('rev-parse', 'HEAD');
const hash = Number.parseInt(commit.slice(0, 8), 16) >>> 0;
const file = candidates[hash % candidates.length] as string;
const lines = readFileSync(file, 'utf8').split('\n').length;
const windows = Math.max(1, Math.ceil(lines / WINDOW_LINES));
const first = (Math.floor(hash / candidates.length) % windows) * WINDOW_LINES + 1;
const range = `${file}:${first}-${Math.min(lines, first + WINDOW_LINES - 1)}`;

const args = ['stryker', 'run', '--mutate', range, '--concurrency', '2', '--reporters', 'clear-text,json'];
console.log(
  `mutation sample (${tag ? `files changed since ${tag}` : 'no tag: every runtime file'}, seed ${commit.slice(0, 8)}): npx ${args.join(' ')}`,
);
const result = spawnSync('npx', args, { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// Stryker's score: mutants detected (killed or timed out) over the valid ones (detected, survived,
// or reached by no test); mutants that do not compile do not count.
const report = JSON.parse(readFileSync('reports/mutation/mutation.json', 'utf8')) as {
  files: Record<string, { mutants: Array<{ status: string }> }>;
};
const statuses = Object.values(report.files).flatMap((entry) => entry.mutants.map((mutant) => mutant.status));
const detected = statuses.filter((status) => status === 'Killed' || status === 'Timeout').length;
const valid = detected + statuses.filter((status) => status === 'Survived' || status === 'NoCoverage').length;
const score = valid === 0 ? 100 : (100 * detected) / valid;
console.log(
  `mutation sample ${range}: ${detected}/${valid} mutants detected, score ${score.toFixed(1)}% (break under ${BREAK_SCORE}%)`,
);
if (score < BREAK_SCORE) process.exit(1);
