/**
 * executePlan probes static mutants of several test files with one file each first, on a
 * stand-in pool: a failure there settles a mutant without loading the others; a pass runs all its
 * files next. A group's probes share one run, a file listed once per mutant, and what they leave
 * runs whole in groups of its own. The probe is the file that has killed the module's static
 * mutants so far, and the module's first mutant scouts for it alone (scouts.ts): here its probe
 * (the plan's first file, a) passes and its whole run is killed in b, so the module's other
 * mutants wait for it and are then probed, and killed, in b alone. A mutant whose probe missed is
 * probed again in a file that has killed since, rather than run in all its files.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { executePlan, type ExecuteOptions } from '../../../src/execute/index.js';
import type { MutantMessage } from '../../../src/execute/task.js';
import type { RunOutcome, TestSelection } from '../../../src/vitest/session.js';
import { outcome, run, test } from './runs.js';

const files: TestSelection[] = ['a', 'b', 'c'].map((name) => ({ project: '', moduleId: `/t/${name}.test.ts` }));
const staticRun = (id: number) => ({ ...run(id, 'src/table.ts', {}), static: true, selection: files, plannedTests: files.length });
const testFile = { a1: files[0], b1: files[1], c1: files[2] };
const name = (file: TestSelection) => file.moduleId.slice(3, 4);

/**
 * Each listed file's one test, run with the file's k-th mutant at its k-th listing: it fails when
 * `kills` says the file notices the mutant active in it.
 */
function answer(task: MutantMessage, kills: (file: string, mutant: number) => boolean): RunOutcome {
  const listed = new Map<string, number>();
  const runs = task.selection.map((file) => {
    const key = `${file.project}\u0000${file.moduleId}`;
    const index = listed.get(key) ?? 0;
    listed.set(key, index + 1);
    return { file, active: task.kind === 'static' ? task.activeByFile[key][index] : undefined };
  });
  const tests = runs.map(({ file, active }) => {
    const killed = active !== undefined && kills(name(file), active);
    return test(`${name(file)}1`, [], { moduleId: file.moduleId, active, ...(killed ? { state: 'failed', errors: ['AssertionError: table changed'] } : {}) });
  });
  return outcome(tests, { files: runs.map(({ file, active }) => ({ ...outcome([]).files[0], moduleId: file.moduleId, active })) });
}

/** Runs mutants 1–8 on a one-thread stand-in pool: their verdicts, and each static run's files and mutants. */
async function execute(kills: (file: string, mutant: number) => boolean) {
  const tasks: MutantMessage[] = [];
  const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task, kills)), destroy: async () => undefined };
  const verdicts = await executePlan(pool as unknown as Piscina, [1, 2, 3, 4, 5, 6, 7, 8].map(staticRun), options);
  const statics = tasks.flatMap((task) => (task.kind === 'static' ? [[task.selection.map(name).join(''), Object.values(task.activeByFile).flat()]] : []));
  return { verdicts: verdicts.map((result) => [result.id, result.status, result.killedBy]), statics };
}

const options: ExecuteOptions = {
  timeoutMS: 1000,
  timeoutFactor: 1,
  overheadMs: 0,
  batchSize: 500,
  stepLimit: 1000,
  stepLimits: {},
  tests: { duration: new Map(), coverage: {}, lines: new Map(), files: testFile },
  threads: 'shared',
};

describe('executePlan probes static mutants', () => {
  it('probes a group of static mutants in one run, a file listed once per mutant; runs whole only those the probes left; a scout learns the module\'s probe before the others run', async () => {
    const { verdicts, statics } = await execute((file) => file === 'b');
    expect(verdicts).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, 'Killed', ['b1']]));
    expect(statics).toEqual([
      ['a', [1]],
      ['abc', [1, 1, 1]],
      ['bbbb', [2, 3, 4, 5]],
      ['bbb', [6, 7, 8]],
    ]);
  });

  it('probes a mutant whose probe missed again in a file that killed since, before it would run whole', async () => {
    const { verdicts, statics } = await execute((file, mutant) => (mutant === 1 ? file === 'a' : file === 'c'));
    expect(verdicts).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, 'Killed', [id === 1 ? 'a1' : 'c1']]));
    expect(statics).toEqual([
      ['a', [1]],
      ['aaaa', [2, 3, 4, 5]],
      ['abc', [2, 2, 2]],
      ['c', [3]],
      ['c', [4]],
      ['c', [5]],
      ['ccc', [6, 7, 8]],
    ]);
  });
});
