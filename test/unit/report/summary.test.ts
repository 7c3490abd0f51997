import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { summarise, writeSummary } from '../../../src/report/summary.js';
import { coverageResult, figure, fileCoverage, mutantOnLine, runResult } from './fixtures.js';

function exampleRun() {
  return runResult({
    files: [
      { name: 'src/a.ts', text: '' },
      { name: 'src/util/b.ts', text: '' },
      { name: 'lib/c.ts', text: '' },
    ],
    mutants: [
      mutantOnLine('Killed', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('Killed', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 2, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 7, { fileName: 'src/a.ts' }),
      mutantOnLine('NoCoverage', 8, { fileName: 'src/a.ts' }),
      mutantOnLine('Timeout', 9, { fileName: 'src/a.ts' }),
      mutantOnLine('RuntimeError', 9, { fileName: 'src/a.ts' }),
      mutantOnLine('CompileError', 9, { fileName: 'src/a.ts' }),
      mutantOnLine('Killed', 1, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Killed', 2, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/util/b.ts' }),
      // lib/c.ts: no valid mutant, so no score.
      mutantOnLine('Ignored', 1, { fileName: 'lib/c.ts' }),
    ],
    coverage: coverageResult({
      'src/a.ts': fileCoverage({
        lines: figure(9, 10),
        branches: figure(1, 3),
        functions: figure(2, 2),
        statements: figure(10, 12),
      }),
      'src/util/b.ts': fileCoverage({
        lines: figure(3, 3),
        branches: figure(0, 0),
        functions: figure(1, 1),
        statements: figure(3, 3),
      }),
      'lib/c.ts': fileCoverage({
        lines: figure(0, 2),
        branches: figure(0, 0),
        functions: figure(0, 1),
        statements: figure(0, 2),
      }),
    }),
  });
}

describe('summarise', () => {
  it('has files, directories and total, each with coverage, mutation figures and unverified ranges', () => {
    expect(summarise(exampleRun())).toEqual({
      files: {
        'lib/c.ts': {
          lines: 0,
          branches: 100,
          functions: 0,
          statements: 0,
          mutationScore: null,
          mutationScoreCovered: null,
          killed: 0,
          survived: 0,
          timeout: 0,
          noCoverage: 0,
          errors: 0,
          unverified: 0,
          unverifiedLines: [],
        },
        'src/a.ts': {
          lines: 90,
          branches: 33.33,
          functions: 100,
          statements: 83.33,
          // 3 detected of 8 valid; 3 of 7 covered.
          mutationScore: 37.5,
          mutationScoreCovered: 42.86,
          killed: 2,
          survived: 4,
          timeout: 1,
          noCoverage: 1,
          errors: 2,
          unverified: 3,
          unverifiedLines: [
            { start: 2, end: 3 },
            { start: 7, end: 7 },
          ],
        },
        'src/util/b.ts': {
          lines: 100,
          branches: 100,
          functions: 100,
          statements: 100,
          mutationScore: 66.67,
          mutationScoreCovered: 66.67,
          killed: 2,
          survived: 1,
          timeout: 0,
          noCoverage: 0,
          errors: 0,
          unverified: 1,
          unverifiedLines: [{ start: 3, end: 3 }],
        },
      },
      directories: {
        'lib/': {
          lines: 0,
          branches: 100,
          functions: 0,
          statements: 0,
          mutationScore: null,
          mutationScoreCovered: null,
          killed: 0,
          survived: 0,
          timeout: 0,
          noCoverage: 0,
          errors: 0,
          unverified: 0,
          unverifiedLines: [],
        },
        'src/': {
          lines: 92.3,
          branches: 33.33,
          functions: 100,
          statements: 86.66,
          // 5 of 11 valid; 5 of 10 covered.
          mutationScore: 45.45,
          mutationScoreCovered: 50,
          killed: 4,
          survived: 5,
          timeout: 1,
          noCoverage: 1,
          errors: 2,
          unverified: 4,
          unverifiedLines: [],
        },
        'src/util/': {
          lines: 100,
          branches: 100,
          functions: 100,
          statements: 100,
          mutationScore: 66.67,
          mutationScoreCovered: 66.67,
          killed: 2,
          survived: 1,
          timeout: 0,
          noCoverage: 0,
          errors: 0,
          unverified: 1,
          unverifiedLines: [],
        },
      },
      total: {
        lines: 80,
        branches: 33.33,
        functions: 75,
        statements: 76.47,
        mutationScore: 45.45,
        mutationScoreCovered: 50,
        killed: 4,
        survived: 5,
        timeout: 1,
        noCoverage: 1,
        errors: 2,
        unverified: 4,
        unverifiedLines: [],
      },
      run: { dryRunMs: 300, executeMs: 600, mutantsRun: 0, testMs: 0, concurrency: 2, threads: 'shared' },
      flakyTests: [],
    });
  });

  it('has null coverage figures when the run measured none', () => {
    const result = exampleRun();
    delete result.coverage;
    const summary = summarise(result);
    for (const module of [summary.total, ...Object.values(summary.files), ...Object.values(summary.directories)]) {
      expect([module.lines, module.branches, module.functions, module.statements]).toEqual([null, null, null, null]);
    }
    expect(summary.total.mutationScore).toBe(45.45);
  });

  it('has null scores for a run without valid mutants, and no directories for root files', () => {
    const summary = summarise(runResult({ files: [{ name: 'a.ts', text: '' }] }));
    expect(summary.directories).toEqual({});
    expect(Object.keys(summary.files)).toEqual(['a.ts']);
    expect(summary.total).toMatchObject({ mutationScore: null, mutationScoreCovered: null, unverified: 0, lines: null });
  });

  it('counts the Pending mutants of an interrupted run apart, and leaves them out of the score', () => {
    const summary = summarise(
      runResult({ interrupted: true, mutants: [mutantOnLine('Killed', 1, { fileName: 'a.ts' }), mutantOnLine('Pending', 2, { fileName: 'a.ts' }), mutantOnLine('Pending', 3, { fileName: 'a.ts' })] }),
    );
    expect(summary.pending).toBe(2);
    expect(summary.total.mutationScore).toBe(100);
    expect(summarise(runResult()).pending).toBeUndefined();
  });

  it('lists the flaky tests', () => {
    const flakyTests = [{ id: 't1', name: 'greets', fileName: 'test/a.test.ts', reason: 'passed, then failed in a second run' }];
    expect(summarise(runResult({ flakyTests })).flakyTests).toEqual(flakyTests);
  });

  it('gives a covered score of 0, not null, when every valid mutant is NoCoverage', () => {
    const summary = summarise(runResult({ mutants: [mutantOnLine('NoCoverage', 1, { fileName: 'a.ts' })] }));
    expect(summary.total.mutationScore).toBe(0);
    expect(summary.total.mutationScoreCovered).toBe(0);
  });
});

describe('writeSummary', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });

  it('writes the summary as indented JSON, creating the directory, with null for n/a', async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'assay-summary-'));
    const file = path.join(directory, 'reports', 'nested', 'assay-summary.json');
    const result = exampleRun();
    await writeSummary(summarise(result), file);
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "files": {\n    "lib/c.ts": {\n      "lines": 0,');
    expect(text).toContain('"mutationScore": null');
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toEqual(summarise(result));
    expect(Object.keys(parsed as object)).toEqual(['files', 'directories', 'total', 'run', 'flakyTests']);
  });
});
