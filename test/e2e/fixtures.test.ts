/**
 * End to end: the real assay command on every sandbox fixture, real vitest underneath. Each
 * fixture's expected.json states the verdict of every mutant; the run must match it exactly,
 * and must leave every project file byte-identical and no process behind — in the default batch mode (many mutants per
 * vitest run) and with `--isolation full` (a fresh vitest run per mutant) alike.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fixturesDir, runAssayOnFixture, type MutantVerdict } from '../support/assay.js';

const fixtureDirs = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const fixtures = fixtureDirs.filter((name) => existsSync(path.join(fixturesDir, name, 'expected.json')));

describe('assay run on sandbox fixtures', () => {
  it('has an expected.json in every fixture but the monorepo (test/e2e/monorepo.test.ts runs that one)', () => {
    expect(fixtures).toEqual(fixtureDirs.filter((name) => name !== 'monorepo'));
    // All of them: a fixture added to sandbox-fixtures/ is added here too.
    expect(fixtures).toHaveLength(27);
  });

  for (const [fixture, isolation] of fixtures.flatMap((name) => [[name, 'batch'], [name, 'full']])) {
    it(`${fixture} (isolation ${isolation}): every verdict as expected, files untouched`, async () => {
      const expected = JSON.parse(readFileSync(path.join(fixturesDir, fixture, 'expected.json'), 'utf8')) as {
        mutants: MutantVerdict[];
      };
      const run = await runAssayOnFixture(fixture, ['--concurrency', '2', '--isolation', isolation]);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
      expect(run.report, run.stderr).toBeDefined();
      expect(run.verdicts).toEqual(expected.mutants);
      expect(run.hashesAfter).toEqual(run.hashesBefore);
      expect(run.leftover).toEqual([]);
    });
  }
});
