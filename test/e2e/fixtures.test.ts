/**
 * End to end: the real assay command on every sandbox fixture, real vitest underneath. Each
 * fixture's expected.json states the verdict of every mutant; the run must match it exactly,
 * and must leave every project file byte-identical and no process behind — in the default batch mode (many mutants per
 * vitest run) and with `--isolation full` (a fresh vitest run per mutant) alike. In batch mode
 * the same run's line and branch coverage per file must agree with vitest's own istanbul
 * provider on the same copy (test/support/istanbul-reference.ts), wherever a plain run can stand
 * for the fixture.
 *
 * `--isolation full` runs on the fixtures where isolation decides what a test sees: module state
 * and globals, static mutants, mocks, snapshots, timers, tests that hang, recurse or exit,
 * environments, projects and module formats. The rest (plain functions under plain tests, and
 * large-suite, whose full-isolation run costs a minute and a half of CI for what vitest-projects and
 * state-leak already cover) run in batch mode only: full isolation takes the same code paths there.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { comparableWithPlainRuns, fixturesDir, runAssay, withFixtureCopy, type MutantVerdict } from '../support/assay.js';
import { coverageDifferences, vitestIstanbul } from '../support/istanbul-reference.js';

const fixtureDirs = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const fixtures = fixtureDirs.filter((name) => existsSync(path.join(fixturesDir, name, 'expected.json')));
/** Fixtures run in batch mode only (see above). */
const batchOnly = new Set(['weak-assertions', 'strong-tests', 'uncovered', 'equivalent-mutants', 'path-aliases', 'vite-config', 'related-tests', 'react-jsdom', 'react-happy-dom', 'typed-code', 'large-suite']);

describe('assay run on sandbox fixtures', () => {
  it('has an expected.json in every fixture but the monorepo (test/e2e/monorepo.test.ts runs that one)', () => {
    expect(fixtures).toEqual(fixtureDirs.filter((name) => name !== 'monorepo'));
    // All of them: a fixture added to sandbox-fixtures/ is added here too.
    expect(fixtures).toHaveLength(27);
  });

  it('runs full isolation on every fixture but the batch-only ones, which all exist', () => {
    expect([...batchOnly].filter((name) => !fixtures.includes(name))).toEqual([]);
    expect(fixtures.filter((name) => !batchOnly.has(name))).toHaveLength(16);
  });

  const legs = fixtures.flatMap((name) => [[name, 'batch'], ...(batchOnly.has(name) ? [] : [[name, 'full']])]);
  for (const [fixture, isolation] of legs) {
    const withCoverage = isolation === 'batch' && comparableWithPlainRuns(fixture);
    it(`${fixture} (isolation ${isolation}): every verdict as expected${withCoverage ? ", coverage as vitest's istanbul provider has it" : ''}, files untouched`, async () => {
      const expected = JSON.parse(readFileSync(path.join(fixturesDir, fixture, 'expected.json'), 'utf8')) as {
        mutants: MutantVerdict[];
      };
      await withFixtureCopy(fixture, async (dir) => {
        const run = await runAssay(dir, ['--concurrency', '2', '--isolation', isolation]);
        expect(run.stderr).not.toMatch(/\n\s+at /); // no stack traces
        expect(run.report, run.stderr).toBeDefined();
        expect(run.verdicts).toEqual(expected.mutants);
        expect(run.hashesAfter).toEqual(run.hashesBefore);
        expect(run.leftover).toEqual([]);
        if (!withCoverage) return;
        expect(run.coverage, run.stderr).toBeDefined();
        expect(coverageDifferences(fixture, run.coverage!, await vitestIstanbul(dir))).toEqual([]);
      });
    });
  }
});
