/**
 * executePlan's chores (the coverage pass) and rest tasks, on a stand-in pool: with several lanes a
 * chore is taken first, beside the mutants; with one lane, after every mutant; a chore the runs
 * never reached (they stopped first) is dropped, so that nothing waits on it forever; and a lane
 * out of work while another runs sends its worker a rest task.
 */
import { describe, expect, it } from 'vitest';
import type { Piscina } from 'piscina';
import { executePlan, type Chore, type ExecuteOptions } from '../../../src/execute/index.js';
import type { MutantMessage } from '../../../src/execute/task.js';
import { NO_MUTANT } from '../../../src/vitest/settings.js';
import { outcome, run, test } from './runs.js';

const runs = [run(1, 'src/a.ts', { '/t/a.test.ts': ['t1'] }), run(2, 'src/a.ts', { '/t/a.test.ts': ['t1'] })];
const failing = outcome([test('t1', [], { state: 'failed', errors: ['AssertionError: expected 1 to be 2'] })]);
const passing = outcome([test('t1', [])]);

const options: ExecuteOptions = {
  timeoutMS: 1000,
  timeoutFactor: 1,
  overheadMs: 0,
  batchSize: 0,
  stepLimit: 1000,
  stepLimits: {},
  tests: { duration: new Map(), coverage: {}, lines: new Map(), files: {} },
  threads: 'per-file',
};

/** A pool of `threads` whose runs kill every mutant; `log` records what ran, chores as 'chore'. */
function pool(threads: number, log: string[]) {
  const answer = async (task: MutantMessage) => {
    log.push(task.kind === 'single' ? (task.mutantId === NO_MUTANT ? 'control' : `mutant ${task.mutantId}`) : task.kind);
    return task.kind === 'single' && task.mutantId === NO_MUTANT ? passing : failing;
  };
  return { options: { maxThreads: threads }, run: answer, destroy: async () => undefined } as unknown as Piscina;
}

function chore(log: string[]): Chore & { dropped: boolean } {
  return {
    dropped: false,
    async run() {
      log.push('chore');
    },
    drop() {
      this.dropped = true;
    },
  };
}

describe('executePlan chores', () => {
  it('takes a chore first where other lanes run mutants beside it', async () => {
    const log: string[] = [];
    const verdicts = await executePlan(pool(2, log), runs, { ...options, chores: [chore(log)] });
    expect(verdicts.map((result) => result.status)).toEqual(['Killed', 'Killed']);
    expect(log[0]).toBe('chore');
    expect(log.slice(1).filter((entry) => entry !== 'rest').sort()).toEqual(['control', 'mutant 1', 'mutant 2']);
  });

  it('asks an idle worker to end its parked threads when a lane runs out of work while another still runs', async () => {
    // Two lanes, one mutant: one lane runs it (after the control run) while the other finds
    // nothing left; its worker is sent a rest task before the mutant's run ends.
    const log: string[] = [];
    const slow = pool(2, log);
    const answer = slow.run.bind(slow);
    (slow as unknown as { run: typeof answer }).run = async (task: unknown) => {
      const result = await answer(task);
      if ((task as MutantMessage).kind === 'single' && (task as MutantMessage & { mutantId: number }).mutantId === 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push('mutant 1 done');
      }
      return result;
    };
    await executePlan(slow, [runs[0]], { ...options, restAfterMs: 0 });
    expect(log.indexOf('rest')).toBeGreaterThan(-1);
    expect(log.indexOf('rest')).toBeLessThan(log.indexOf('mutant 1 done'));
  });

  it('takes a chore after every mutant where there is one lane', async () => {
    const log: string[] = [];
    await executePlan(pool(1, log), runs, { ...options, chores: [chore(log)] });
    expect(log).toEqual(['control', 'mutant 1', 'mutant 2', 'chore']);
  });

  it('drops a chore the runs stopped before', async () => {
    const log: string[] = [];
    const stop = new AbortController();
    stop.abort();
    const untaken = chore(log);
    await executePlan(pool(2, log), runs, { ...options, chores: [untaken], signal: stop.signal });
    expect([log, untaken.dropped]).toEqual([[], true]);
  });
});
