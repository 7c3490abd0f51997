/**
 * The dry run's runs on a stand-in pool: a run is cut into shares of about equal weight, each a
 * dry task carrying the whole suite's test files for its import graph and the lines of its
 * selected tests; the shares' outcomes and import graphs are joined; a user's mistake answered by
 * a worker is thrown as a UserError.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { shares, suiteRunsOnPool } from '../../../src/dry-run/on-pool.js';
import type { DryAnswer, WorkerMessage } from '../../../src/execute/task.js';
import { UserError } from '../../../src/errors.js';
import { outcome, test } from '../execute/runs.js';

const dir = mkdtempSync(join(tmpdir(), 'assay-on-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: number) => {
  const path = join(dir, name);
  writeFileSync(path, 'x'.repeat(bytes));
  return { project: '', moduleId: path };
};
const big = file('big.test.ts', 900);
const mid = file('mid.test.ts', 500);
const small = file('small.test.ts', 300);
const tiny = file('tiny.test.ts', 100);

/** A pool of `threads` whose workers answer `answer(task)`; it records the tasks. */
function pool(threads: number, answer: (task: WorkerMessage) => unknown) {
  const tasks: WorkerMessage[] = [];
  const fake = { options: { maxThreads: threads }, run: async (task: WorkerMessage) => (tasks.push(task), answer(task)) };
  return { pool: fake as unknown as Piscina, tasks };
}

describe('shares', () => {
  it('balances files by size, heaviest share first, never more shares than files', () => {
    expect(shares([tiny, small, big, mid], 2)).toEqual([[big], [mid, small, tiny]]);
    expect(shares([tiny, big], 6)).toEqual([[big], [tiny]]);
  });

  it('weighs a selection of tests by how many it names', () => {
    const three = { ...tiny, testIds: ['a', 'b', 'c'] };
    const one = { ...big, testIds: ['d'] };
    expect(shares([one, three], 1)).toEqual([[three, one]]);
  });
});

describe('suiteRunsOnPool', () => {
  const suite = { files: [big, mid, small], found: 4 };

  it('runs each share as a dry task and joins the outcomes and import graphs', async () => {
    const { pool: two, tasks } = pool(1, (task): unknown => {
      if (task.kind === 'suite') return suite;
      if (task.kind !== 'dry') throw new Error(`unexpected ${task.kind}`);
      const ids = task.selection.map((selected) => selected.moduleId.split('/').pop()!);
      const answer: DryAnswer = {
        outcome: outcome(ids.map((id) => test(id, [], { location: { line: ids.length, column: 1 } }))),
        imports: { loaded: Object.fromEntries(task.selection.map((selected) => [`\u0000${selected.moduleId}`, ['src/a.ts', `src/${ids[0]}`]])), configFiles: ['vitest.config.ts'] },
      };
      return answer;
    });
    const runs = suiteRunsOnPool(two);
    expect(await runs.suite()).toEqual(suite);
    const ran = await runs.run(suite.files, { threads: 'shared' });
    const dryTasks = tasks.filter((task) => task.kind === 'dry');
    expect(dryTasks).toHaveLength(3);
    expect(dryTasks.every((task) => task.kind === 'dry' && task.threads === 'shared' && task.graphOf === suite.files)).toBe(true);
    expect(ran.tests.map((outcome) => outcome.id)).toEqual(['big.test.ts', 'mid.test.ts', 'small.test.ts']);
    expect(runs.imports([big, small])).toEqual({
      loaded: { [`\u0000${big.moduleId}`]: ['src/a.ts', 'src/big.test.ts'], [`\u0000${small.moduleId}`]: ['src/a.ts', 'src/small.test.ts'] },
      configFiles: ['vitest.config.ts'],
    });
    // A later run of selected tests sends the lines the earlier run saw (vitest 4.0 selects by line).
    await runs.run([{ ...mid, testIds: ['mid.test.ts'] }], { threads: 'per-file' });
    expect(tasks.at(-1)).toMatchObject({ kind: 'dry', threads: 'per-file', lines: { 'mid.test.ts': 1 } });
    expect(tasks.filter((task) => task.kind === 'suite')).toHaveLength(1);
  });

  it('throws a worker’s answered user error as a UserError with its exit code', async () => {
    const { pool: one } = pool(1, () => ({ userError: 'vitest.config.ts: could not be loaded: boom', exitCode: 2 }));
    const error = await suiteRunsOnPool(one).suite().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ message: 'vitest.config.ts: could not be loaded: boom', exitCode: 2 });
  });
});
