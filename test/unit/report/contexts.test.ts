import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import type { RunResult } from '../../../src/model.js';
import { CONTEXTS_FILE, whichTests, writeContexts } from '../../../src/report/contexts.js';
import { coverageResult, fileCoverage, runResult } from './fixtures.js';

const SOURCE = ['import { y } from "./y.js";', 'export function f(x) {', '  return x + y;', '}', 'export const z = f(1);', ''].join('\n');

let root: string;

function exampleRun(): RunResult {
  return runResult({
    projectRoot: root,
    files: [
      { name: 'src/a.ts', text: SOURCE },
      { name: 'src/b.ts', text: 'export const b = 1;\n' },
    ],
    tests: [
      { id: 't1', name: 'a > adds', fileName: 'test/a.test.ts', durationMs: 1 },
      { id: 't2', name: 'a > adds again', fileName: 'test/a.test.ts', durationMs: 1 },
      { id: 't3', name: 'b > nothing', fileName: 'test/b.test.ts', durationMs: 1 },
    ],
    coverage: coverageResult(
      {
        'src/a.ts': fileCoverage({ codeLines: [1, 2, 3, 5], uncoveredLines: [] }),
        'src/b.ts': fileCoverage({ codeLines: [1], uncoveredLines: [1] }),
      },
      {
        // A test id the run does not know is dropped.
        lineTests: { 'src/a.ts': { 3: ['t2', 'unknown', 't1'], 5: ['t3'] } },
        staticLines: { 'src/a.ts': [1, 2, 5] },
      },
    ),
  });
}

async function writeProject(): Promise<void> {
  await mkdir(path.join(root, 'src'), { recursive: true });
  await writeFile(path.join(root, 'src', 'a.ts'), SOURCE);
  await writeFile(path.join(root, 'src', 'b.ts'), 'export const b = 1;\n');
  await writeContexts(exampleRun(), path.join(root, CONTEXTS_FILE));
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'assay-contexts-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeContexts and whichTests', () => {
  it('lists the tests that run a covered line, in the saved order', async () => {
    await writeProject();
    expect(await whichTests(root, 'src/a.ts:3')).toEqual([
      'src/a.ts:3 is run by 2 tests:',
      '  test/a.test.ts > a > adds again',
      '  test/a.test.ts > a > adds',
    ]);
  });

  it('says "1 test" for one, and prefers tests over module load when a line has both', async () => {
    await writeProject();
    expect(await whichTests(root, 'src/a.ts:5')).toEqual(['src/a.ts:5 is run by 1 test:', '  test/b.test.ts > b > nothing']);
  });

  it('accepts ./ and absolute paths', async () => {
    await writeProject();
    expect((await whichTests(root, './src/a.ts:3'))[0]).toBe('src/a.ts:3 is run by 2 tests:');
    expect((await whichTests(root, `${path.join(root, 'src', 'a.ts')}:3`))[0]).toBe('src/a.ts:3 is run by 2 tests:');
  });

  it('tells a line run only while modules load', async () => {
    await writeProject();
    expect(await whichTests(root, 'src/a.ts:1')).toEqual([
      'src/a.ts:1 runs only while modules load (or in suite hooks), outside any test',
    ]);
  });

  it('tells an uncovered code line', async () => {
    await writeProject();
    expect(await whichTests(root, 'src/b.ts:1')).toEqual(['src/b.ts:1 is not covered by any test']);
  });

  it('tells a line that holds no statement', async () => {
    await writeProject();
    expect(await whichTests(root, 'src/a.ts:4')).toEqual([
      'src/a.ts:4 holds no statement (blank, a comment, a declaration or part of a longer statement)',
    ]);
  });

  it('refuses a file that was not in the run', async () => {
    await writeProject();
    await writeFile(path.join(root, 'src', 'c.ts'), 'export {};\n');
    const error = await userError(whichTests(root, 'src/c.ts:1'));
    expect(error.message).toBe("src/c.ts was not mutated in the last run: add it to 'mutate' and run 'assay run'");
  });

  it('refuses a file changed since the run as stale', async () => {
    await writeProject();
    await writeFile(path.join(root, 'src', 'a.ts'), `${SOURCE}// edited\n`);
    const error = await userError(whichTests(root, 'src/a.ts:3'));
    expect(error.message).toContain('stale');
    expect(error.message).toContain('src/a.ts');
  });

  it('refuses a file deleted since the run', async () => {
    await writeProject();
    await rm(path.join(root, 'src', 'a.ts'));
    const error = await userError(whichTests(root, 'src/a.ts:3'));
    expect(error.message).toBe('src/a.ts no longer exists');
  });

  it('refuses when no contexts were saved', async () => {
    await mkdir(path.join(root, 'src'), { recursive: true });
    await writeFile(path.join(root, 'src', 'a.ts'), SOURCE);
    const error = await userError(whichTests(root, 'src/a.ts:3'));
    expect(error.message).toContain(CONTEXTS_FILE);
    expect(error.message).toContain("run 'assay run' first");
  });

  it('refuses an unreadable contexts file', async () => {
    await mkdir(path.join(root, 'reports'), { recursive: true });
    await writeFile(path.join(root, CONTEXTS_FILE), '{ not json');
    const error = await userError(whichTests(root, 'src/a.ts:3'));
    expect(error.message).toContain('no saved coverage contexts');
  });

  it.each(['src/a.ts', 'src/a.ts:', 'src/a.ts:x', ':3', 'src/a.ts:3-4'])('refuses the malformed spec %j', async (spec) => {
    await writeProject();
    const error = await userError(whichTests(root, spec));
    expect(error.message).toBe(`which-tests takes <file>:<line>, e.g. src/cart.ts:42; got '${spec}'`);
  });

  it('saves tests by index, file hashes, code and static lines', async () => {
    await writeProject();
    const saved = JSON.parse(await readFile(path.join(root, CONTEXTS_FILE), 'utf8')) as {
      version: number;
      tests: unknown[];
      files: Record<string, { sha256: string; codeLines: number[]; staticLines: number[]; lines: Record<string, number[]> }>;
    };
    expect(saved.version).toBe(1);
    expect(saved.tests).toEqual([
      { id: 't1', name: 'a > adds', fileName: 'test/a.test.ts' },
      { id: 't2', name: 'a > adds again', fileName: 'test/a.test.ts' },
      { id: 't3', name: 'b > nothing', fileName: 'test/b.test.ts' },
    ]);
    expect(saved.files['src/a.ts']).toMatchObject({ codeLines: [1, 2, 3, 5], staticLines: [1, 2, 5], lines: { 3: [1, 0], 5: [2] } });
    expect(saved.files['src/a.ts'].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.files['src/b.ts']).toMatchObject({ codeLines: [1], staticLines: [], lines: {} });
  });

  it('writes nothing when the run measured no coverage', async () => {
    const result = exampleRun();
    delete result.coverage;
    await writeContexts(result, path.join(root, CONTEXTS_FILE));
    await expect(access(path.join(root, CONTEXTS_FILE))).rejects.toThrow();
  });
});
