import { describe, expect, it } from 'vitest';
import { testPriorities } from '../../../src/report/test-priorities.js';
import { coverageResult, figure, fileCoverage, mutantOnLine, runResult } from './fixtures.js';

/** `n` lines of code. */
const code = (n: number) => Array.from({ length: n }, (_, i) => `export const x${i} = ${i};`).join('\n');

function exampleRun() {
  return runResult({
    files: [
      { name: 'src/b.ts', text: code(4) },
      { name: 'src/a.ts', text: code(6) },
      { name: 'src/c.ts', text: code(9) },
      { name: 'src/done.ts', text: code(2) },
      { name: 'src/z.ts', text: code(3) },
      { name: 'src/e.ts', text: code(3) },
      { name: 'src/types.ts', text: 'export type T = number;' },
      { name: 'src/broken.ts', text: code(5) },
    ],
    mutants: [
      mutantOnLine('Survived', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('NoCoverage', 3, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 1, { fileName: 'src/b.ts' }),
      mutantOnLine('Survived', 2, { fileName: 'src/b.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/b.ts' }),
      mutantOnLine('Killed', 1, { fileName: 'src/done.ts' }),
      mutantOnLine('NoCoverage', 1, { fileName: 'src/e.ts' }),
    ],
    coverage: coverageResult({
      'src/a.ts': fileCoverage({ codeLines: [1, 2, 3, 4], uncoveredLines: [3, 4] }),
      'src/b.ts': fileCoverage({ codeLines: [1, 2, 3, 4], uncoveredLines: [] }),
      'src/c.ts': fileCoverage({ codeLines: [1, 2, 3, 4, 5, 6, 7], uncoveredLines: [3, 4, 5, 6, 7] }),
      'src/done.ts': fileCoverage({ codeLines: [1, 2], uncoveredLines: [] }),
      'src/z.ts': fileCoverage({ codeLines: [1, 2, 3], uncoveredLines: [1, 2, 3] }),
      'src/e.ts': fileCoverage({ codeLines: [1], uncoveredLines: [1] }),
      // Nothing istanbul counts: 0 of 0 is not "unreached".
      'src/types.ts': fileCoverage({ lines: figure(0, 0) }),
      // src/broken.ts has no figures at all.
    }),
  });
}

describe('testPriorities', () => {
  it('ranks files by uncovered plus unverified lines, then by name; drops files with neither', () => {
    expect(testPriorities(exampleRun()).ranked).toEqual([
      { fileName: 'src/c.ts', uncovered: 5, unverified: 0, linesOfCode: 9 },
      { fileName: 'src/a.ts', uncovered: 2, unverified: 1, linesOfCode: 6 },
      { fileName: 'src/b.ts', uncovered: 0, unverified: 3, linesOfCode: 4 },
    ]);
  });

  it('lists files with code but no covered line as unreached, sorted, and not in the ranking', () => {
    const { ranked, unreached } = testPriorities(exampleRun());
    expect(unreached).toEqual(['src/e.ts', 'src/z.ts']);
    expect(ranked.map((entry) => entry.fileName)).not.toContain('src/z.ts');
  });

  it('is empty without coverage', () => {
    const result = exampleRun();
    delete result.coverage;
    expect(testPriorities(result)).toEqual({ ranked: [], unreached: [] });
  });

  it('counts lines of code without blank and comment-only lines', () => {
    const text = [
      '/**',
      ' * Docs.',
      ' */',
      'import x from "x";',
      '',
      '   ',
      '// a comment',
      '  // indented comment',
      '/* block */',
      'export function f() {',
      '  return x; // trailing comment counts as code',
      '}',
      '',
    ].join('\n');
    const result = runResult({
      files: [{ name: 'a.ts', text }],
      coverage: coverageResult({ 'a.ts': fileCoverage({ codeLines: [4, 11], uncoveredLines: [11] }) }),
    });
    expect(testPriorities(result).ranked).toEqual([{ fileName: 'a.ts', uncovered: 1, unverified: 0, linesOfCode: 4 }]);
  });
});
