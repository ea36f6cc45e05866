/**
 * Vitest settings for mutation testing (`npm run mutate`). The end-to-end suites import the runtime
 * through the committed client (`generated/accengage/runtime/`), a verbatim copy of
 * `templates/runtime/`; here those imports are served from `templates/runtime/` itself, so that
 * the mutants Stryker plants there are exercised by every suite, end to end included.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import base from './vitest.config.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const copy = path.join(root, 'generated/accengage/runtime');
const original = path.join(root, 'templates/runtime');

const runtimeFromTemplates: Plugin = {
  name: 'runtime-from-templates',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer || !source.startsWith('.')) return null;
    const target = path.resolve(path.dirname(importer), source);
    if (path.dirname(target) !== copy) return null;
    return path.join(original, path.basename(target).replace(/\.js$/, '.ts'));
  },
};

/**
 * A sequencer that runs the suites matching `quick` first: Stryker stops a mutant's run at its first
 * failing test, so a mutant the quick suites kill costs milliseconds instead of the end-to-end
 * suites' seconds. (Vitest's own order puts the slowest files first.)
 */
export function quickSuitesFirst(quick: RegExp): typeof BaseSequencer {
  return class extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (file: TestSpecification): number => (quick.test(file.moduleId) ? 0 : 1);
      return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
    }
  };
}

// Spread, not mergeConfig: mergeConfig concatenates arrays, so the base's `test/**/*.test.ts` would
// stay in `include` and every suite (CLI, docs browser, builds) would run against every mutant.
export default defineConfig({
  ...base,
  plugins: [runtimeFromTemplates],
  test: {
    ...base.test,
    sequence: { sequencer: quickSuitesFirst(/\/test\/(runtime|core|infer)[^/]*\.test\.ts$/) },
    // Stryker's dry run must pass whole: on a loaded machine the 10,000-device listing needs more than 20 s.
    testTimeout: 60_000,
    // The suites that exercise the runtime and the type inference; the rest build and type-check
    // generated clients, which copy the runtime files instead of importing them.
    include: [
      'test/runtime*.test.ts',
      'test/core.test.ts',
      'test/e2e-*.test.ts',
      'test/hostile-server.test.ts',
      'test/infer.test.ts',
      'test/infer-rules.test.ts',
      'test/infer-pool.test.ts',
    ],
  },
});
