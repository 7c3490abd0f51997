import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { historyLine, type HistoryEntry } from '../../../src/report/history.js';
import { change, renderTrend, trendReport } from '../../../src/report/trend.js';

type Triple = [number | null, number | null, number | null];
const figures = ([mutationScore, lines, branches]: Triple) => ({ mutationScore, lines, branches });

function entry(date: string, commit: string | undefined, modules: Record<string, Triple>): HistoryEntry {
  return {
    date,
    assay: '0.1.0',
    ...(commit !== undefined && { commit }),
    modules: Object.fromEntries(Object.entries(modules).map(([name, triple]) => [name, figures(triple)])),
  };
}

const ENTRIES = [
  entry('2025-05-01T10:00:00.000Z', '1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d', { 'All files': [40, 100, 100], 'src/a.ts': [40, 100, 100] }),
  entry('2025-05-02T09:30:00.000Z', undefined, { 'All files': [42.5, 100, 90], 'src/a.ts': [42.5, 100, 90] }),
  entry('2025-05-03T18:05:59.000Z', '5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e', { 'All files': [41.5, 98.25, null], 'src/': [41.5, 98.25, null], 'src/b.ts': [41.5, 98.25, null] }),
];
const LABEL = 'reports/assay-history.jsonl';

const HEAD = [
  '┌──────────────────┬─────────┬─────────┬────────┬─────────┬────────┬────────────┬────────┐',
  '│ Run (UTC)        │ Commit  │ % score │ change │ % lines │ change │ % branches │ change │',
  '├──────────────────┼─────────┼─────────┼────────┼─────────┼────────┼────────────┼────────┤',
];
const FOOT = '└──────────────────┴─────────┴─────────┴────────┴─────────┴────────┴────────────┴────────┘';

describe('renderTrend', () => {
  it('prints a table per module, All files first, each run with the change since the run before', () => {
    expect(renderTrend(ENTRIES, { last: 5 }, LABEL)).toBe(
      [
        'Trend over all 3 runs in reports/assay-history.jsonl:',
        '',
        'All files',
        ...HEAD,
        '│ 2025-05-01 10:00 │ 1a2b3c4 │   40.00 │        │  100.00 │        │     100.00 │        │',
        '│ 2025-05-02 09:30 │         │   42.50 │  +2.50 │  100.00 │     ±0 │      90.00 │ -10.00 │',
        '│ 2025-05-03 18:05 │ 5d6e7f8 │   41.50 │  -1.00 │   98.25 │  -1.75 │        n/a │        │',
        FOOT,
        '',
        'src/',
        ...HEAD,
        '│ 2025-05-01 10:00 │ 1a2b3c4 │     n/a │        │     n/a │        │        n/a │        │',
        '│ 2025-05-02 09:30 │         │     n/a │        │     n/a │        │        n/a │        │',
        '│ 2025-05-03 18:05 │ 5d6e7f8 │   41.50 │        │   98.25 │        │        n/a │        │',
        FOOT,
        '',
        'src/a.ts',
        ...HEAD,
        '│ 2025-05-01 10:00 │ 1a2b3c4 │   40.00 │        │  100.00 │        │     100.00 │        │',
        '│ 2025-05-02 09:30 │         │   42.50 │  +2.50 │  100.00 │     ±0 │      90.00 │ -10.00 │',
        '│ 2025-05-03 18:05 │ 5d6e7f8 │     n/a │        │     n/a │        │        n/a │        │',
        FOOT,
        '',
        'src/b.ts',
        ...HEAD,
        '│ 2025-05-01 10:00 │ 1a2b3c4 │     n/a │        │     n/a │        │        n/a │        │',
        '│ 2025-05-02 09:30 │         │     n/a │        │     n/a │        │        n/a │        │',
        '│ 2025-05-03 18:05 │ 5d6e7f8 │   41.50 │        │   98.25 │        │        n/a │        │',
        FOOT,
      ].join('\n'),
    );
  });

  it('--last N shows the latest N runs, the oldest compared with the run before it', () => {
    expect(renderTrend(ENTRIES, { last: 2, module: 'All files' }, LABEL)).toBe(
      [
        'Trend over the last 2 of 3 runs in reports/assay-history.jsonl:',
        '',
        'All files',
        ...HEAD,
        '│ 2025-05-02 09:30 │         │   42.50 │  +2.50 │  100.00 │     ±0 │      90.00 │ -10.00 │',
        '│ 2025-05-03 18:05 │ 5d6e7f8 │   41.50 │  -1.00 │   98.25 │  -1.75 │        n/a │        │',
        FOOT,
      ].join('\n'),
    );
  });

  it('--module keeps the modules a glob matches; a directory matches with or without its slash', () => {
    const modules = (glob: string, last = 5) => [...renderTrend(ENTRIES, { last, module: glob }, LABEL).matchAll(/^(\S+(?: files)?)\n┌/gm)].map((m) => m[1]);
    expect(modules('src/*.ts')).toEqual(['src/a.ts', 'src/b.ts']);
    expect(modules('src/**')).toEqual(['src/', 'src/a.ts', 'src/b.ts']);
    expect(modules('src')).toEqual(['src/']);
    expect(modules('All files', 1)).toEqual(['All files']);
  });

  it('refuses a --module glob that matches no module of the runs shown, listing some', () => {
    expect(() => renderTrend(ENTRIES, { last: 5, module: 'lib/**' }, LABEL)).toThrow(
      new UserError("--module 'lib/**' matches no module of the runs in reports/assay-history.jsonl (All files, src/, src/a.ts, src/b.ts)"),
    );
    // src/a.ts is in the first two runs only.
    expect(() => renderTrend(ENTRIES, { last: 1, module: 'src/a.ts' }, LABEL)).toThrow(
      new UserError("--module 'src/a.ts' matches no module of the runs in reports/assay-history.jsonl (All files, src/, src/b.ts)"),
    );
  });

  it('prints a single run without changes', () => {
    expect(renderTrend(ENTRIES.slice(0, 1), { last: 5, module: 'All files' }, LABEL).split('\n').slice(0, 1)).toEqual([
      'Trend over the only run in reports/assay-history.jsonl:',
    ]);
    expect(renderTrend(ENTRIES, { last: 1, module: 'All files' }, LABEL).split('\n')[0]).toBe('Trend over the last of 3 runs in reports/assay-history.jsonl:');
  });
});

