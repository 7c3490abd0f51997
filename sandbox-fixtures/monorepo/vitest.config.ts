import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every package has a vitest config of its own.
    projects: ['packages/*'],
  },
});
