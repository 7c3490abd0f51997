/**
 * The run history and `assay trend`, through the real command on the strong-tests fixture
 * (src/pricing.ts and src/text.ts, every mutant killed): two runs with new untested code in
 * between, then the exact trend tables; the history's lines; the runs that append nothing; and
 * the messages for a missing, empty or broken history and a --module that matches nothing.
 */
import { describe, expect, it } from 'vitest';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { assayCommand, withFixtureCopy } from '../support/assay.js';

const HISTORY = 'reports/assay-history.jsonl';
const run = (dir: string, ...args: string[]) => assayCommand(dir, 'run', '--reporters', 'json,html', '--concurrency', '2', ...args);
const historyLines = async (dir: string) => (await readFile(path.join(dir, HISTORY), 'utf8')).split('\n').filter((line) => line !== '');
/** Run dates vary: each becomes `YYYY-MM-DD hh:mm`, as wide. */
const undated = (text: string) => text.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/g, 'YYYY-MM-DD hh:mm');

const HEAD = [
  '┌──────────────────┬────────┬─────────┬────────┬─────────┬────────┬────────────┬────────┐',
  '│ Run (UTC)        │ Commit │ % score │ change │ % lines │ change │ % branches │ change │',
  '├──────────────────┼────────┼─────────┼────────┼─────────┼────────┼────────────┼────────┤',
];
const FOOT = '└──────────────────┴────────┴─────────┴────────┴─────────┴────────┴────────────┴────────┘';

describe('assay trend', () => {
  it('shows per module the runs with the change since the one before, from the history the runs appended', async () => {
    await withFixtureCopy('strong-tests', async (dir) => {
      const first = await run(dir);
      expect(first.exitCode).toBe(0);
      // New code that no test calls: 5 more mutants, none covered, and fewer lines and branches covered.
      await appendFile(path.join(dir, 'src/pricing.ts'), '\nexport function shippingCost(weight: number): number {\n  return weight > 5 ? 10 : 5;\n}\n');
      const second = await run(dir);
      expect(second.exitCode).toBe(0);

      const lines = await historyLines(dir);
      expect(lines).toHaveLength(2);
      const entry = JSON.parse(lines[1]);
      expect(Object.keys(entry)).toEqual(['date', 'assay', 'modules']); // a temp copy is no git repository: no commit
      expect(entry.modules).toEqual({
        'All files': { mutationScore: 86.84, lines: 92.85, branches: 77.77 },
        'src/pricing.ts': { mutationScore: 76.19, lines: 88.88, branches: 71.42 },
        'src/text.ts': { mutationScore: 100, lines: 100, branches: 100 },
      });

      const trend = await assayCommand(dir, 'trend');
      expect(trend.stderr).toBe('');
      expect(trend.exitCode).toBe(0);
      expect(undated(trend.stdout)).toBe(
        [
          `Trend over all 2 runs in ${HISTORY}:`,
          '',
          'All files',
          ...HEAD,
          '│ YYYY-MM-DD hh:mm │        │  100.00 │        │  100.00 │        │     100.00 │        │',
          '│ YYYY-MM-DD hh:mm │        │   86.84 │ -13.16 │   92.85 │  -7.15 │      77.77 │ -22.23 │',
          FOOT,
          '',
          'src/pricing.ts',
          ...HEAD,
          '│ YYYY-MM-DD hh:mm │        │  100.00 │        │  100.00 │        │     100.00 │        │',
          '│ YYYY-MM-DD hh:mm │        │   76.19 │ -23.81 │   88.88 │ -11.12 │      71.42 │ -28.58 │',
          FOOT,
          '',
          'src/text.ts',
          ...HEAD,
          '│ YYYY-MM-DD hh:mm │        │  100.00 │        │  100.00 │        │     100.00 │        │',
          '│ YYYY-MM-DD hh:mm │        │  100.00 │     ±0 │  100.00 │     ±0 │     100.00 │     ±0 │',
          FOOT,
        ].join('\n'),
      );

      const last = await assayCommand(dir, 'trend', '--last', '1', '--module', 'src/text.ts');
      expect(undated(last.stdout)).toBe(
        [
          `Trend over the last of 2 runs in ${HISTORY}:`,
          '',
          'src/text.ts',
          ...HEAD,
          '│ YYYY-MM-DD hh:mm │        │  100.00 │     ±0 │  100.00 │     ±0 │     100.00 │     ±0 │',
          FOOT,
        ].join('\n'),
      );

      // The HTML report of the second run charts both runs.
      const html = await readFile(path.join(dir, 'reports/mutation/index.html'), 'utf8');
      expect(html.match(/<circle class="mutationScore"[^>]*data-value="([\d.]+)"/g)?.map((circle) => /data-value="([\d.]+)"/.exec(circle)?.[1])).toEqual(['100.00', '86.84']);
    });
  });

  it('takes its file from "assay.historyFile"', async () => {
    await withFixtureCopy('strong-tests', async (dir) => {
      await writeFile(path.join(dir, 'stryker.config.json'), JSON.stringify({ assay: { historyFile: 'ci/history.jsonl' } }));
      expect((await run(dir)).exitCode).toBe(0);
      expect((await readFile(path.join(dir, 'ci/history.jsonl'), 'utf8')).split('\n')).toHaveLength(2);
      const trend = await assayCommand(dir, 'trend', '--module', 'All files');
      expect(trend.stdout.split('\n')[0]).toBe('Trend over the only run in ci/history.jsonl:');
      expect(trend.exitCode).toBe(0);
    });
  });
});

