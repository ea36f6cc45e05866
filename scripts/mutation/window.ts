/** The sampled CI run's window and threshold, shared by the sampler and the report that checks them. */

/** Lines of one runtime file mutated by `npm run mutate:sample`. */
export const WINDOW_LINES = 10;

/**
 * The sampled run fails under this score, and on any survivor without a recorded reason
 * (`accepted.ts`). Every window of the runtime files with a finished run passes it (`npm run
 * mutate:report -- --windows`, 2026-11-29, core.ts's full run included: 95 windows): the lowest is
 * retry.ts:61-65 at 33.3% (1 of 3; its two survivors are the accepted `once: true` equivalents),
 * then three at 50%: core.ts:701-710 (1 of 2), core.ts:711-720 (2 of 4) and retry.ts:51-60 (1 of 2),
 * all accepted equivalents again; next link.ts:11-20 at 71.4% (5 of 7). A 10-line window often
 * holds two or three valid mutants, so one accepted equivalent moves its score by a third or a half:
 * the unexplained-survivor rule is what catches a new weakness there, the score only a collapse.
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
  ...['auth', 'find', 'infer', 'media', 'overrides', 'placeholders', 'profile', 'scalar', 'variables'].map(
    (name) => `${MODEL_DIR}/${name}.ts`,
  ),
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
