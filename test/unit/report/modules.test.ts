import { describe, expect, it } from 'vitest';
import { moduleRows } from '../../../src/report/modules.js';
import { coverageResult, figure, fileCoverage, mutantOnLine, runResult } from './fixtures.js';

const files = (...names: string[]) => names.map((name) => ({ name, text: '' }));

function threeFileRun() {
  return runResult({
    files: files('src/a.ts', 'src/util/b.ts', 'lib/c.ts'),
    mutants: [
      mutantOnLine('Killed', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 5, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 2, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 2, { fileName: 'src/a.ts' }),
      mutantOnLine('NoCoverage', 7, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Timeout', 4, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Killed', 1, { fileName: 'lib/c.ts' }),
    ],
    coverage: coverageResult({
      'src/a.ts': fileCoverage({
        lines: figure(30, 40),
        branches: figure(1, 2),
        functions: figure(2, 2),
        statements: figure(30, 40),
      }),
      'src/util/b.ts': fileCoverage({
        lines: figure(27, 60),
        branches: figure(0, 0),
        functions: figure(1, 3),
        statements: figure(27, 60),
      }),
      'lib/c.ts': fileCoverage({
        lines: figure(1, 3),
        branches: figure(1, 1),
        functions: figure(0, 1),
        statements: figure(1, 3),
      }),
    }),
  });
}

describe('moduleRows', () => {
  it('puts "All files" first, then directories right before their files, in name order', () => {
    const rows = moduleRows(threeFileRun());
    expect(rows.map((row) => [row.name, row.kind])).toEqual([
      ['All files', 'all'],
      ['lib/', 'directory'],
      ['lib/c.ts', 'file'],
      ['src/', 'directory'],
      ['src/a.ts', 'file'],
      ['src/util/', 'directory'],
      ['src/util/b.ts', 'file'],
    ]);
  });

  it('sums coverage figures of a directory and floors pct to two decimals as istanbul does', () => {
    const rows = new Map(moduleRows(threeFileRun()).map((row) => [row.name, row]));
    // 57 of 100: a naive (57 / 100) * 10_000 floors to 56.99.
    expect(rows.get('src/')?.coverage).toEqual({
      lines: { covered: 57, total: 100, pct: 57 },
      branches: { covered: 1, total: 2, pct: 50 },
      functions: { covered: 3, total: 5, pct: 60 },
      statements: { covered: 57, total: 100, pct: 57 },
    });
    expect(rows.get('All files')?.coverage).toEqual({
      lines: { covered: 58, total: 103, pct: 56.31 },
      // 2 of 3 is 66.666…: floored, not rounded.
      branches: { covered: 2, total: 3, pct: 66.66 },
      functions: { covered: 3, total: 6, pct: 50 },
      statements: { covered: 58, total: 103, pct: 56.31 },
    });
    expect(rows.get('src/util/')?.coverage?.lines).toEqual({ covered: 27, total: 60, pct: 45 });
    expect(rows.get('lib/')?.coverage?.lines).toEqual({ covered: 1, total: 3, pct: 33.33 });
  });

  it('gives file rows their own coverage figures unchanged', () => {
    const rows = new Map(moduleRows(threeFileRun()).map((row) => [row.name, row]));
    expect(rows.get('src/util/b.ts')?.coverage).toEqual({
      lines: { covered: 27, total: 60, pct: 45 },
      branches: { covered: 0, total: 0, pct: 100 },
      functions: { covered: 1, total: 3, pct: 33.33 },
      statements: { covered: 27, total: 60, pct: 45 },
    });
  });

  it('scores each row from the mutants of its files', () => {
    const rows = new Map(moduleRows(threeFileRun()).map((row) => [row.name, row]));
    expect(rows.get('src/')?.scores).toMatchObject({ killed: 1, survived: 4, timeout: 1, noCoverage: 1, total: 7 });
    expect(rows.get('src/')?.scores.mutationScore).toBeCloseTo((2 / 7) * 100, 10);
    expect(rows.get('src/util/')?.scores).toMatchObject({ killed: 0, survived: 1, timeout: 1, noCoverage: 0, total: 2 });
    expect(rows.get('lib/')?.scores).toMatchObject({ killed: 1, survived: 0, total: 1, mutationScore: 100 });
    expect(rows.get('All files')?.scores).toMatchObject({ killed: 2, survived: 4, timeout: 1, noCoverage: 1, total: 8 });
  });

  it('counts unverified lines per file and sums them for rollups; only files list them', () => {
    const rows = moduleRows(threeFileRun());
    expect(rows.map((row) => [row.name, row.unverified, row.unverifiedLines])).toEqual([
      ['All files', 3, undefined],
      ['lib/', 0, undefined],
      ['lib/c.ts', 0, []],
      ['src/', 3, undefined],
      ['src/a.ts', 2, [2, 5]],
      ['src/util/', 1, undefined],
      ['src/util/b.ts', 1, [3]],
    ]);
  });

  it('omits a directory that holds every file', () => {
    const nested = moduleRows(runResult({ files: files('src/a.ts', 'src/x/b.ts', 'src/x/c.ts') }));
    expect(nested.map((row) => row.name)).toEqual(['All files', 'src/a.ts', 'src/x/', 'src/x/b.ts', 'src/x/c.ts']);
    const single = moduleRows(runResult({ files: files('src/deep/a.ts') }));
    expect(single.map((row) => row.name)).toEqual(['All files', 'src/deep/a.ts']);
  });

  it('has no directory rows for files at the root, and keeps a file before a same-named directory', () => {
    const root = moduleRows(runResult({ files: files('a.ts', 'b.ts') }));
    expect(root.map((row) => row.name)).toEqual(['All files', 'a.ts', 'b.ts']);
    const rows = moduleRows(runResult({ files: files('src/util.ts', 'src/util/b.ts', 'src/z.ts', 'test.ts') }));
    expect(rows.map((row) => row.name)).toEqual([
      'All files',
      'src/',
      'src/util.ts',
      'src/util/',
      'src/util/b.ts',
      'src/z.ts',
      'test.ts',
    ]);
  });

  it('includes files that only appear through their mutants', () => {
    const rows = moduleRows(runResult({ files: files('a.ts'), mutants: [mutantOnLine('Survived', 4, { fileName: 'b.ts' })] }));
    expect(rows.map((row) => [row.name, row.unverified])).toEqual([
      ['All files', 1],
      ['a.ts', 0],
      ['b.ts', 1],
    ]);
  });

  it('leaves coverage out of every row when the run measured none', () => {
    const result = threeFileRun();
    delete result.coverage;
    for (const row of moduleRows(result)) expect(row.coverage).toBeUndefined();
  });

  it('counts a file without coverage figures as 0 of 0 in rollups', () => {
    const result = runResult({
      files: files('a.ts', 'b.ts'),
      coverage: coverageResult({ 'a.ts': fileCoverage({ lines: figure(1, 4) }) }),
    });
    const rows = new Map(moduleRows(result).map((row) => [row.name, row]));
    expect(rows.get('b.ts')?.coverage).toBeUndefined();
    expect(rows.get('All files')?.coverage?.lines).toEqual({ covered: 1, total: 4, pct: 25 });
    expect(rows.get('All files')?.coverage?.branches).toEqual({ covered: 0, total: 0, pct: 100 });
  });
});
