/**
 * Vitest settings for mutation testing of the route model (`npm run mutate:model`): the suites that
 * build models and read them (the model's own tests, the Accengage model, the corpus and fuzz
 * collections, the v3 equivalence, and the emitters' snapshots of what a model becomes).
 */
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

/** The quick suites first: Stryker stops a mutant's run at its first failing test. */
const QUICK =
  /\/test\/(accengage-model|build|names|serialize|load-conservation|diff-rules|infer[^/]*|model-[^/]*)\.test\.ts$/;

class QuickSuitesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification): number => (QUICK.test(file.moduleId) ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

// Spread, not mergeConfig: mergeConfig would keep the base's `test/**/*.test.ts` in `include`.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    sequence: { sequencer: QuickSuitesFirst },
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
    ],
  },
});
