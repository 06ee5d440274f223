import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Limits catch hangs, not slowness: on a shared 2-core machine at load 26, spawned tsx servers took over 30 s to
    // get ready and four tests timed out in one of ten CI runs (docs/reliability.md, "Flakes").
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Two cores: more workers than that only adds contention.
    maxWorkers: 2,
  },
});
