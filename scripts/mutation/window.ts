/** The sampled CI run's window and threshold, shared by the sampler and the report that checks them. */

/** Lines of one runtime file mutated by `npm run mutate:sample`. */
export const WINDOW_LINES = 10;

/**
 * The sampled run fails under this score. Set from full runs: `npm run mutate:report -- --windows`
 * prints every window's score from a full report, and every measured window scores at least this.
 */
export const BREAK_SCORE = 75;