describe('assay trend: messages', () => {
  const history = async (dir: string, text: string) => {
    await mkdir(path.join(dir, 'reports'), { recursive: true });
    await writeFile(path.join(dir, HISTORY), text);
  };
  const GOOD = '{"date":"2025-05-01T10:00:00.000Z","assay":"0.1.0","commit":"1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d","modules":{"All files":{"mutationScore":40,"lines":100,"branches":null}}}';

  it('refuses (exit 2) when there is no history, an empty one, one with no entry, or a --module that matches nothing; warns about broken lines', async () => {
    await withFixtureCopy('strong-tests', async (dir) => {
      const answer = async (...args: string[]) => {
        const result = await assayCommand(dir, 'trend', ...args);
        return { exitCode: result.exitCode, stderr: result.stderr.trim(), stdout: result.stdout };
      };
      expect(await answer()).toEqual({ exitCode: 2, stdout: '', stderr: `assay: no run history at ${HISTORY}: each complete 'assay run' appends a line to it; run one first` });

      await history(dir, '');
      expect(await answer()).toEqual({ exitCode: 2, stdout: '', stderr: `assay: ${HISTORY} is empty: each complete 'assay run' appends a line to it; run one first` });

      await history(dir, '<<<<<<< HEAD\n{"date":"2025-05-01"}\n');
      expect(await answer()).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: `assay: ${HISTORY} holds no run history (none of its 2 lines is a history entry): fix or delete the file; the next complete 'assay run' starts it again`,
      });

      await history(dir, `${GOOD}\n{"date":"2025-05-02T10:00:00.000Z","assay":"0.1.0","modu\n`);
      const broken = await answer();
      expect(broken.stderr).toBe(`assay: warning: ${HISTORY}: skipped line 2, which is not a history entry`);
      expect(broken.exitCode).toBe(0);
      expect(broken.stdout).toBe(
        [
          `Trend over the only run in ${HISTORY}:`,
          '',
          'All files',
          '┌──────────────────┬─────────┬─────────┬────────┬─────────┬────────┬────────────┬────────┐',
          '│ Run (UTC)        │ Commit  │ % score │ change │ % lines │ change │ % branches │ change │',
          '├──────────────────┼─────────┼─────────┼────────┼─────────┼────────┼────────────┼────────┤',
          '│ 2025-05-01 10:00 │ 1a2b3c4 │   40.00 │        │  100.00 │        │        n/a │        │',
          '└──────────────────┴─────────┴─────────┴────────┴─────────┴────────┴────────────┴────────┘',
        ].join('\n'),
      );

      await history(dir, `${GOOD}\n`);
      expect(await answer('--module', 'lib/**')).toEqual({ exitCode: 2, stdout: '', stderr: `assay: --module 'lib/**' matches no module of the runs in ${HISTORY} (All files)` });
      expect(await answer('--last', '0')).toEqual({ exitCode: 2, stdout: '', stderr: 'assay: --last must be a positive integer, got "0"' });
    });
  });

});

describe('the history in a git repository', () => {
  it("records HEAD's commit, and a --since run appends nothing", async () => {
    await withFixtureCopy('strong-tests', async (dir) => {
      const git = async (...args: string[]) => String((await execa('git', args, { cwd: dir, env: { GIT_CONFIG_NOSYSTEM: '1' } })).stdout);
      await git('init', '--quiet', '--initial-branch=main');
      await git('config', 'user.email', 'dev@example.com');
      await git('config', 'user.name', 'Dev');
      await git('config', 'commit.gpgsign', 'false');
      await writeFile(path.join(dir, '.gitignore'), 'node_modules\nreports/\n');
      await git('add', '--all');
      await git('commit', '--quiet', '-m', 'start');
      const head = (await git('rev-parse', 'HEAD')).trim();

      expect((await run(dir)).exitCode).toBe(0);
      expect(JSON.parse((await historyLines(dir))[0]).commit).toBe(head);

      await appendFile(path.join(dir, 'src/pricing.ts'), '\nexport const half = (n: number) => n / 2;\n');
      const since = await run(dir, '--since', 'HEAD');
      expect(since.exitCode).toBe(0);
      expect(since.stderr).toMatch(/^assay: 2 mutants, /); // the new line's only
      expect(await historyLines(dir)).toHaveLength(1);
      const trend = await assayCommand(dir, 'trend');
      expect(trend.stdout).toContain(`│ ${head.slice(0, 7)} │`);
    });
  });
});
