/**
 * executePlan probes static mutants of several test files with one file each first, on a
 * stand-in pool: a failure there settles a mutant without loading the others; a pass runs all its
 * files next. A group's probes share one run, a file listed once per mutant, and what they leave
 * runs whole in groups of its own. The probe is the file that has killed the module's static
 * mutants so far: here the first group's probes (the plan's first file, a) pass and their whole
 * runs are killed in b, so the later groups are probed, and killed, in b alone.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { executePlan, type ExecuteOptions } from '../../../src/execute/index.js';
import type { MutantMessage } from '../../../src/execute/task.js';
import type { RunOutcome, TestSelection } from '../../../src/vitest/session.js';
import { outcome, run, test } from './runs.js';

const files: TestSelection[] = [{ project: '', moduleId: '/t/a.test.ts' }, { project: '', moduleId: '/t/b.test.ts' }];
const staticRun = (id: number) => ({ ...run(id, 'src/table.ts', {}), static: true, selection: files, plannedTests: 2 });
const testFile = { a1: files[0], b1: files[1] };

/** Each listed file's one test, run with the file's k-th mutant at its k-th listing: b's fails while a mutant is active in it, a's always passes. */
function answer(task: MutantMessage): RunOutcome {
  const listed = new Map<string, number>();
  const runs = task.selection.map((file) => {
    const key = `${file.project}\u0000${file.moduleId}`;
    const index = listed.get(key) ?? 0;
    listed.set(key, index + 1);
    return { file, active: task.kind === 'static' ? task.activeByFile[key][index] : undefined };
  });
  const tests = runs.map(({ file, active }) => {
    const id = file.moduleId === files[0].moduleId ? 'a1' : 'b1';
    const killed = id === 'b1' && active !== undefined;
    return test(id, [], { moduleId: file.moduleId, active, ...(killed ? { state: 'failed', errors: ['AssertionError: table changed'] } : {}) });
  });
  return outcome(tests, { files: runs.map(({ file, active }) => ({ ...outcome([]).files[0], moduleId: file.moduleId, active })) });
}

const options: ExecuteOptions = {
  timeoutMS: 1000,
  timeoutFactor: 1,
  overheadMs: 0,
  batchSize: 500,
  stepLimit: 1000,
  tests: { duration: new Map(), coverage: {}, lines: new Map(), files: testFile },
  threads: 'shared',
};

describe('executePlan probes static mutants', () => {
  it('probes a group of static mutants in one run, a file listed once per mutant; runs whole only those the probes left; learns the probe from kills', async () => {
    const tasks: MutantMessage[] = [];
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, [1, 2, 3, 4, 5, 6, 7, 8].map(staticRun), options);
    expect(verdicts.map((result) => [result.id, result.status, result.killedBy])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((id) => [id, 'Killed', ['b1']]));
    const name = (file: TestSelection) => file.moduleId.slice(3, 4);
    const statics = tasks.flatMap((task) => (task.kind === 'static' ? [[task.selection.map(name).join(''), Object.values(task.activeByFile).flat()]] : []));
    expect(statics).toEqual([
      ['aa', [1, 2]],
      ['abab', [1, 2, 1, 2]],
      ['bb', [3, 4]],
      ['bb', [5, 6]],
      ['bb', [7, 8]],
    ]);
  });
});
