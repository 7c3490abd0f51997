/**
 * `assay run --shard i/n` and `assay merge`, through the real command: shards 1..n of a fixture,
 * merged, give exactly the full run's verdicts and summary figures, for n = 2 and 3, on a fixture
 * with static mutants, survivors and uncovered mutants (import-throws), one with timeouts and
 * module state (state-leak) and one with the TypeScript checker on (typed-code). The thresholds apply to the merged whole, not to a shard. And every
 * bad input gets one line and exit 2.
 */
import { describe, expect, it } from 'vitest';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assayCommand, verdictsOf, withFixtureCopy, type MutantVerdict } from '../support/assay.js';

const run = (dir: string, ...args: string[]) => assayCommand(dir, 'run', '--reporters', 'json', '--concurrency', '2', ...args);
const merge = (dir: string, ...args: string[]) => assayCommand(dir, 'merge', '--reporters', 'json', ...args);
const readJson = async (dir: string, file: string) => JSON.parse(await readFile(path.join(dir, file), 'utf8'));
const shardFile = (index: number, count: number) => `reports/assay-shard-${index}-of-${count}.json`;

/** What must be equal between the full run and the merge: the verdicts, and every figure of the summary. */
async function outcome(dir: string): Promise<{ verdicts: MutantVerdict[]; figures: object; mutantsRun: number; lcov: string }> {
  const summary = await readJson(dir, 'reports/assay-summary.json');
  const { files, directories, total, flakyTests } = summary;
  return {
    verdicts: verdictsOf(await readJson(dir, 'reports/mutation/mutation.json')),
    figures: { files, directories, total, flakyTests },
    mutantsRun: summary.run.mutantsRun,
    lcov: await readFile(path.join(dir, 'reports/coverage/lcov.info'), 'utf8'),
  };
}

const key = (v: MutantVerdict) => `${v.file}:${v.line}:${v.column} ${v.mutator} ${v.replacement}`;

/**
 * Each fixture's mutants, and how many of them each shard holds for n = 2 and 3. The partition is
 * deterministic (src/shard/partition.ts: by planned test executions, ties by id), so these are exact.
 * `apart`: duplicates (the equivalence filter) whose twin went to another shard, where each runs on
 * its own: the merged runs exceed the full run's by that many.
 */
const SHARDS: Record<string, { mutants: number; sizes: Record<number, number[]>; apart?: Record<number, number> }> = {
  'import-throws': { mutants: 34, sizes: { 2: [16, 18], 3: [12, 11, 11] }, apart: { 3: 1 } },
  'state-leak': { mutants: 78, sizes: { 2: [38, 40], 3: [26, 26, 26] }, apart: { 2: 1, 3: 1 } },
  // The TypeScript checker on: every shard checks every mutant, beside its runs, so all plan alike,
  // each mutant by its tests: a CompileError counts as the run it would have been.
  'typed-code': { mutants: 55, sizes: { 2: [28, 27], 3: [16, 16, 23] }, apart: { 3: 1 } },
};

/** Runs shards 1..count (each must exit 0 and report its own `sizes[i - 1]` mutants only), then merges them. */
async function shardsThenMerge(dir: string, count: number, full: MutantVerdict[], sizes: number[], shardArgs: string[] = []) {
  await rm(path.join(dir, 'reports'), { recursive: true, force: true });
  expect(sizes).toHaveLength(count);
  const seen: string[] = [];
  for (let index = 1; index <= count; index++) {
    const shard = await run(dir, '--shard', `${index}/${count}`, ...shardArgs);
    const size = sizes[index - 1];
    expect(shard.stderr).toContain(
      `assay: shard ${index} of ${count} (${size} of ${full.length} mutants) written to ${shardFile(index, count)}; 'assay merge' joins the shards and checks the thresholds`,
    );
    expect(shard.exitCode).toBe(0);
    // The shard's own reports hold its mutants only.
    const own = verdictsOf(await readJson(dir, 'reports/mutation/mutation.json'));
    expect(own).toHaveLength(size);
    seen.push(...own.map(key));
  }
  expect([...seen].sort()).toEqual(full.map(key).sort());
  const files = Array.from({ length: count }, (_, i) => shardFile(i + 1, count));
  const merged = await merge(dir, ...files);
  expect(merged.stderr).toContain(`assay: merged ${count} shards: ${full.length} mutants\n`);
  expect(merged.stderr).not.toContain('warning');
  expect(merged.exitCode).toBe(0);
  return merged;
}

