import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Short, so a mutant that leaves a promise pending under fake timers is caught quickly.
    testTimeout: 1000,
  },
});
