import { describe, expect, it } from 'vitest';
import { RunningCheck, withCompileErrors } from '../../../src/check/beside-runs.js';
import type { TypeCheckEvents, TypeCheckResult } from '../../../src/check/index.js';
import type { Mutant, MutantResult } from '../../../src/model.js';

/** A check whose shares and end the test decides. */
function controlledCheck() {
  let events: TypeCheckEvents = {};
  let finish: (result: TypeCheckResult) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const check = new RunningCheck((given) => {
    events = given;
    return new Promise<TypeCheckResult>((resolve, reject) => {
      finish = resolve;
      fail = reject;
      given.signal?.addEventListener('abort', () => reject(new Error('stopped')));
    });
  });
  const share = (ids: number[], rejected: Record<number, string> = {}) =>
    events.shareChecked?.({ ids, compileErrors: new Map(Object.entries(rejected).map(([id, reason]) => [Number(id), reason])) });
  const result = (compileErrors: Map<number, string>): TypeCheckResult => ({ compileErrors, compiler: 'typescript 5.9.3', checked: 3, durationMs: 1 });
  return { check, share, passBaseline: () => events.baselinePassed?.(), finish: (compileErrors: Map<number, string>) => finish(result(compileErrors)), fail };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('RunningCheck', () => {
  it('decides the mutants of each share as it is checked, and leaves out those it rejected', async () => {
    const { check, share, finish } = controlledCheck();
    let told = 0;
    check.onDecided(() => told++);
    expect(check.decided(1)).toBe(false);
    share([1, 2], { 2: 'src/a.ts(1,1): error TS2322: no' });
    expect([check.decided(1), check.decided(2), check.decided(3)]).toEqual([true, true, false]);
    expect([check.leftOut(1), check.leftOut(2)]).toEqual([false, true]);
    expect(told).toBe(1);
    finish(new Map([[2, 'src/a.ts(1,1): error TS2322: no']]));
    await settle();
    // Once the check has ended every mutant is decided, and the waiting lanes are told.
    expect(check.decided(3)).toBe(true);
    expect(told).toBe(2);
    expect(check.failed.aborted).toBe(false);
  });

  it('has its baseline pass once the unmutated files type-check, before any share', async () => {
    const { check, passBaseline } = controlledCheck();
    let passed = false;
    void check.baseline.then(() => (passed = true));
    await settle();
    expect(passed).toBe(false);
    passBaseline();
    await settle();
    expect(passed).toBe(true);
  });

  it('aborts `failed` when the check fails, but not when it is stopped; the baseline fails with it', async () => {
    const failing = controlledCheck();
    failing.fail(new Error('the project does not type-check'));
    await expect(failing.check.result).rejects.toThrow('does not type-check');
    await expect(failing.check.baseline).rejects.toThrow('does not type-check');
    expect(failing.check.failed.aborted).toBe(true);
    expect(failing.check.decided(1)).toBe(true);

    const stopped = controlledCheck();
    stopped.check.stop();
    await expect(stopped.check.result).rejects.toThrow('stopped');
    await settle();
    expect(stopped.check.failed.aborted).toBe(false);
    expect(stopped.check.decided(1)).toBe(true);
  });
});

describe('withCompileErrors', () => {
  const mutant = (id: number): Mutant => ({
    id,
    fileName: 'src/a.ts',
    mutatorName: 'StringLiteral',
    replacement: '""',
    placement: 'expression',
    start: id * 10,
    end: id * 10 + 3,
    location: { start: { line: id, column: 1 }, end: { line: id, column: 4 } },
  });
  const survived = (id: number): MutantResult => ({ ...mutant(id), status: 'Survived', coveredBy: ['t1'], killedBy: [], testsCompleted: 1, static: false });

  it('makes each rejected mutant of the plan CompileError: a revision of one already told, a new verdict for one that never ran', () => {
    const revised: number[] = [];
    const told: number[] = [];
    const results = withCompileErrors([survived(1), survived(2)], [mutant(1), mutant(2), mutant(3)], new Map([[2, 'reason 2'], [3, 'reason 3'], [9, 'not planned here']]), {
      result: (result) => told.push(result.id),
      revised: (result) => revised.push(result.id),
      told: new Set([1, 2]),
    });
    expect(results.map((result) => [result.id, result.status, result.statusReason])).toEqual([
      [1, 'Survived', undefined],
      [2, 'CompileError', 'reason 2'],
      [3, 'CompileError', 'reason 3'],
    ]);
    expect(revised).toEqual([2]);
    expect(told).toEqual([3]);
  });
});
