/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The project's only config: vitest reads its `test` block (there is no vitest.config.ts).
export default defineConfig({
  resolve: {
    alias: { '@text': fileURLToPath(new URL('./src/text', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The tests use describe/it/expect without importing them: they pass only with this config.
    globals: true,
  },
});
