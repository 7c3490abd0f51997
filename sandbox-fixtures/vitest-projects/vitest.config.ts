import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts', 'test/shared/**/*.test.ts'] } },
      // The shared tests once more, with strict parsing switched on.
      { test: { name: 'strict', include: ['test/shared/**/*.test.ts'], env: { STRICT_AMOUNTS: '1' } } },
      // A directory with a config file of its own.
      'integration',
    ],
  },
});
