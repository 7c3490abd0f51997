import { describe, expect, it } from 'vitest';
import { breakThresholdFailure } from '../../../src/report/exit-code.js';
import { mutants, runResult } from './fixtures.js';

/** 2 killed, 1 survived: a mutation score of 66.666…% */
const run = (breakThreshold: number | null, extra = mutants(0, 'Killed')) =>
  runResult({
    thresholds: { high: 80, low: 60, break: breakThreshold },
    mutants: [...mutants(2, 'Killed'), ...mutants(1, 'Survived'), ...extra],
  });

describe('breakThresholdFailure', () => {
  it('reports a score below the break threshold', () => {
    expect(breakThresholdFailure(run(70))).toBe('Final mutation score 66.67 is under break threshold 70.');
  });

  it('compares the unrounded score, as Stryker does', () => {
    expect(breakThresholdFailure(run(66.67))).toBe('Final mutation score 66.67 is under break threshold 66.67.');
    expect(breakThresholdFailure(run(66.66))).toBeUndefined();
  });

  it('passes at or above the threshold and when it is disabled', () => {
    expect(breakThresholdFailure(run(60))).toBeUndefined();
    const exactly75 = runResult({
      thresholds: { high: 80, low: 60, break: 75 },
      mutants: [...mutants(3, 'Killed'), ...mutants(1, 'Survived')],
    });
    expect(breakThresholdFailure(exactly75)).toBeUndefined();
    expect(breakThresholdFailure(run(0))).toBeUndefined();
    expect(breakThresholdFailure(run(null))).toBeUndefined();
    expect(breakThresholdFailure(runResult({ thresholds: { high: 80, low: 60, break: 100 }, mutants: mutants(3, 'Killed') }))).toBeUndefined();
  });

  it('never fails on an undefined score (no valid mutant)', () => {
    expect(breakThresholdFailure(runResult({ thresholds: { high: 80, low: 60, break: 50 }, mutants: mutants(2, 'Ignored') }))).toBeUndefined();
  });
});
