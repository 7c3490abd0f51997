/**
 * executePlan on a stand-in pool: a batch that completed with an error outside tests runs the
 * mutants active when it escaped apart, or is cut in halves down to single mutants, each half a batch again (cheap in warm test threads), and only
 * the mutant at fault runs on its own — as a static group of one (a warm thread) where files share
 * threads, with a fresh thread per file where they do not; a batch that never completed (its
 * worker failed) is cut only above SPLIT_ABOVE, so four mutants then run alone in fresh threads.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { executePlan, type Chore, type ExecuteOptions } from '../../../src/execute/index.js';
import type { MutantMessage } from '../../../src/execute/task.js';
import type { MutantResult } from '../../../src/model.js';
import type { RunOutcome } from '../../../src/vitest/session.js';
import { NO_MUTANT, type BatchRecord } from '../../../src/vitest/settings.js';
import { outcome, ranWith, run, test } from './runs.js';

const runs = [1, 2, 3, 4].map((id) => run(id, 'src/a.ts', { '/t/a.test.ts': ['t1'] }));
const AT_FAULT = 3;

/** The mutant of a static group of one. */
const groupOfOne = (task: MutantMessage & { kind: 'static' }) => Object.values(task.activeByFile)[0][0];

/** Batch runs: every mutant killed, but an uncaught error whenever mutant 3 is in the batch. Single runs: killed. */
function answer(task: MutantMessage): RunOutcome {
  if (task.kind === 'static') return ranWith(groupOfOne(task), outcome([test('t1', [], { state: 'failed', errors: ['AssertionError: x'] })]));
  if (task.kind !== 'batch') return outcome([test('t1', [], { state: task.kind === 'single' && task.mutantId === NO_MUTANT ? 'passed' : 'failed', errors: ['AssertionError: x'] })]);
  const mutants = task.plan.t1.filter((id) => id !== NO_MUTANT);
  const batch: BatchRecord[] = [...mutants.map((id): BatchRecord => [id, 'fail', 'AssertionError: x']), [NO_MUTANT, 'pass']];
  const records = outcome([test('t1', batch)]);
  return mutants.includes(AT_FAULT) ? { ...records, unhandledErrors: ['SyntaxError: The token provided must not be empty.'] } : records;
}

function options(threads: ExecuteOptions['threads'] = 'shared'): ExecuteOptions {
  return {
    timeoutMS: 1000,
    timeoutFactor: 1,
    overheadMs: 0,
    batchSize: 500,
    stepLimit: 1000,
    stepLimits: {},
    tests: { duration: new Map([['t1', 1]]), coverage: { t1: [1, 2, 3, 4] }, lines: new Map(), files: {} },
    threads,
  };
}

/** What each task ran: a batch's mutants, or a single mutant's id. */
const shape = (task: MutantMessage) => (task.kind === 'batch' ? task.plan.t1.filter((id) => id !== NO_MUTANT) : task.kind === 'single' ? task.mutantId : task.kind);

