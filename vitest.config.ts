import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // fast-check's seed: FC_SEED replays a run.
    setupFiles: ['test/property-seed.ts'],
  },
});
