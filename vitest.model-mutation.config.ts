/**
 * Vitest settings for mutation testing of the route model (`npm run mutate:model`): the suites that
 * build models and read them (the model's own tests, the Accengage model, the corpus and fuzz
 * collections, the v3 equivalence, and the emitters' snapshots of what a model becomes).
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';
import { quickSuitesFirst } from './vitest.mutation.config.js';

/** The model's own suites and the other quick ones first (see quickSuitesFirst). */
const QUICK =
  /\/test\/(accengage-model|build|names|serialize|load-conservation|diff-rules|infer[^/]*|model-[^/]*)\.test\.ts$/;

// Spread, not mergeConfig: mergeConfig would keep the base's `test/**/*.test.ts` in `include`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    sequence: { sequencer: quickSuitesFirst(QUICK) },
    testTimeout: 60_000,
    include: [
      'test/accengage-model.test.ts',
      'test/build.test.ts',
      'test/model-build.test.ts',
      'test/model-config.test.ts',
      'test/model-places.test.ts',
      'test/model-values.test.ts',
      'test/names.test.ts',
      'test/serialize.test.ts',
      'test/identifier-tables.test.ts',
      'test/load-conservation.test.ts',
      'test/diff-rules.test.ts',
      'test/infer.test.ts',
      'test/infer-rules.test.ts',
      'test/infer-pool.test.ts',
      'test/corpus.test.ts',
      'test/fuzz.test.ts',
      'test/v3-equivalence.test.ts',
      'test/openapi-export.test.ts',
      'test/docs-markdown.test.ts',
      'test/generated-clients.test.ts',
      'test/hostile.test.ts',
      'test/model-body.test.ts',
      'test/model-body-parts.test.ts',
      'test/model-responses.test.ts',
      'test/model-pool.test.ts',
      'test/model-inference-config.test.ts',
      'test/model-names.test.ts',
      'test/model-assembly.test.ts',
      'test/model-csv-review.test.ts',
      'test/model-graphql-review.test.ts',
      'test/model-inference-config-review.test.ts',
      'test/model-responses-review.test.ts',
      'test/model-statements.test.ts',
    ],
  },
});
