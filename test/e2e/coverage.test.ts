/**
 * Coverage next to the mutation score, end to end with real vitest (that every fixture's line and
 * branch coverage agrees with vitest's istanbul provider, fixtures.test.ts checks on its batch runs):
 * - `which-tests` answers exactly from the saved per-test contexts;
 * - the weak-assertions fixture shows full line coverage next to a low mutation score, with
 *   exactly the expected unverified lines and weak tests.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { assayCommand, withFixtureCopy } from '../support/assay.js';

async function assaySummary(dir: string, ...args: string[]) {
  const run = await assayCommand(dir, 'run', '--reporters', 'json,clear-text', '--concurrency', '1', ...args);
  expect(run.exitCode, run.stderr).toBe(0);
  return { run, summary: JSON.parse(await readFile(path.join(dir, 'reports/assay-summary.json'), 'utf8')) };
}

describe('coverage next to mutation score', () => {
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
