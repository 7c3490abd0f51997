/**
 * Duplicates run once: of a set, the run with the most covering tests runs, and each other whose
 * covering tests are among its own (static or not alike) takes its verdict under its own identity.
 */
import { describe, expect, it } from 'vitest';
import { copiedResult, runDuplicatesOnce } from '../../../src/plan/duplicates.js';
import type { MutantResult } from '../../../src/model.js';
import { run } from '../execute/runs.js';

describe('runDuplicatesOnce', () => {
  it('keeps the run that covers the others; a twin reached by a test it does not keeps its own run', () => {
    const wide = run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2'] });
    const inside = run(2, 'src/a.ts', { '/t/a.test.ts': ['t2'] });
    const outside = run(3, 'src/a.ts', { '/t/a.test.ts': ['t3'] });
    const alone = run(4, 'src/a.ts', { '/t/a.test.ts': ['t1'] });
    const { runs, copies } = runDuplicatesOnce([wide, inside, outside, alone], [[1, 2, 3], [5, 6]]);
    expect(runs.map((r) => r.mutant.id)).toEqual([1, 3, 4]);
    expect([...copies].map(([id, twins]) => [id, twins.map((r) => r.mutant.id)])).toEqual([[1, [2]]]);
  });

  it('never lets a static mutant and one that is not stand for each other', () => {
    const dynamic = run(1, 'src/a.ts', { '/t/a.test.ts': ['t1', 't2'] });
    const atLoad = { ...run(2, 'src/a.ts', { '/t/a.test.ts': ['t1'] }), static: true };
    expect(runDuplicatesOnce([dynamic, atLoad], [[1, 2]]).runs).toHaveLength(2);
  });
});

describe('copiedResult', () => {
  it('is the verdict of the run, under the duplicate’s identity and coverage', () => {
    const ran: MutantResult = { ...run(1, 'src/a.ts', {}).mutant, status: 'Killed', statusReason: 'AssertionError: boom', coveredBy: ['t1', 't2'], killedBy: ['t2'], testsCompleted: 1, static: false, durationMs: 7, verdictKey: 'k1' };
    const twin = { ...run(2, 'src/a.ts', { '/t/a.test.ts': ['t2'] }), mutant: { ...run(2, 'src/a.ts', {}).mutant, verdictKey: 'k2' } };
    expect(copiedResult(ran, twin)).toEqual({
      ...twin.mutant,
      status: 'Killed',
      statusReason: 'AssertionError: boom (compiles to the same code as mutant 1, which ran for both)',
      coveredBy: ['t2'],
      killedBy: ['t2'],
      testsCompleted: 1,
      static: false,
      durationMs: 7,
    });
  });
});
