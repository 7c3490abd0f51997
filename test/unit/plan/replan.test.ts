import { describe, expect, it } from 'vitest';
import { replanWithoutFlaky } from '../../../src/plan/replan.js';
import { PASSED_THEN_FAILED, withFlaky } from '../../../src/dry-run/flaky.js';
import type { DryRunResult } from '../../../src/dry-run/index.js';
import type { MutantResult, MutantStatus } from '../../../src/model.js';
import { dry, mutant, options } from './plans.js';

function verdict(id: number, status: MutantStatus, coveredBy: string[]): MutantResult {
  return { ...mutant(id), status, coveredBy, killedBy: status === 'Killed' ? coveredBy.slice(0, 1) : [], testsCompleted: 1, static: false };
}

/** Tests `steady` (reaches 1 and 2) and `wobbly` (reaches 1, 2, 3 and 4), `wobbly` found flaky late. */
function dryWithLateFlaky(): DryRunResult {
  const tested = dry({
    steady: { project: '', moduleId: '/t/steady.test.ts', ms: 1, reached: [1, 2] },
    wobbly: { project: '', moduleId: '/t/wobbly.test.ts', ms: 1, reached: [1, 2, 3, 4] },
  });
  return withFlaky(tested, new Set(['wobbly']), PASSED_THEN_FAILED);
}

describe('replanWithoutFlaky', () => {
  const executed = [
    verdict(1, 'Killed', ['wobbly', 'steady']),
    verdict(2, 'Survived', ['steady', 'wobbly']),
    verdict(3, 'Killed', ['wobbly']),
    verdict(4, 'Survived', ['wobbly']),
    verdict(5, 'Killed', ['other']),
  ];
  const again = replanWithoutFlaky(executed, new Set(['wobbly']), [1, 2, 3, 4, 5].map(mutant), dryWithLateFlaky(), options);

  it('runs a killed mutant again with the steady tests that still reach it', () => {
    expect(again.runs.map((run) => [run.mutant.id, run.coveredBy])).toEqual([[1, ['steady']]]);
  });

  it('settles a mutant only the flaky test reached as NoCoverage, Killed or Survived before', () => {
    expect(again.settled.map((result) => [result.id, result.status])).toEqual([
      [3, 'NoCoverage'],
      [4, 'NoCoverage'],
    ]);
  });

  it('keeps a survivor steady tests still reach, and verdicts the flaky test never reached', () => {
    expect([...again.replaced].sort()).toEqual([1, 3, 4]);
  });
});
