/**
 * Coverage next to the mutation score, end to end with real vitest:
 * - on every fixture, assay's line and branch coverage per file agrees with vitest's own istanbul
 *   provider (`vitest run --coverage.provider=istanbul`) within 0.5 percentage points;
 * - `which-tests` answers exactly from the saved per-test contexts;
 * - the weak-assertions fixture shows full line coverage next to a low mutation score, with
 *   exactly the expected unverified lines and weak tests.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { assayCommand, comparableWithPlainRuns, fixturesDir, repoRoot, withFixtureCopy } from '../support/assay.js';

const fixtures = readdirSync(fixturesDir).filter((name) => existsSync(path.join(fixturesDir, name, 'expected.json')) && comparableWithPlainRuns(name));
const vitestBin = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');

/**
 * Files vitest's provider cannot see: Node `require()`s them, past vite, so it counts none of
 * their lines, while every test runs them. assay instruments them for Node too (its require hook)
 * and must count them: every line covered, where vitest says 0, and 5 of 6 branches (no test
 * clamps a value below the minimum).
 */
const requiredPastVite: Record<string, Record<string, Pct>> = { commonjs: { 'src/units.js': { lines: 100, branches: 83.33 } } };

interface Pct {
  lines: number;
  branches: number;
}

async function vitestIstanbul(dir: string): Promise<Record<string, Pct>> {
  await execa(
    process.execPath,
    [vitestBin, 'run', '--coverage.enabled', '--coverage.provider=istanbul', '--coverage.reporter=json-summary', '--coverage.include=src/**', '--coverage.reportsDirectory=vitest-coverage'],
    // Not in CI mode, where vitest fails a file whose snapshot file holds an obsolete entry (the snapshots fixture has one).
    { cwd: dir, env: { FORCE_COLOR: '0', CI: undefined } },
  );
  const summary = JSON.parse(await readFile(path.join(dir, 'vitest-coverage/coverage-summary.json'), 'utf8')) as Record<string, { lines: { pct: number }; branches: { pct: number } }>;
  return Object.fromEntries(
    Object.entries(summary)
      .filter(([file]) => file !== 'total')
      .map(([file, figures]) => [path.relative(dir, file), { lines: figures.lines.pct, branches: figures.branches.pct }]),
  );
}

async function assaySummary(dir: string, ...args: string[]) {
  const run = await assayCommand(dir, 'run', '--reporters', 'json,clear-text', '--concurrency', '1', ...args);
  expect(run.exitCode, run.stderr).toBe(0);
  return { run, summary: JSON.parse(await readFile(path.join(dir, 'reports/assay-summary.json'), 'utf8')) };
}

describe('coverage next to mutation score', () => {
  for (const fixture of fixtures) {
    it(`${fixture}: line and branch coverage agree with vitest's istanbul provider`, async () => {
      await withFixtureCopy(fixture, async (dir) => {
        const { summary } = await assaySummary(dir);
        const reference = await vitestIstanbul(dir);
        expect(Object.keys(summary.files).sort()).toEqual(Object.keys(reference).sort());
        for (const [file, figures] of Object.entries(reference)) {
          const required = requiredPastVite[fixture]?.[file];
          if (required !== undefined) {
            expect(figures.lines, `${file}: vitest's lines`).toBe(0);
            expect({ lines: summary.files[file].lines, branches: summary.files[file].branches }, `${file}: assay's`).toEqual(required);
            continue;
          }
          expect(Math.abs(summary.files[file].lines - figures.lines), `${file} lines`).toBeLessThanOrEqual(0.5);
          expect(Math.abs(summary.files[file].branches - figures.branches), `${file} branches`).toBeLessThanOrEqual(0.5);
        }
      });
    });
  }

  it('which-tests answers from the saved contexts, exactly', async () => {
    await withFixtureCopy('static-mutants', async (dir) => {
      await assaySummary(dir);
      const ask = async (spec: string) => (await assayCommand(dir, 'which-tests', spec)).stdout.trim();
      expect(await ask('src/shipping.ts:25')).toBe(
        'src/shipping.ts:25 is run by 1 test:\n  test/shipping.test.ts > shippingRate > rejects an unknown zone',
      );
      expect(await ask('src/shipping.ts:23')).toBe(
        'src/shipping.ts:23 is run by 2 tests:\n  test/shipping.test.ts > shippingRate > charges more the further away the zone is\n  test/shipping.test.ts > shippingRate > rejects an unknown zone',
      );
      expect(await ask('src/shipping.ts:16')).toBe('src/shipping.ts:16 runs only while modules load (or in suite hooks), outside any test');
      expect(await ask('src/shipping.ts:1')).toBe('src/shipping.ts:1 holds no statement (blank, a comment, a declaration or part of a longer statement)');
    });
    await withFixtureCopy('uncovered', async (dir) => {
      await assaySummary(dir);
      expect((await assayCommand(dir, 'which-tests', 'src/temperature.ts:13')).stdout.trim()).toBe('src/temperature.ts:13 is not covered by any test');
      const neverImported = await assayCommand(dir, 'which-tests', 'src/humidity.ts:5');
      expect(neverImported.stdout.trim()).toBe('src/humidity.ts:5 is not covered by any test');
    });
  });

  it('weak-assertions: full line coverage, low score, exact unverified lines and weak tests', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      const { run, summary } = await assaySummary(dir, '--disable-bail');
      const cart = summary.files['src/cart.ts'];
      expect(cart.lines).toBe(100);
      expect(cart.branches).toBe(100);
      expect(cart.mutationScore).toBe(40);
      expect(cart.unverifiedLines).toEqual([
        { start: 16, end: 16 },
        { start: 18, end: 20 },
        { start: 22, end: 23 },
        { start: 29, end: 29 },
        { start: 34, end: 34 },
        { start: 39, end: 40 },
        { start: 48, end: 48 },
      ]);
      expect(run.stdout).toContain(
        'Weak tests: they reach mutants but kill none (1):\ntest/cart.test.ts > shipping costs > runs for a small order  (reaches 5)\n',
      );
    });
  });
});
