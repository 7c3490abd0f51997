import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Cheap generated cases, thousands of them, in one shared module graph.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      // Type tests only: tsc checks them, nothing runs at run time.
      {
        test: {
          name: 'types',
          typecheck: { enabled: true, only: true, include: ['test/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      // fast-check properties, with a fixed seed so every run draws the same values.
      { test: { name: 'props', include: ['test/props/**/*.test.ts'] } },
    ],
  },
});
