/**
 * Per-module thresholds (`assay.modules`) and the ratchet (`assay baseline save`, `--ratchet`),
 * through the real command on the weak-assertions fixture (src/cart.ts: 40 mutants, score 40.00,
 * lines and branches 100%): exit codes and the exact lines that say which figure missed.
 */
import { describe, expect, it } from 'vitest';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assayCommand, withFixtureCopy } from '../support/assay.js';

const run = (dir: string, ...args: string[]) => assayCommand(dir, 'run', '--reporters', 'json', '--concurrency', '2', ...args);
const config = (dir: string, assay: object) => writeFile(path.join(dir, 'stryker.config.json'), JSON.stringify({ assay }));

describe('per-module thresholds', () => {
  it('fail the run, naming each module, metric, value and threshold; pass when met', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      await config(dir, { modules: { 'src/**': { mutationScore: 85, lines: 90, branches: 100 }, 'src/cart.ts': { mutationScore: 40 }, 'src/payments/**': { lines: 90 } } });
      const missed = await run(dir);
      expect(missed.stderr).toContain(
        'assay: thresholds not met ("assay.modules"):\n  src/**: mutation score 40.00 < 85\n  src/payments/**: matches no mutated file (check "assay.modules" and "mutate")',
      );
      expect(missed.exitCode).toBe(1);

      await config(dir, { modules: { 'src/**': { mutationScore: 40, lines: 100, branches: 100 } } });
      const met = await run(dir);
      expect(met.stderr).not.toContain('thresholds not met');
      expect(met.exitCode).toBe(0);
    });
  });

  it('refuses a threshold that is not a percentage, naming the key', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      await config(dir, { modules: { 'src/**': { mutationScore: 120 } } });
      const result = await run(dir);
      expect(result.stderr.trim()).toBe('assay: stryker.config.json: "assay.modules.src/**.mutationScore" must be a number from 0 to 100, got 120');
      expect(result.exitCode).toBe(2);
    });
  });
});

describe('ratchet', () => {
  it('saves a baseline, passes while nothing drops, fails naming what dropped, within the tolerance passes', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      const missing = await run(dir, '--ratchet');
      expect(missing.stderr.trim()).toBe("assay: --ratchet: no baseline at assay-baseline.json: run 'assay baseline save' after a full run, and commit the file");
      expect(missing.exitCode).toBe(2);

      expect((await run(dir)).exitCode).toBe(0);
      const saved = await assayCommand(dir, 'baseline', 'save');
      expect(saved.stderr.trim()).toBe("assay: baseline of 2 modules written to assay-baseline.json: commit it, then 'assay run --ratchet' fails when a figure drops");
      const baseline = JSON.parse(await readFile(path.join(dir, 'assay-baseline.json'), 'utf8'));
      expect(baseline.modules).toEqual({
        'All files': { mutationScore: 40, lines: 100, branches: 100 },
        'src/cart.ts': { mutationScore: 40, lines: 100, branches: 100 },
      });
      expect((await run(dir, '--ratchet')).exitCode).toBe(0);

      // New code no test checks: 2 more mutants, neither detected (16 of 42). Its line runs as the module loads, so lines stay at 100%.
      await appendFile(path.join(dir, 'src/cart.ts'), '\nexport const double = (n: number) => n * 2;\n');
      const dropped = await run(dir, '--ratchet');
      expect(dropped.stderr).toContain(
        'assay: below the baseline (assay-baseline.json, tolerance 0):\n' +
          '  All files: mutation score 38.10 (baseline 40.00, -1.90)\n' +
          '  src/cart.ts: mutation score 38.10 (baseline 40.00, -1.90)',
      );
      expect(dropped.exitCode).toBe(1);
      expect((await run(dir, '--ratchet', '--ratchet-tolerance', '3')).exitCode).toBe(0);
    });
  });

  it('is refused next to --since, which mutates changed lines only', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      const result = await run(dir, '--ratchet', '--since', 'main');
      expect(result.stderr.trim()).toBe(
        'assay: --ratchet compares whole modules with the baseline, and --since mutates changed lines only: use one or the other (thresholds in "assay.modules" do apply to changed lines)',
      );
      expect(result.exitCode).toBe(2);
    });
  });

  it('refuses a broken baseline file, and saving without a run', async () => {
    await withFixtureCopy('weak-assertions', async (dir) => {
      const unsaved = await assayCommand(dir, 'baseline', 'save');
      expect(unsaved.stderr.trim()).toBe("assay: no reports/assay-summary.json to save: run 'assay run' first");
      expect(unsaved.exitCode).toBe(2);
      await writeFile(path.join(dir, 'ci-baseline.json'), '{ "modules": 3 }');
      const broken = await run(dir, '--ratchet', '--baseline', 'ci-baseline.json');
      expect(broken.stderr.trim()).toBe("assay: ci-baseline.json is not an assay baseline: save it again with 'assay baseline save'");
      expect(broken.exitCode).toBe(2);
    });
  });
});
