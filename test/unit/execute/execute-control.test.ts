/**
 * executePlan's control run, on a stand-in pool: when planned tests fail with no mutant active
 * (the selection machinery is broken, as it was on vitest 4.0), the run stops with an
 * InternalError and reports no verdict, instead of scoring every mutant Killed.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { executePlan, type ExecuteOptions } from '../../../src/execute/index.js';
import type { MutantMessage } from '../../../src/execute/task.js';
import { InternalError } from '../../../src/errors.js';
import type { MutantResult } from '../../../src/model.js';
import type { RunOutcome } from '../../../src/vitest/session.js';
import { NO_MUTANT } from '../../../src/vitest/settings.js';
import { outcome, run, test } from './runs.js';

const runs = [run(1, 'src/a.ts', { '/t/a.test.ts': ['t1'] }), run(2, 'src/a.ts', { '/t/a.test.ts': ['t1'] })];
const broken = outcome([], { files: [{ ...outcome([]).files[0], errors: ['TypeError: testLocations.filter is not a function'] }] });
const failing = outcome([test('t1', [], { state: 'failed', errors: ['AssertionError: expected 1 to be 2'] })]);
const passing = outcome([test('t1', [])]);

/** A pool whose runs answer `answer(task)`; it records the tasks. */
function pool(answer: (task: MutantMessage) => RunOutcome) {
  const tasks: MutantMessage[] = [];
  const fake = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task)), destroy: async () => undefined };
  return { pool: fake as unknown as Piscina, tasks };
}

function options(results: MutantResult[]): ExecuteOptions {
  return {
    timeoutMS: 1000,
    timeoutFactor: 1,
    overheadMs: 0,
    batchSize: 0,
    stepLimit: 1000,
    stepLimits: {},
    tests: { duration: new Map(), coverage: {}, lines: new Map([['t1', 7]]), files: {} },
    threads: 'per-file',
    onResult: (result) => results.push(result),
  };
}

describe('executePlan control run', () => {
  it('stops with an InternalError, reporting nothing, when planned tests fail with no mutant active', async () => {
    const results: MutantResult[] = [];
    const { pool: broke, tasks } = pool(() => broken);
    await expect(executePlan(broke, runs, options(results))).rejects.toThrow(InternalError);
    expect(results).toEqual([]);
    // Only the control ran (both mutants share one test file, so one control), and no mutant.
    expect(tasks.map((task) => (task.kind === 'single' ? task.mutantId : task.kind))).toEqual([NO_MUTANT]);
  });

  it('runs the mutants once a control passed, and gives their verdicts', async () => {
    const results: MutantResult[] = [];
    const { pool: fine, tasks } = pool((task) => (task.kind === 'single' && task.mutantId === NO_MUTANT ? passing : failing));
    const verdicts = await executePlan(fine, runs, options(results));
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Killed'], [2, 'Killed']]);
    expect(tasks.map((task) => (task.kind === 'single' ? task.mutantId : task.kind))).toEqual([NO_MUTANT, 1, 2]);
    expect(tasks[0]).toMatchObject({ selection: runs[0].selection, lines: { t1: 7 } });
  });
});
