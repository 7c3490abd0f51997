/** `assay merge`: shard files of one run join into the whole; anything else is refused with one line. */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mergeShards } from '../../../src/merge/index.js';
import { readShardFile, shardFileName, writeShardFile, type ReadShard } from '../../../src/shard/shard-file.js';
import { UserError } from '../../../src/errors.js';
import type { MutantResult, RunResult, ShardInfo } from '../../../src/model.js';
import { coverageResult, fileCoverage, mutant, runResult } from '../report/fixtures.js';

const target = { projectRoot: '/ci/merge', thresholds: { high: 80, low: 60, break: 50 } };

/** Shard `index` of `count` holding `mutants`, with the same files, tests and coverage as its siblings. */
function shard(index: number, count: number, mutants: MutantResult[], overrides: Partial<RunResult> = {}, info: Partial<ShardInfo> = {}): ReadShard {
  const result = runResult({
    projectRoot: '/ci/shard',
    files: [{ name: 'src/a.ts', text: 'export const a = 1;\n' }],
    tests: [{ id: 't1', name: 'a', fileName: 'test/a.test.ts', durationMs: 10 + index }],
    mutants,
    durationMs: 1000 * index,
    coverage: coverageResult(
      { 'src/a.ts': fileCoverage({ codeLines: [1], uncoveredLines: [] }) },
      { lineTests: { 'src/a.ts': { 1: ['t1', 't2'] } }, istanbul: { '/ci/shard/src/a.ts': { path: '/ci/shard/src/a.ts', s: {} } } },
    ),
    timings: { dryRunMs: 300 * index, executeMs: 600, mutantsRun: mutants.filter((m) => m.status !== 'NoCoverage').length, testMs: 40, coverageMs: 100 * index, concurrency: 2, threads: 'shared' },
    ...overrides,
  });
  const full: ShardInfo = { index, count, mutants: 4, fingerprint: 'f1', partition: 'p1', ...info };
  return { label: `reports/assay-shard-${index}-of-${count}.json`, file: { format: 'assay-shard', version: 1, assay: '0.1.0', index, count, fingerprint: full.fingerprint, result: { ...result, shard: full } } };
}

const [m1, m2, m3, m4] = [mutant('Killed', { id: 1 }), mutant('Survived', { id: 2 }), mutant('NoCoverage', { id: 3 }), mutant('Killed', { id: 4 })];
const two = () => [shard(1, 2, [m1, m4]), shard(2, 2, [m2, m3])];

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).exitCode).toBe(2);
    return (error as UserError).message;
  }
  throw new Error('expected a refusal');
}

