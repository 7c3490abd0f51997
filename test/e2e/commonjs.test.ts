/**
 * End to end: source files that other source files `require()` (sandbox-fixtures/commonjs) get
 * their verdicts from assay's code, not the file on disk, also when test files share one test
 * thread (`--concurrency 1`), where Node's `require.cache` outlives each file's module graph; and
 * the coverage pass counts their lines.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, runAssayOnFixture, type MutantVerdict } from '../support/assay.js';

const expected = JSON.parse(readFileSync(path.join(fixturesDir, 'commonjs/expected.json'), 'utf8')) as { mutants: MutantVerdict[] };

describe('CommonJS sources loaded by require()', () => {
  it('get the expected verdicts with every test file in one thread, and their lines counted', async () => {
    const run = await runAssayOnFixture('commonjs', ['--concurrency', '1']);
    expect(run.report, run.stderr).toBeDefined();
    expect(run.verdicts).toEqual(expected.mutants);
    expect(run.stdout).not.toContain('Not reached by any test');
    expect(run.stdout).toMatch(/│ src\/units\.js +│ +100\.00 │/);
  });
});
