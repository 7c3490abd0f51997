import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Short, so the mutant that never settles a promise is caught quickly.
    testTimeout: 1000,
  },
});