describe('shards', () => {
  for (const fixture of ['import-throws', 'state-leak', 'typed-code']) {
    it(`merged shards 1..n equal the full run on ${fixture}, for n = 2 and 3`, async () => {
      await withFixtureCopy(fixture, async (dir) => {
        const fullRun = await run(dir);
        expect(fullRun.exitCode).toBe(0);
        const full = await outcome(dir);
        expect(full.verdicts).toHaveLength(SHARDS[fixture].mutants);
        for (const count of [2, 3]) {
          await shardsThenMerge(dir, count, full.verdicts, SHARDS[fixture].sizes[count]);
          const merged = await outcome(dir);
          expect(merged.verdicts).toEqual(full.verdicts);
          expect(merged.figures).toEqual(full.figures);
          expect(merged.mutantsRun).toBe(full.mutantsRun + (SHARDS[fixture].apart?.[count] ?? 0));
          expect(merged.lcov).toBe(full.lcov);
        }
      });
    });
  }

  it('checks thresholds on the merged whole, never on a shard; refuses shards that do not make one run', async () => {
    await withFixtureCopy('import-throws', async (dir) => {
      // src/units.ts scores 64.29 on the whole: a shard alone would say otherwise, and does not judge.
      const expected = (await readJson(dir, 'expected.json')).mutants as MutantVerdict[];
      expect(expected).toHaveLength(SHARDS['import-throws'].mutants);
      await shardsThenMerge(dir, 2, expected, SHARDS['import-throws'].sizes[2], ['--threshold-break', '100']);
      const broken = await merge(dir, shardFile(1, 2), shardFile(2, 2), '--threshold-break', '90');
      expect(broken.stderr).toContain('assay: Final mutation score 85.29 is under break threshold 90.');
      expect(broken.exitCode).toBe(1);
      await writeFile(path.join(dir, 'stryker.config.json'), JSON.stringify({ assay: { modules: { 'src/units.ts': { mutationScore: 90 } } } }));
      const modules = await merge(dir, shardFile(1, 2), shardFile(2, 2));
      expect(modules.stderr).toContain('assay: thresholds not met ("assay.modules"):\n  src/units.ts: mutation score 64.29 < 90');
      expect(modules.exitCode).toBe(1);
      await rm(path.join(dir, 'stryker.config.json'));

      const refusals: Array<[string[], string]> = [
        [[shardFile(1, 2)], 'assay: merge: shard 2 of 2 is missing: give all 2 shard files'],
        [[shardFile(1, 2), shardFile(2, 2), shardFile(2, 2)], `assay: merge: shard 2 of 2 is given twice (${shardFile(2, 2)} and ${shardFile(2, 2)}): give each shard once`],
        [[shardFile(1, 2), shardFile(3, 3)], `assay: merge: ${shardFile(3, 3)} does not exist: give the files 'assay run --shard i/n' wrote (reports/assay-shard-<i>-of-<n>.json)`],
        [
          [shardFile(1, 2), 'reports/mutation/mutation.json'],
          "assay: merge: reports/mutation/mutation.json is not an assay shard file (those are written by 'assay run --shard i/n' as reports/assay-shard-<i>-of-<n>.json)",
        ],
        [[], "assay: missing required argument 'files'; add --help for usage"],
      ];
      for (const [files, message] of refusals) {
        const refused = await merge(dir, ...files);
        expect(refused.stderr.trim()).toBe(message);
        expect(refused.exitCode).toBe(2);
      }

      // Shard 2 of other code: the merge refuses to mix it with shard 1 of this code.
      await appendFile(path.join(dir, 'src/units.ts'), '\nexport const double = (n: number) => n * 2;\n');
      expect((await run(dir, '--shard', '2/2')).exitCode).toBe(0);
      const mixed = await merge(dir, shardFile(1, 2), shardFile(2, 2));
      expect(mixed.stderr.trim()).toBe(
        `assay: merge: ${shardFile(2, 2)} and ${shardFile(1, 2)} are shards of different runs (other code, config or assay version): give the shard files of one run`,
      );
      expect(mixed.exitCode).toBe(2);
    });
  });

  it('refuses a malformed --shard, and --ratchet on a shard, with one line naming the flag', async () => {
    await withFixtureCopy('import-throws', async (dir) => {
      for (const value of ['3/2', '0/2', '2/0', 'x/y', '1.5/2']) {
        const refused = await run(dir, '--shard', value);
        expect(refused.stderr.trim()).toBe(`assay: --shard must be i/n, shard i of n with i from 1 to n (e.g. 2/3), got "${value}"`);
        expect(refused.exitCode).toBe(2);
      }
      const ratchet = await run(dir, '--shard', '1/2', '--ratchet');
      expect(ratchet.stderr.trim()).toBe("assay: --ratchet compares the whole run with the baseline, and --shard runs part of it: give --ratchet to 'assay merge'");
      expect(ratchet.exitCode).toBe(2);
    });
  });
});
