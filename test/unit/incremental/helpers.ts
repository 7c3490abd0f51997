/** A keyed run on a throwaway project: the pieces the incremental tests build keys from. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DryRunResult } from '../../../src/dry-run/index.js';
import type { Mutant, Options, SourceFile } from '../../../src/model.js';
import type { MutantRun, Plan } from '../../../src/plan/index.js';
import { fileKey } from '../../../src/vitest/session.js';
import { testOptions } from '../../support/options.js';

export const SOURCE = `export function add(a: number, b: number): number {
  return a + b;
}

export function sub(a: number, b: number): number {
  return a - b;
}
`;

export const PROJECT_FILES = {
  'package.json': { type: 'module' },
  'package-lock.json': { lockfileVersion: 3 },
  'vitest.config.ts': 'export default {};\n',
  'src/math.ts': SOURCE,
  'src/other.ts': 'export const other = 1;\n',
  'lib/format.ts': 'export const format = String;\n',
  'test/math.test.ts': "import { add } from '../src/math';\n",
  'test/helper.ts': 'export const two = 2;\n',
};

/** What the test file loaded, as the dry run's import graph records it. */
export const LOADED = ['lib/format.ts', 'src/math.ts', 'test/helper.ts', 'test/math.test.ts'];

export function options(projectRoot: string, overrides: Partial<Options> = {}): Options {
  return testOptions(projectRoot, { mutate: ['src/**'], concurrency: 2, ...overrides });
}

/** The `a + b` → `a - b` mutant of src/math.ts (of `text`), numbered `id`. */
export function addMutant(text: string, id = 1, original = 'a + b'): Mutant {
  const start = text.indexOf(original);
  return {
    id,
    fileName: 'src/math.ts',
    mutatorName: 'ArithmeticOperator',
    start,
    end: start + original.length,
    replacement: original.replace('+', '-'),
    placement: 'expression',
    location: { start: { line: 2, column: 10 }, end: { line: 2, column: 15 } },
  };
}

export function run(projectRoot: string, mutant: Mutant, overrides: Partial<MutantRun> = {}): MutantRun {
  return {
    mutant,
    selection: [{ project: '', moduleId: path.join(projectRoot, 'test/math.test.ts'), testIds: ['t1'] }],
    plannedTests: 1,
    coveredBy: ['t1'],
    static: false,
    expectedMs: 3,
    hitLimit: 10_000,
    ...overrides,
  };
}

export function dry(projectRoot: string, loaded: readonly string[] = LOADED): DryRunResult {
  return {
    tests: [{ id: 't1', name: 'adds', fileName: 'test/math.test.ts', durationMs: 3 }],
    testFile: { t1: { project: '', moduleId: path.join(projectRoot, 'test/math.test.ts') } },
    coverage: { t1: [1] },
    staticIn: {},
    hits: { 1: 1 },
    fileHits: {},
    waitMs: {},
    durationMs: 10,
    threads: 'shared',
    testFiles: { related: 1, found: 1 },
    flaky: [],
    flakyFile: {},
    flakyCoverage: {},
    imports: { loaded: { [fileKey({ project: '', moduleId: path.join(projectRoot, 'test/math.test.ts') })]: [...loaded] }, configFiles: ['vitest.config.ts'] },
  };
}

export async function sourceFiles(projectRoot: string): Promise<SourceFile[]> {
  const text = await readFile(path.join(projectRoot, 'src/math.ts'), 'utf8');
  return [{ path: path.join(projectRoot, 'src/math.ts'), name: 'src/math.ts', text }];
}

export function plan(runs: MutantRun[]): Plan {
  return { runs, settled: [] };
}

export async function append(projectRoot: string, file: string, text: string): Promise<void> {
  await writeFile(path.join(projectRoot, file), (await readFile(path.join(projectRoot, file), 'utf8')) + text);
}
