/**
 * executePlan probes a static mutant of several test files with one file first, on a stand-in
 * pool: a failure there settles it without loading the others; a pass runs all its files next. The
 * probe is the file that has killed the module's static mutants so far: here the first mutant's
 * probe (the plan's first file, a) passes and its whole run is killed in b, so the second mutant is
 * probed, and killed, in b alone.
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

/** Each selected file's one test: b's fails while a mutant is active in it, a's always passes. */
function answer(task: MutantMessage): RunOutcome {
  const active = task.kind === 'static' ? task.activeByFile : {};
  const tests = task.selection.map((file) => {
    const id = file.moduleId === files[0].moduleId ? 'a1' : 'b1';
    const killed = id === 'b1' && active[file.moduleId] !== undefined;
    return test(id, [], { moduleId: file.moduleId, ...(killed ? { state: 'failed', errors: ['AssertionError: table changed'] } : {}) });
  });
  return outcome(tests, { files: task.selection.map((file) => ({ ...outcome([]).files[0], moduleId: file.moduleId })) });
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
  it('settles a static mutant in its probe file when it fails there, learning the probe from earlier kills', async () => {
    const tasks: MutantMessage[] = [];
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, [staticRun(1), staticRun(2)], options);
    expect(verdicts.map((result) => [result.id, result.status, result.killedBy])).toEqual([[1, 'Killed', ['b1']], [2, 'Killed', ['b1']]]);
    const statics = tasks.filter((task) => task.kind === 'static').map((task) => task.kind === 'static' && [Object.values(task.activeByFile)[0], task.selection.map((file) => file.moduleId)]);
    expect(statics).toEqual([
      [1, ['/t/a.test.ts']],
      [1, ['/t/a.test.ts', '/t/b.test.ts']],
      [2, ['/t/b.test.ts']],
    ]);
  });
});
