import { describe, expect, it } from 'vitest';
import { thresholdFailures } from '../../../src/report/module-thresholds.js';
import { coverageResult, figure, fileCoverage, mutantOnLine, runResult } from './fixtures.js';

/** src/pay/card.ts: lines 1–10 hold code, 7–10 uncovered; a branch on line 3 (one way taken) and one on line 8 (none). */
function paymentsRun(overrides: Parameters<typeof runResult>[0] = {}) {
  return runResult({
    files: [{ name: 'src/pay/card.ts', text: '' }, { name: 'src/util.ts', text: '' }],
    mutants: [
      mutantOnLine('Killed', 2, { fileName: 'src/pay/card.ts' }),
      mutantOnLine('Killed', 3, { fileName: 'src/pay/card.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/pay/card.ts' }),
      mutantOnLine('NoCoverage', 8, { fileName: 'src/pay/card.ts' }),
      mutantOnLine('Survived', 1, { fileName: 'src/util.ts' }),
    ],
    coverage: coverageResult(
      {
        'src/pay/card.ts': fileCoverage({ codeLines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], uncoveredLines: [7, 8, 9, 10], branches: figure(1, 4) }),
        'src/util.ts': fileCoverage({ codeLines: [1], uncoveredLines: [] }),
      },
      {
        istanbul: {
          '/project/src/pay/card.ts': {
            branchMap: { 0: { locations: [{ start: { line: 3 } }, { start: { line: 3 } }] }, 1: { locations: [{ start: { line: 8 } }, { start: { line: 9 } }] } },
            b: { 0: [4, 0], 1: [0, 0] },
          },
        },
      },
    ),
    ...overrides,
  });
}

describe('thresholdFailures', () => {
  it('takes the files a glob matches together, and names each figure below its threshold', () => {
    const failures = thresholdFailures(paymentsRun(), {
      'src/pay/**': { mutationScore: 60, lines: 60, branches: 20 },
      'src/**': { mutationScore: 40 },
    });
    // src/pay/**: 2 of 4 detected, 6 of 10 lines, 1 of 4 branches (only the score misses); src/**: 2 of 5, just met.
    expect(failures).toEqual(['src/pay/**: mutation score 50.00 < 60']);
  });

  it('compares unrounded figures and skips what has nothing to count', () => {
    const run = paymentsRun({ coverage: undefined });
    expect(thresholdFailures(run, { 'src/pay/**': { mutationScore: 50, lines: 100 } })).toEqual([]);
    expect(thresholdFailures(run, { 'src/pay/**': { mutationScore: 50.01 } })).toEqual(['src/pay/**: mutation score 50.00 < 50.01']);
  });

  it('says when a glob matches no mutated file, but not after --since (nothing of it changed)', () => {
    expect(thresholdFailures(paymentsRun(), { 'lib/**': { lines: 1 } })).toEqual(['lib/**: matches no mutated file (check "assay.modules" and "mutate")']);
    const since = { ref: 'main', base: 'abc', changed: {} };
    expect(thresholdFailures(paymentsRun({ since }), { 'lib/**': { lines: 1 } })).toEqual([]);
  });

  it('after --since, counts the changed lines only: their code lines and the branches that start on them', () => {
    // Lines 3 and 8–9 changed: code lines 3, 8, 9 (one covered), branch ways on 3 (one of two taken), 8 and 9 (none).
    const since = { ref: 'main', base: 'abc', changed: { 'src/pay/card.ts': [{ start: 3, end: 3 }, { start: 8, end: 9 }] } };
    const failures = thresholdFailures(paymentsRun({ since }), { 'src/pay/**': { lines: 34, branches: 25, mutationScore: 0 } });
    // Lines 1 of 3 (33.33 < 34); branches 1 of 4 (25, just met); mutation score 1 of 3 detected.
    expect(failures).toEqual(['src/pay/** (changed lines): lines 33.33 < 34']);
  });
});
