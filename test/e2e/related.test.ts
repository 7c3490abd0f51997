/**
 * Only related tests run (src/vitest/related.ts), end to end on sandbox-fixtures/related-tests:
 * the dry run and the coverage pass run the test files that can reach a mutated file, and keep
 * one whenever in doubt (a computed `import()` path); a test file that reaches only code outside
 * `mutate` does not run; a setup file that reaches a mutated file makes every test file run;
 * typecheck-only test files never run (tsc never sees a mutant). Verdicts stay exactly as
 * expected.json states (the ground truth proves them against plain vitest runs).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fixturesDir, runAssay, withFixtureCopy, type MutantVerdict } from '../support/assay.js';

const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'related-tests/expected.json'), 'utf8')) as { mutants: MutantVerdict[] };

/** The test files the JSON report lists: those whose tests ran in the dry run. */
const testFilesOf = (report: any) => Object.keys(report.testFiles).sort();
const planLine = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('assay: 14 mutants'))?.replace(/initial run \d+\.\d s/, 'initial run <t> s');

describe('only related test files run', () => {
  it('a test file that reaches no mutated file does not run; one in doubt does', async () => {
    await withFixtureCopy('related-tests', async (dir) => {
      const run = await runAssay(dir, ['--concurrency', '2']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(planLine(run.stderr)).toBe('assay: 14 mutants, 14 to run against 3 tests (initial run <t> s; 1 of 3 test files cannot reach the mutated files and did not run)');
      expect(testFilesOf(run.report)).toEqual(['test/plugins.test.ts', 'test/price.test.ts']);
      expect(run.verdicts).toEqual(expected.mutants);
      // The coverage pass ran the same files: both files under test fully covered, the one loaded by a computed path too.
      const { files } = JSON.parse(readFileSync(path.join(dir, 'reports/assay-summary.json'), 'utf8'));
      expect([files['src/price.ts'].lines, files['src/plugins.ts'].lines]).toEqual([100, 100]);
    });
  });

  it('a setup file that reaches a mutated file makes every test file run; typecheck-only files never do', async () => {
    await withFixtureCopy('related-tests', async (dir) => {
      await writeFile(path.join(dir, 'test/setup.ts'), "import { price } from '../src/price';\n\nglobalThis.unitPrice = price(1, 1);\n");
      await writeFile(path.join(dir, 'test/price.test-d.ts'), "import { expectTypeOf, test } from 'vitest';\nimport { price } from '../src/price';\n\ntest('a number', () => {\n  expectTypeOf(price(1, 2)).toBeNumber();\n});\n");
      await writeFile(
        path.join(dir, 'vitest.config.ts'),
        "import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    include: ['test/**/*.test.ts'],\n    setupFiles: ['test/setup.ts'],\n    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },\n  },\n});\n",
      );
      const run = await runAssay(dir, ['--concurrency', '2']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(planLine(run.stderr)).toBe('assay: 14 mutants, 14 to run against 4 tests (initial run <t> s)');
      expect(testFilesOf(run.report)).toEqual(['test/format.test.ts', 'test/plugins.test.ts', 'test/price.test.ts']);
      expect(run.verdicts).toEqual(expected.mutants);
    });
  });
});
