import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Keeps `@mono/core` at its link's path (node_modules/@mono/core/src/…), as monorepos do so that
  // a linked package resolves its own imports from where it is linked.
  resolve: { preserveSymlinks: true },
  test: {
    name: 'app',
    include: ['test/**/*.test.ts'],
  },
});
