import { describe, expect, it } from 'vitest';
import { formatScore, scoreMutants, scoreRun } from '../../../src/report/scores.js';
import { mutant, mutants, runResult } from './fixtures.js';

describe('scoreMutants', () => {
  it('counts every status and computes both scores', () => {
    const scores = scoreMutants([
      ...mutants(5, 'Killed'),
      ...mutants(1, 'Timeout'),
      ...mutants(2, 'Survived'),
      ...mutants(1, 'NoCoverage'),
      ...mutants(1, 'RuntimeError'),
      ...mutants(2, 'CompileError'),
      ...mutants(3, 'Ignored'),
    ]);
    expect(scores).toEqual({
      killed: 5,
      timeout: 1,
      survived: 2,
      noCoverage: 1,
      errors: 3,
      ignored: 3,
      total: 15,
      mutationScore: (6 / 9) * 100,
      coveredScore: (6 / 8) * 100,
    });
  });

  it('leaves errors and ignored mutants out of both scores', () => {
    const scores = scoreMutants([...mutants(1, 'Killed'), ...mutants(1, 'Survived'), ...mutants(4, 'RuntimeError'), ...mutants(4, 'Ignored')]);
    expect(scores.mutationScore).toBe(50);
    expect(scores.coveredScore).toBe(50);
  });

  it('has undefined (NaN) scores without valid mutants', () => {
    const scores = scoreMutants([...mutants(2, 'Ignored'), ...mutants(1, 'CompileError')]);
    expect(scores.mutationScore).toBeNaN();
    expect(scores.coveredScore).toBeNaN();
    expect(scoreMutants([]).mutationScore).toBeNaN();
  });

  it('gives a covered score of 0, as Stryker does, when every valid mutant is NoCoverage', () => {
    const scores = scoreMutants(mutants(3, 'NoCoverage'));
    expect(scores.mutationScore).toBe(0);
    expect(scores.coveredScore).toBe(0);
  });

  it('counts timeouts as detected', () => {
    expect(scoreMutants([...mutants(1, 'Timeout'), ...mutants(3, 'Survived')]).mutationScore).toBe(25);
  });
});

describe('scoreRun', () => {
  it('scores each file, sorted by name, including files without mutants, and the total', () => {
    const result = runResult({
      files: [
        { name: 'src/z.ts', text: '' },
        { name: 'src/empty.ts', text: '' },
        { name: 'src/a.ts', text: '' },
      ],
      mutants: [...mutants(3, 'Killed', 'src/z.ts'), mutant('Survived', { fileName: 'src/a.ts' })],
    });
    const { files, total } = scoreRun(result);
    expect(files.map((file) => [file.fileName, file.total, formatScore(file.mutationScore)])).toEqual([
      ['src/a.ts', 1, '0.00'],
      ['src/empty.ts', 0, 'n/a'],
      ['src/z.ts', 3, '100.00'],
    ]);
    expect(total.total).toBe(4);
    expect(total.mutationScore).toBe(75);
  });
});

describe('formatScore', () => {
  it('rounds to two decimals and shows NaN as n/a', () => {
    expect(formatScore((2 / 3) * 100)).toBe('66.67');
    expect(formatScore(100)).toBe('100.00');
    expect(formatScore(NaN)).toBe('n/a');
  });
});