describe('executePlan on a failed batch', () => {
  it('cuts a batch that completed with an uncaught error down to the mutant at fault', async () => {
    const tasks: MutantMessage[] = [];
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs, options());
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Killed'], [2, 'Killed'], [3, 'Killed'], [4, 'Killed']]);
    expect(tasks.map(shape)).toEqual([[1, 2, 3, 4], [1, 2], [3, 4], [3], NO_MUTANT, 'static', [4]]);
    const alone = tasks[5];
    expect(alone.kind === 'static' && alone.activeByFile).toEqual({ '\u0000/t/a.test.ts': [AT_FAULT] });
  });

  it('runs the mutants active when the error escaped apart first, then the rest as a batch that halves on failure', async () => {
    const tasks: MutantMessage[] = [];
    // The error escapes while mutant 2 is active (a wrong suspect), then while mutant 3 is.
    const suspect = (task: MutantMessage) => (task.kind === 'batch' && task.plan.t1.includes(2) ? 2 : AT_FAULT);
    const tagged = (task: MutantMessage): RunOutcome => {
      const answered = answer(task);
      return answered.unhandledErrors.length > 0 ? { ...answered, escapedWith: [suspect(task)] } : answered;
    };
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), tagged(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs, options());
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Killed'], [2, 'Killed'], [3, 'Killed'], [4, 'Killed']]);
    // Suspect 2 goes apart (innocent: its group of one settles it); the rest fails again and, cut
    // from a suspect once already, halves; the half [1, 3] names 3, which goes apart from [1].
    expect(tasks.map(shape)).toEqual([[1, 2, 3, 4], [1, 3, 4], [1, 3], [1], NO_MUTANT, 'static', [4], 'static']);
    expect(tasks.flatMap((task) => (task.kind === 'static' ? [groupOfOne(task)] : []))).toEqual([AT_FAULT, 2]);
  });

  it('runs a suspect with a fresh thread per file when files do not share threads', async () => {
    const tasks: MutantMessage[] = [];
    const tagged = (task: MutantMessage): RunOutcome => {
      const answered = answer(task);
      return answered.unhandledErrors.length > 0 ? { ...answered, escapedWith: [AT_FAULT] } : answered;
    };
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), tagged(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs, options('per-file'));
    expect(verdicts.map((result) => result.status)).toEqual(['Killed', 'Killed', 'Killed', 'Killed']);
    expect(tasks.map(shape)).toEqual([[1, 2, 3, 4], [1, 2, 4], NO_MUTANT, AT_FAULT]);
  });

  it('runs the mutant at fault with a fresh thread per file when files do not share threads', async () => {
    const tasks: MutantMessage[] = [];
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), answer(task)), destroy: async () => undefined };
    await executePlan(pool as unknown as Piscina, runs, options('per-file'));
    expect(tasks.map(shape)).toEqual([[1, 2, 3, 4], [1, 2], [3, 4], [3], NO_MUTANT, AT_FAULT, [4]]);
  });

  it('runs the mutants of a small batch that never completed on their own', async () => {
    const tasks: MutantMessage[] = [];
    const run = async (task: MutantMessage) => {
      tasks.push(task);
      if (task.kind === 'batch') throw new Error('worker ended');
      return answer(task);
    };
    const pool = { options: { maxThreads: 1 }, run, destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs, options());
    expect(verdicts.map((result) => result.status)).toEqual(['Killed', 'Killed', 'Killed', 'Killed']);
    expect(tasks.map(shape)).toEqual([[1, 2, 3, 4], NO_MUTANT, 1, 2, 3, 4]);
  });

  it("takes vitest's test timeout in a batch, confirmed by the mutant's group of one, as Timeout: no further run", async () => {
    const tasks: MutantMessage[] = [];
    const timedOut = outcome([test('t1', [], { state: 'failed', errors: ['Error: Test timed out in 5000ms.'] })]);
    const respond = (task: MutantMessage): RunOutcome => {
      if (task.kind === 'batch') return outcome([test('t1', [[1, 'slow', 'Error: Test timed out in 5000ms.'], [NO_MUTANT, 'pass']])]);
      if (task.kind === 'static') return ranWith(groupOfOne(task), timedOut);
      return task.kind === 'single' && task.mutantId === NO_MUTANT ? outcome([test('t1', [])]) : timedOut;
    };
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), respond(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs.slice(0, 1), options());
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Timeout']]);
    expect(tasks.map(shape)).toEqual([[1], NO_MUTANT, 'static']);
  });

  it("confirms a timeout a group of one found with a shorter test timeout by one more group of one, with the project's", async () => {
    const tasks: MutantMessage[] = [];
    const timedOut = outcome([test('t1', [], { state: 'failed', errors: ['Error: Test timed out in 5000ms.'] })]);
    const respond = (task: MutantMessage): RunOutcome => {
      // The batch cannot settle mutant 1: its canary failed.
      if (task.kind === 'batch') return outcome([test('t1', [[1, 'pass'], [NO_MUTANT, 'fail', 'AssertionError: x']])]);
      if (task.kind === 'static') return ranWith(groupOfOne(task), timedOut);
      return task.kind === 'single' && task.mutantId === NO_MUTANT ? outcome([test('t1', [])]) : timedOut;
    };
    const pool = { options: { maxThreads: 1 }, run: async (task: MutantMessage) => (tasks.push(task), respond(task)), destroy: async () => undefined };
    const verdicts = await executePlan(pool as unknown as Piscina, runs.slice(0, 1), options());
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Timeout']]);
    expect(tasks.map(shape)).toEqual([[1], NO_MUTANT, 'static', 'static']);
    // The batch and the first group give the test file a shorter timeout; the confirming group does not.
    expect(tasks.map((task) => 'testTimeouts' in task && task.testTimeouts !== undefined)).toEqual([true, false, true, false]);
  });

  it("runs the group that confirms a timeout on the waiting lane's own pool, started when it is first needed", async () => {
    const timedOut = outcome([test('t1', [], { state: 'failed', errors: ['Error: Test timed out in 5000ms.'] })]);
    const respond = (task: MutantMessage): RunOutcome => {
      if (task.kind === 'batch') return outcome([test('t1', [[1, 'slow', 'Error: Test timed out in 5000ms.'], [NO_MUTANT, 'pass']])]);
      if (task.kind === 'static') return ranWith(groupOfOne(task), timedOut);
      return task.kind === 'single' && task.mutantId === NO_MUTANT ? outcome([test('t1', [])]) : timedOut;
    };
    const ran: Array<[string, unknown]> = [];
    const stub = (name: string, threads: number) => ({
      options: { maxThreads: threads },
      run: async (task: MutantMessage) => (ran.push([name, shape(task)]), respond(task)),
      destroy: async () => undefined,
    });
    let started = 0;
    const startWaiter = () => (started++, stub('waiter', 1) as unknown as Piscina);
    const verdicts = await executePlan(stub('main', 2) as unknown as Piscina, runs.slice(0, 1), { ...options(), startWaiter });
    expect(verdicts.map((result) => [result.id, result.status])).toEqual([[1, 'Timeout']]);
    // The waiter is asked whether its session is up before the run, outside the run's budget.
    const on = (name: string) => ran.filter(([pool, shape]) => pool === name && shape !== 'rest').map(([, shape]) => shape);
    expect([on('main'), on('waiter')]).toEqual([[[1], NO_MUTANT], ['ready', 'static']]);
    expect(started).toBe(1);
  });

  it('runs batches whose tests mostly wait (real timers) on the waiting lane too, once the chores are done, and never batches that mostly run', async () => {
    // One mutant a batch: four batches of 2 s expected (the test and its canary), each taking 20 ms here.
    const passes = async (task: MutantMessage): Promise<RunOutcome> => {
      if (task.kind !== 'batch') return outcome([test('t1', [])]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return outcome([test('t1', [...task.plan.t1.filter((id) => id !== NO_MUTANT).map((id): BatchRecord => [id, 'fail', 'AssertionError: x']), [NO_MUTANT, 'pass']])]);
    };
    const started = Date.now();
    const ran: Array<[string, number]> = [];
    const stub = (name: string, threads: number) => ({
      options: { maxThreads: threads },
      run: async (task: MutantMessage) => (task.kind === 'batch' && ran.push([name, Date.now() - started]), passes(task)),
      destroy: async () => undefined,
    });
    let choreEnded = Number.POSITIVE_INFINITY;
    const slowChore: Chore = {
      run: () => new Promise<void>((resolve) => setTimeout(() => {
        choreEnded = Date.now() - started;
        resolve();
      }, 30)),
      drop: () => undefined,
    };
    const timed = (waitMs: number, chores: Chore[]) => ({
      ...options(),
      batchSize: 1,
      chores,
      tests: { ...options().tests, duration: new Map([['t1', 1000]]), wait: new Map([['t1', waitMs]]) },
      startWaiter: () => stub('waiter', 1) as unknown as Piscina,
    });
    const onWaiter = () => ran.filter(([pool]) => pool === 'waiter').map(([, at]) => at);
    const killedAll = (verdicts: MutantResult[]) => expect(verdicts.map((result) => result.status)).toEqual(['Killed', 'Killed', 'Killed', 'Killed']);

    killedAll(await executePlan(stub('main', 2) as unknown as Piscina, runs, timed(900, [])));
    expect(onWaiter().length).toBeGreaterThan(0);
    ran.length = 0;
    killedAll(await executePlan(stub('main', 2) as unknown as Piscina, runs, timed(100, [])));
    expect(onWaiter()).toEqual([]);
    // The waiting lane's worker would add its memory to the chore's (the coverage pass).
    ran.length = 0;
    killedAll(await executePlan(stub('main', 2) as unknown as Piscina, runs, timed(900, [slowChore])));
    expect(onWaiter().every((at) => at >= choreEnded)).toBe(true);
  });
});