describe('change', () => {
  it('is signed to two decimals, ±0 for no change, blank without both figures', () => {
    expect(change(42.5, 40)).toBe('+2.50');
    expect(change(39, 40)).toBe('-1.00');
    expect(change(40, 40)).toBe('±0');
    expect(change(40.001, 40)).toBe('±0');
    expect(change(33.33, 66.67)).toBe('-33.34');
    expect(change(null, 40)).toBe('');
    expect(change(40, undefined)).toBe('');
  });
});

describe('trendReport', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const report = async (text: string | undefined, warnings: string[] = []) => {
    dir = await mkdtemp(path.join(tmpdir(), 'assay-trend-'));
    const file = path.join(dir, 'assay-history.jsonl');
    if (text !== undefined) await writeFile(file, text);
    return trendReport(file, LABEL, { last: 5 }, (message) => warnings.push(message));
  };

  it('refuses (exit 2) when there is no history, an empty one, or no line of it is an entry', async () => {
    await expect(report(undefined)).rejects.toThrow(new UserError(`no run history at ${LABEL}: each complete 'assay run' appends a line to it; run one first`));
    await expect(report('\n')).rejects.toThrow(new UserError(`${LABEL} is empty: each complete 'assay run' appends a line to it; run one first`));
    await expect(report('not json\n')).rejects.toThrow(
      new UserError(`${LABEL} holds no run history (its one line is not a history entry): fix or delete the file; the next complete 'assay run' starts it again`),
    );
    await expect(report('{}\n[]\n')).rejects.toThrow(
      new UserError(`${LABEL} holds no run history (none of its 2 lines is a history entry): fix or delete the file; the next complete 'assay run' starts it again`),
    );
    await expect(report(undefined)).rejects.toHaveProperty('exitCode', 2);
  });

  it('skips lines that are not entries with a warning when others are fine', async () => {
    const warnings: string[] = [];
    const text = `${historyLine(ENTRIES[0])}{"date":\n${historyLine(ENTRIES[1])}`;
    const output = await report(text, warnings);
    expect(output.split('\n')[0]).toBe('Trend over all 2 runs in reports/assay-history.jsonl:');
    expect(warnings).toEqual([`${LABEL}: skipped line 2, which is not a history entry`]);
  });
});