describe('mergeShards', () => {
  it('joins the shards: every mutant by id, the whole run\'s data from shard 1, work summed, the longest wall time', () => {
    const { result, warnings } = mergeShards([...two()].reverse(), target);
    expect(warnings).toEqual([]);
    expect(result.mutants.map((m) => m.id)).toEqual([1, 2, 3, 4]);
    expect(result.shard).toBeUndefined();
    expect(result.thresholds).toEqual(target.thresholds);
    expect(result.tests[0].durationMs).toBe(11);
    expect(result.durationMs).toBe(2000);
    expect(result.timings).toEqual({ dryRunMs: 600, executeMs: 1200, mutantsRun: 3, testMs: 80, coverageMs: 300, concurrency: 2, threads: 'shared' });
  });

  it('moves istanbul\'s absolute paths to the merge\'s project root', () => {
    const { result } = mergeShards(two(), target);
    expect(result.projectRoot).toBe('/ci/merge');
    expect(result.coverage?.istanbul).toEqual({ '/ci/merge/src/a.ts': { path: '/ci/merge/src/a.ts', s: {} } });
  });

  it('lists the flaky tests any shard found, once each', () => {
    const flaky = { id: 't9', name: 'wobbles', fileName: 'test/w.test.ts', reason: 'passed, then failed in a second run' };
    const other = { ...flaky, id: 't8' };
    const { result } = mergeShards([shard(1, 2, [m1, m4], { flakyTests: [flaky] }), shard(2, 2, [m2, m3], { flakyTests: [other, flaky] })], target);
    expect(result.flakyTests.map((test) => test.id)).toEqual(['t9', 't8']);
  });

  it('takes coverage listed in another order as the same, and warns when shards measured different coverage', () => {
    const reordered = shard(2, 2, [m2, m3], {
      coverage: coverageResult({ 'src/a.ts': fileCoverage({ codeLines: [1], uncoveredLines: [] }) }, { lineTests: { 'src/a.ts': { 1: ['t2', 't1'] } }, istanbul: {} }),
    });
    expect(mergeShards([two()[0], reordered], target).warnings).toEqual([]);
    const other = shard(2, 2, [m2, m3], { coverage: coverageResult({ 'src/a.ts': fileCoverage({ codeLines: [1], uncoveredLines: [1] }) }) });
    expect(mergeShards([two()[0], other], target).warnings).toEqual([
      "shards 1 and 2 of 2 measured different coverage (a test that does not run the same code every time?): the reports show shard 1's",
    ]);
  });

  it('refuses a missing shard, naming it', () => {
    expect(refusal(() => mergeShards([shard(1, 3, [m1]), shard(3, 3, [m3])], target))).toBe('merge: shard 2 of 3 is missing: give all 3 shard files');
    expect(refusal(() => mergeShards([shard(2, 4, [m1])], target))).toBe('merge: shards 1, 3 and 4 of 4 are missing: give all 4 shard files');
  });

  it('refuses a shard given twice', () => {
    const [a, b] = two();
    const again = { ...b, label: 'elsewhere/assay-shard-2-of-2.json' };
    expect(refusal(() => mergeShards([a, b, again], target))).toBe(
      'merge: shard 2 of 2 is given twice (reports/assay-shard-2-of-2.json and elsewhere/assay-shard-2-of-2.json): give each shard once',
    );
  });

  it('refuses shards of different counts or different runs', () => {
    expect(refusal(() => mergeShards([shard(1, 2, [m1]), shard(2, 3, [m2])], target))).toBe(
      'merge: reports/assay-shard-1-of-2.json is shard 1 of 2, and reports/assay-shard-2-of-3.json shard 2 of 3: give the shard files of one run',
    );
    expect(refusal(() => mergeShards([shard(1, 2, [m1, m4]), shard(2, 2, [m2, m3], {}, { fingerprint: 'f2' })], target))).toBe(
      'merge: reports/assay-shard-2-of-2.json and reports/assay-shard-1-of-2.json are shards of different runs (other code, config or assay version): give the shard files of one run',
    );
  });

  it('refuses an interrupted shard', () => {
    const pending = mutant('Pending', { id: 3 });
    expect(refusal(() => mergeShards([shard(1, 2, [m1, m4]), shard(2, 2, [m2, pending], { interrupted: true })], target))).toBe(
      'merge: shard 2 of 2 (reports/assay-shard-2-of-2.json) was interrupted before all its mutants had a verdict: run that shard again',
    );
  });

  it('refuses shards that split the mutants differently', () => {
    expect(refusal(() => mergeShards([shard(1, 2, [m1, m4]), shard(2, 2, [m2, m3], {}, { partition: 'p2' })], target))).toBe(
      'merge: shards 1 and 2 of 2 split the mutants differently, as their initial test runs reached different code (a flaky test?): run the shards again',
    );
  });

  it('refuses shards whose mutants do not add up to the run', () => {
    expect(refusal(() => mergeShards([shard(1, 2, [m1, m4]), shard(2, 2, [m2, m4])], target))).toBe(
      'merge: the shard files do not add up to one run (mutant 4 is in two shards): run the shards again, and merge their files unedited',
    );
    expect(refusal(() => mergeShards([shard(1, 2, [m1, m4]), shard(2, 2, [m2])], target))).toBe(
      'merge: the shard files do not add up to one run (mutant 3 is in none): run the shards again, and merge their files unedited',
    );
  });
});

describe('shard files', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  const temp = async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-shard-file-'));
    dirs.push(dir);
    return dir;
  };
  const readError = async (file: string, label: string) => {
    const error = await readShardFile(file, label).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  };

  it('are named by index and count', () => {
    expect(shardFileName({ index: 2, count: 3 })).toBe('reports/assay-shard-2-of-3.json');
  });

  it('read back what was written', async () => {
    const dir = await temp();
    const { result } = shard(2, 2, [m2, m3]).file;
    await writeShardFile(result, '0.1.0', path.join(dir, 'reports/s.json'));
    const read = await readShardFile(path.join(dir, 'reports/s.json'), 'reports/s.json');
    expect(read.label).toBe('reports/s.json');
    expect(read.file).toEqual({ format: 'assay-shard', version: 1, assay: '0.1.0', index: 2, count: 2, fingerprint: 'f1', result });
  });

  it('refuse a file that does not exist, or is not a shard file', async () => {
    const dir = await temp();
    expect(await readError(path.join(dir, 'nope.json'), 'reports/nope.json')).toBe(
      "merge: reports/nope.json does not exist: give the files 'assay run --shard i/n' wrote (reports/assay-shard-<i>-of-<n>.json)",
    );
    const notShard = "merge: reports/x.json is not an assay shard file (those are written by 'assay run --shard i/n' as reports/assay-shard-<i>-of-<n>.json)";
    for (const content of ['{ "schemaVersion": "2", "files": {} }', 'not json', '[]']) {
      await writeFile(path.join(dir, 'x.json'), content);
      expect(await readError(path.join(dir, 'x.json'), 'reports/x.json')).toBe(notShard);
    }
    expect(await readError(dir, 'reports')).toBe('merge: reports is a directory: give the shard files in it (reports/assay-shard-*.json)');
  });
});
