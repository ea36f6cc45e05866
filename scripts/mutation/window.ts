/** The sampled CI run's window and threshold, shared by the sampler and the report that checks them. */

/** Lines of one runtime file mutated by `npm run mutate:sample`. */
export const WINDOW_LINES = 10;

/**
 * A sampled window of a file with no reviewed full run fails under this score. In a reviewed file
 * (REVIEWED_FILES) the window fails on any survivor without a recorded reason (`accepted.ts`)
 * instead: a 10-line window often holds two or three valid mutants, so one accepted equivalent moves
 * its score by a third or a half, and infer.ts:381-390 holds only two accepted ones (0%). Every
 * runtime window passes the score as well (`npm run mutate:report -- --windows`, 2026-11-29: the
 * lowest is retry.ts:61-65 at 33.3%, its two survivors the accepted `once: true` equivalents).
 */
export const BREAK_SCORE = 30;

/** The folders the sampler draws from: the runtime every client ships, and the route model. */
export const RUNTIME_DIR = 'templates/runtime';
export const MODEL_DIR = 'generator/model';

/**
 * Files whose full run has been reviewed: every survivor there has its reason in `accepted.ts`, so
 * a sampled survivor without one is new. That is every runtime file and the model files listed; the
 * other model files (tested under mutation, their last survivors not all reviewed yet) and any file
 * added later are judged by BREAK_SCORE alone.
 */
export const REVIEWED_FILES: ReadonlySet<string> = new Set([
  ...['auth', 'body', 'core', 'csv', 'errors', 'link', 'pagination', 'retry', 'signing'].map(
    (name) => `${RUNTIME_DIR}/${name}.ts`,
  ),
  ...[
    'auth',
    'body',
    'build',
    'csv',
    'described-fields',
    'find',
    'graphql',
    'infer',
    'inference-config',
    'json-body',
    'media',
    'names',
    'naming',
    'overrides',
    'placeholders',
    'pool',
    'profile',
    'responses',
    'scalar',
    'serialize',
    'url',
    'variables',
  ].map((name) => `${MODEL_DIR}/${name}.ts`),
]);

/**
 * The model's files run under their own Stryker configuration (the suites that build models), all
 * but infer.ts, which the runtime's configuration covers with its own suites.
 */
export function strykerConfigOf(file: string): { config?: string; report: string } {
  return file.startsWith(`${MODEL_DIR}/`) && !file.endsWith('/infer.ts')
    ? { config: 'stryker.model.config.json', report: 'reports/mutation/model.json' }
    : { report: 'reports/mutation/mutation.json' };
}
