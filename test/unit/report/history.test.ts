import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  gitCommit,
  historyEntry,
  historyLine,
  notRecordedBecause,
  parseHistory,
  recordHistory,
  skippedLinesWarning,
  type HistoryEntry,
} from '../../../src/report/history.js';
import { summarise } from '../../../src/report/summary.js';
import { coverageResult, figure, fileCoverage, mutantOnLine, runResult } from './fixtures.js';
import { GitRepo } from '../../support/git-repo.js';

/** src/a.ts (2 of 4 detected), src/util/b.ts (1 of 2), lib/c.ts (no valid mutant: no score). */
function exampleRun(projectRoot = '/project') {
  return runResult({
    projectRoot,
    files: [
      { name: 'src/a.ts', text: '' },
      { name: 'src/util/b.ts', text: '' },
      { name: 'lib/c.ts', text: '' },
    ],
    mutants: [
      mutantOnLine('Killed', 1, { fileName: 'src/a.ts' }),
      mutantOnLine('Timeout', 2, { fileName: 'src/a.ts' }),
      mutantOnLine('Survived', 3, { fileName: 'src/a.ts' }),
      mutantOnLine('NoCoverage', 4, { fileName: 'src/a.ts' }),
      mutantOnLine('Killed', 1, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Survived', 2, { fileName: 'src/util/b.ts' }),
      mutantOnLine('Ignored', 1, { fileName: 'lib/c.ts' }),
    ],
    coverage: coverageResult({
      'src/a.ts': fileCoverage({ lines: figure(9, 10), branches: figure(1, 3) }),
      'src/util/b.ts': fileCoverage({ lines: figure(3, 3), branches: figure(2, 2) }),
      'lib/c.ts': fileCoverage({ lines: figure(0, 4), branches: figure(0, 0) }),
    }),
  });
}

const DATE = new Date('2025-05-02T09:30:00.000Z');

describe('historyEntry and historyLine', () => {
  it('keep per module — All files, directories, files — the mutation score, lines and branches, on one JSON line', () => {
    const entry = historyEntry(summarise(exampleRun()), { date: DATE, assay: '0.1.0', commit: 'a'.repeat(40) });
    expect(historyLine(entry)).toBe(
      `{"date":"2025-05-02T09:30:00.000Z","assay":"0.1.0","commit":"${'a'.repeat(40)}","modules":{` +
        '"All files":{"mutationScore":50,"lines":70.58,"branches":60},' +
        '"lib/":{"mutationScore":null,"lines":0,"branches":100},' +
        '"lib/c.ts":{"mutationScore":null,"lines":0,"branches":100},' +
        '"src/":{"mutationScore":50,"lines":92.3,"branches":60},' +
        '"src/a.ts":{"mutationScore":50,"lines":90,"branches":33.33},' +
        '"src/util/":{"mutationScore":50,"lines":100,"branches":100},' +
        '"src/util/b.ts":{"mutationScore":50,"lines":100,"branches":100}}}\n',
    );
  });

  it('leave the commit out when there is none', () => {
    const entry = historyEntry(summarise(exampleRun()), { date: DATE, assay: '0.1.0' });
    expect(Object.keys(entry)).toEqual(['date', 'assay', 'modules']);
  });
});

describe('notRecordedBecause', () => {
  it('records complete full runs only', () => {
    expect(notRecordedBecause(exampleRun())).toBeUndefined();
    expect(notRecordedBecause(runResult({ interrupted: true }))).toBe('the run was interrupted');
    expect(notRecordedBecause(runResult({ since: { ref: 'origin/main', base: 'b'.repeat(40), changed: {} } }))).toBe(
      'only lines changed since origin/main were mutated',
    );
    const shard = { index: 1, count: 2, mutants: 10, fingerprint: 'f', partition: 'p' };
    expect(notRecordedBecause({ ...runResult(), shard } as ReturnType<typeof runResult>)).toBe('a shard holds part of the mutants only');
  });
});

describe('parseHistory', () => {
  const line = (date: string) => historyLine({ date, assay: '0.1.0', modules: { 'All files': { mutationScore: 50, lines: 90, branches: null } } });

  it('reads entries in order, ignores blank lines and skips lines that are not entries', () => {
    const text = [
      line('2025-05-01T10:00:00.000Z'),
      '\n',
      '{"date":"2025-05-01T11:00:00.000Z","assay":"0.1.0","mod', // cut short
      '\n',
      line('2025-05-02T10:00:00.000Z'),
      '{"date":"yesterday","assay":"0.1.0","modules":{}}\n',
      '[1, 2]\n',
      '{"date":"2025-05-03T10:00:00.000Z","assay":"0.1.0","modules":{"All files":{"mutationScore":"50","lines":1,"branches":1}}}\n',
    ].join('');
    const history = parseHistory(text);
    expect(history.entries.map((entry) => entry.date)).toEqual(['2025-05-01T10:00:00.000Z', '2025-05-02T10:00:00.000Z']);
    expect(history.skippedLines).toEqual([3, 5, 6, 7]);
  });

  it('gives an empty history for an empty file', () => {
    expect(parseHistory('')).toEqual({ entries: [], skippedLines: [] });
  });
});

describe('skippedLinesWarning', () => {
  it('names the lines skipped', () => {
    expect(skippedLinesWarning('h.jsonl', [3])).toBe('h.jsonl: skipped line 3, which is not a history entry');
    expect(skippedLinesWarning('h.jsonl', [3, 5, 6])).toBe('h.jsonl: skipped lines 3, 5 and 6, which are not history entries');
    expect(skippedLinesWarning('h.jsonl', Array.from({ length: 12 }, (_, i) => i + 1))).toBe(
      'h.jsonl: skipped lines 1, 2, 3, 4, 5, 6, 7, 8, 9 and 10 (and 2 more), which are not history entries',
    );
  });
});

describe('recordHistory', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('appends a complete run, creating the file, and returns the entries with it last', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-history-'));
    const file = path.join(dir, 'reports', 'assay-history.jsonl');
    const warnings: string[] = [];
    const where = { file, label: 'reports/assay-history.jsonl' };
    const info = { assay: '0.1.0', warn: (message: string) => warnings.push(message) };
    const first = await recordHistory(exampleRun(dir), where, { ...info, date: new Date('2025-05-01T10:00:00.000Z') });
    const second = await recordHistory(exampleRun(dir), where, { ...info, date: DATE });
    expect(first.map((entry) => entry.date)).toEqual(['2025-05-01T10:00:00.000Z']);
    expect(second.map((entry) => entry.date)).toEqual(['2025-05-01T10:00:00.000Z', '2025-05-02T09:30:00.000Z']);
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[1]) as HistoryEntry).toEqual(second[1]);
    expect(second[1].commit).toBeUndefined(); // a temp dir is not in a git repository
    expect(warnings).toEqual([]);
  });

  it('does not append an interrupted, --since or shard run, but returns the history for the chart', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-history-'));
    const file = path.join(dir, 'assay-history.jsonl');
    const where = { file, label: 'assay-history.jsonl' };
    const info = { assay: '0.1.0', warn: () => undefined, date: DATE };
    await recordHistory(exampleRun(dir), where, info);
    const before = await readFile(file, 'utf8');
    const since = { ref: 'main', base: 'c'.repeat(40), changed: {} };
    const shard = { index: 1, count: 2, mutants: 10, fingerprint: 'f', partition: 'p' };
    for (const result of [{ ...exampleRun(dir), interrupted: true }, { ...exampleRun(dir), since }, { ...exampleRun(dir), shard }]) {
      expect(await recordHistory(result as ReturnType<typeof exampleRun>, where, info)).toHaveLength(1);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('warns about lines it skips, and starts its line on a line of its own after a cut-short one', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-history-'));
    const file = path.join(dir, 'assay-history.jsonl');
    const good = historyLine(historyEntry(summarise(exampleRun(dir)), { date: DATE, assay: '0.1.0' }));
    await writeFile(file, `${good}{"date":"2025-05-0`);
    const warnings: string[] = [];
    const entries = await recordHistory(exampleRun(dir), { file, label: 'assay-history.jsonl' }, { assay: '0.1.0', date: DATE, warn: (m) => warnings.push(m) });
    expect(entries).toHaveLength(2);
    expect(warnings).toEqual(['assay-history.jsonl: skipped line 2, which is not a history entry']);
    const history = parseHistory(await readFile(file, 'utf8'));
    expect(history.entries).toHaveLength(2);
    expect(history.skippedLines).toEqual([2]);
  });
});

describe('gitCommit', () => {
  let repo: GitRepo | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await repo?.remove();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it("is HEAD's commit in a repository, and undefined outside one or before the first commit", async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-history-nogit-'));
    expect(await gitCommit(dir)).toBeUndefined();
    repo = await GitRepo.init();
    expect(await gitCommit(repo.dir)).toBeUndefined();
    await repo.write({ 'a.txt': 'a\n' });
    const head = await repo.commit('first');
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(await gitCommit(repo.dir)).toBe(head);
  });
});
