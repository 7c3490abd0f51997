import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import libCoverage from 'istanbul-lib-coverage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeCoverageFiles } from '../../../src/report/coverage-files.js';
import { coverageResult, runResult } from './fixtures.js';

let root: string;

/** istanbul data for a file with one statement per line, hit `hits[i]` times on line i + 1. */
function istanbulFile(file: string, hits: number[]): libCoverage.FileCoverageData {
  const statementMap = Object.fromEntries(
    hits.map((_, i) => [String(i), { start: { line: i + 1, column: 0 }, end: { line: i + 1, column: 10 } }]),
  );
  const s = Object.fromEntries(hits.map((count, i) => [String(i), count]));
  return libCoverage.createFileCoverage({ path: file, statementMap, fnMap: {}, branchMap: {}, s, f: {}, b: {} }).data;
}

function exampleRun() {
  const a = path.join(root, 'src', 'a.ts');
  const c = path.join(root, 'lib', 'c.ts');
  return runResult({
    projectRoot: root,
    coverage: coverageResult({}, { istanbul: { [a]: istanbulFile(a, [1, 0, 3]), [c]: istanbulFile(c, [2, 2]) } }),
  });
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'assay-coverage-files-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('writeCoverageFiles', () => {
  it('writes istanbul\'s coverage map as coverage-final.json', async () => {
    const result = exampleRun();
    const directory = path.join(root, 'reports', 'coverage');
    await writeCoverageFiles(result, directory);
    const written: unknown = JSON.parse(await readFile(path.join(directory, 'coverage-final.json'), 'utf8'));
    expect(written).toEqual(result.coverage?.istanbul);
  });

  it('writes lcov.info with paths relative to the project root and line counts', async () => {
    const directory = path.join(root, 'reports', 'coverage');
    await writeCoverageFiles(exampleRun(), directory);
    const lcov = (await readFile(path.join(directory, 'lcov.info'), 'utf8')).split('\n');
    const records = lcov.join('\n').split('end_of_record').filter((record) => record.trim() !== '');
    expect(records).toHaveLength(2);
    const record = (name: string) => {
      const found = records.find((text) => text.includes(`SF:${name}\n`));
      expect(found, name).toBeDefined();
      return found!.split('\n').filter((line) => line !== '');
    };
    const a = record('src/a.ts');
    expect(a).toContain('DA:1,1');
    expect(a).toContain('DA:2,0');
    expect(a).toContain('DA:3,3');
    expect(a).toContain('LF:3');
    expect(a).toContain('LH:2');
    const c = record('lib/c.ts');
    expect(c).toContain('LF:2');
    expect(c).toContain('LH:2');
    expect(lcov.filter((line) => line.startsWith('SF:')).sort()).toEqual(['SF:lib/c.ts', 'SF:src/a.ts']);
  });

  it('writes nothing when the run measured no coverage', async () => {
    const directory = path.join(root, 'reports', 'coverage');
    await writeCoverageFiles(runResult({ projectRoot: root }), directory);
    await expect(access(directory)).rejects.toThrow();
  });
});
