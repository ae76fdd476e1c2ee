import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: '../../.vitest-results/bench.json' }]],
  },
});
