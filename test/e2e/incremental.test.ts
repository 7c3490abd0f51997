/**
 * End to end: `assay run --incremental` and `--resume` on copies of real vitest projects. An
 * unchanged rerun reuses every result and reports exactly what the fresh run did; editing a
 * source file, a test file, a test helper or a source helper outside `mutate` re-runs exactly the
 * mutants whose tests load it (the journal's `reused` field tells a reused verdict from a fresh
 * one); `--force` reuses nothing; a corrupt store or journal is ignored with a warning; and a run
 * stopped by Ctrl-C, then `--resume`d, ends with the report of one uninterrupted run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { fixturesDir, processesIn, repoRoot, runAssay, type AssayRun, type MutantVerdict } from '../support/assay.js';
import { slowProject as makeSlowProject, until } from '../support/slow-project.js';

const STORE = 'reports/assay-incremental.json';
const JOURNAL = 'reports/assay-journal.jsonl';
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A copy of `from` (a fixture, or a project with its reports) in a fresh temp dir, node_modules linked in. */
async function copyOf(from: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-incremental-'));
  made.push(dir);
  await cp(from, dir, { recursive: true, filter: (src) => !/[\\/]node_modules$/.test(src) });
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

interface JournalLine {
  id: number;
  fileName: string;
  mutatorName: string;
  replacement: string;
  location: { start: { line: number; column: number } };
  status: string;
  key?: string;
  reused?: string;
}

async function journal(dir: string): Promise<JournalLine[]> {
  const file = path.join(dir, JOURNAL);
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(1)
    .map((line) => JSON.parse(line));
}

/** A mutant as `verdictsOf` places it, without its status. */
const place = (m: { file: string; line: number; column: number; mutator: string; replacement: string }) => `${m.file}:${m.line}:${m.column} ${m.mutator} ${m.replacement}`;
const placeOfLine = (line: JournalLine) =>
  place({ file: line.fileName, line: line.location.start.line, column: line.location.start.column, mutator: line.mutatorName, replacement: line.replacement });

/** A journal line of a mutant that ran in this run (results settled by the plan have no key, reused ones say where from). */
const ranNow = (line: JournalLine) => line.key !== undefined && line.reused === undefined;

/** The mutants of `files` that ran in `verdicts` (NoCoverage and Ignored ones never run). */
function ran(verdicts: readonly MutantVerdict[], files: readonly string[]): string[] {
  return verdicts.filter((v) => files.includes(v.file) && !['NoCoverage', 'Ignored'].includes(v.status)).map(place).sort();
}

/** The JSON report's mutants by file, as a comparable value (every field a verdict has). */
function reportMutants(run: AssayRun): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries<any>(run.report.files).map(([file, { mutants }]) => [file, mutants]));
}

describe('assay run --incremental on shared-helpers (helpers outside mutate)', () => {
  let baseline: string;
  let fresh: AssayRun;
  const runs = 34; // 36 mutants, 2 of them NoCoverage

  beforeAll(async () => {
    baseline = await copyOf(path.join(fixturesDir, 'shared-helpers'));
    fresh = await runAssay(baseline, ['--incremental', '--concurrency', '2']);
    expect(fresh.exitCode, fresh.stderr).toBe(0);
  });

  /** A copy of the baseline project (its store included), `edit`ed, run with `args`. */
  async function rerun(edit: (dir: string) => Promise<void> = async () => {}, args: string[] = ['--incremental']) {
    const dir = await copyOf(baseline);
    await edit(dir);
    const run = await runAssay(dir, [...args, '--concurrency', '2']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const lines = await journal(dir);
    return { dir, run, lines, rerun: lines.filter(ranNow).map(placeOfLine).sort() };
  }

  it('the first run says there is no store yet, runs everything and writes one', async () => {
    expect(fresh.stderr).toContain(`assay: reused 0 of ${runs} results (no ${STORE} yet); running ${runs}\n`);
    const store = JSON.parse(await readFile(path.join(baseline, STORE), 'utf8'));
    expect(Object.keys(store.entries)).toHaveLength(runs);
    expect(fresh.verdicts).toEqual(JSON.parse(await readFile(path.join(fixturesDir, 'shared-helpers/expected.json'), 'utf8')).mutants);
  });

  it('unchanged: reuses 100%, and the report is the fresh run’s, verdict for verdict', async () => {
    const { run, lines, rerun: again } = await rerun();
    expect(run.stderr).toContain(`assay: reused ${runs} of ${runs} results from ${STORE}; running 0\n`);
    expect(run.stderr).toContain('assay: 36 mutants, 0 to run against 9 tests');
    expect(again).toEqual([]);
    expect(lines.filter((line) => line.reused === STORE)).toHaveLength(runs);
    expect(reportMutants(run)).toEqual(reportMutants(fresh));
    expect(run.timings?.mutantsRun).toBe(0);
  });

  it('reused results are what a fresh run gives (--force runs everything, and still writes the store)', async () => {
    const { dir, run, rerun: again } = await rerun(async () => {}, ['--incremental', '--force']);
    expect(run.stderr).not.toContain('assay: reused');
    expect(again).toEqual(ran(fresh.verdicts, ['src/price.ts', 'src/shipping.ts', 'src/stock.ts']));
    expect(run.verdicts).toEqual(fresh.verdicts);
    const store = JSON.parse(await readFile(path.join(dir, STORE), 'utf8'));
    expect(Object.keys(store.entries).sort()).toEqual(Object.keys(JSON.parse(await readFile(path.join(baseline, STORE), 'utf8')).entries).sort());
  });

  it('an edited source file: its mutants run again (at their new lines), the others are reused', async () => {
    const { run, rerun: again } = await rerun(async (dir) => {
      const file = path.join(dir, 'src/shipping.ts');
      await writeFile(file, `// Rates as of this year.\n${await readFile(file, 'utf8')}`);
    });
    expect(run.stderr).toContain(`assay: reused 22 of ${runs} results from ${STORE}; running 12\n`);
    const moved = fresh.verdicts.map((v) => (v.file === 'src/shipping.ts' ? { ...v, line: v.line + 1, endLine: v.endLine + 1 } : v));
    expect(again).toEqual(ran(moved, ['src/shipping.ts']));
    expect(run.verdicts).toEqual(moved);
  });

  it('an edited test file: exactly the mutants it covers run again', async () => {
    const { run, rerun: again } = await rerun((dir) => appendFile(path.join(dir, 'test/stock.test.ts'), '// reviewed\n'));
    expect(run.stderr).toContain(`assay: reused 23 of ${runs} results from ${STORE}; running 11\n`);
    expect(again).toEqual(ran(fresh.verdicts, ['src/stock.ts']));
    expect(run.verdicts).toEqual(fresh.verdicts);
  });

  it('an edited test helper outside mutate: exactly the mutants of the tests that import it run again', async () => {
    const { run, rerun: again } = await rerun((dir) => appendFile(path.join(dir, 'test/support/builders.ts'), '// reviewed\n'));
    expect(run.stderr).toContain(`assay: reused 12 of ${runs} results from ${STORE}; running 22\n`);
    expect(again).toEqual(ran(fresh.verdicts, ['src/price.ts', 'src/stock.ts']));
    expect(run.verdicts).toEqual(fresh.verdicts);
  });

  it('an edited source helper outside mutate: exactly the mutants whose tests load it run again', async () => {
    const { run, rerun: again } = await rerun((dir) => appendFile(path.join(dir, 'lib/round.ts'), '// reviewed\n'));
    expect(run.stderr).toContain(`assay: reused 11 of ${runs} results from ${STORE}; running 23\n`);
    expect(again).toEqual(ran(fresh.verdicts, ['src/price.ts', 'src/shipping.ts']));
    expect(run.verdicts).toEqual(fresh.verdicts);
  });

  it('a changed vitest config runs everything again', async () => {
    const { run } = await rerun((dir) => appendFile(path.join(dir, 'vitest.config.ts'), '// reviewed\n'));
    expect(run.stderr).toContain(`assay: reused 0 of ${runs} results from ${STORE}; running ${runs}\n`);
  });

  it('a corrupt store: a warning, a full run, and a fresh store', async () => {
    const { dir, run, rerun: again } = await rerun((dir) => writeFile(path.join(dir, STORE), '{"assayIncremental":1,"assay":"0.1.0","entries":{"ab'));
    expect(run.stderr).toMatch(new RegExp(`assay: warning: ignoring the incremental store ${STORE}: it is not valid JSON \\(.+\\)\\n`));
    expect(run.stderr).toContain(`assay: reused 0 of ${runs} results; running ${runs}\n`);
    expect(again).toHaveLength(runs);
    expect(run.verdicts).toEqual(fresh.verdicts);
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, STORE), 'utf8')).entries)).toHaveLength(runs);
  });

  it('a foreign journal with --resume: a warning, and the store still serves', async () => {
    const { run } = await rerun((dir) => writeFile(path.join(dir, JOURNAL), 'mutant,status\n1,Killed\n'), ['--incremental', '--resume']);
    expect(run.stderr).toContain(`assay: warning: ignoring the journal ${JOURNAL}: it is not an assay journal (no header line)\n`);
    expect(run.stderr).toContain(`assay: reused ${runs} of ${runs} results from ${STORE}; running 0\n`);
  });
});

describe('the import graph behind incremental runs, on other fixtures', () => {
  async function baselineOf(fixture: string): Promise<{ dir: string; run: AssayRun }> {
    const dir = await copyOf(path.join(fixturesDir, fixture));
    const run = await runAssay(dir, ['--incremental', '--concurrency', '2']);
    expect(run.exitCode, run.stderr).toBe(0);
    return { dir, run };
  }

  it('vi-mock: a module the test mocks away with vi.mock still counts as loaded', async () => {
    const { dir, run } = await baselineOf('vi-mock');
    const all = ran(run.verdicts, ['src/converter.ts', 'src/logger.ts', 'src/rates.ts']).length;
    await appendFile(path.join(dir, 'src/rates.ts'), '// reviewed\n');
    const again = await runAssay(dir, ['--incremental', '--concurrency', '2']);
    expect(again.stderr).toContain(`assay: reused 0 of ${all} results from ${STORE}; running ${all}\n`);
    expect(again.verdicts).toEqual(run.verdicts);
  });

  it('commonjs: a file only require() loads (past vite) still counts for the tests that load CommonJS', async () => {
    const { dir, run } = await baselineOf('commonjs');
    const all = ran(run.verdicts, ['src/quota.js', 'src/units.js']).length;
    await appendFile(path.join(dir, 'src/units.js'), '// reviewed\n');
    const again = await runAssay(dir, ['--incremental', '--concurrency', '2']);
    expect(again.stderr).toContain(`assay: reused 0 of ${all} results from ${STORE}; running ${all}\n`);
    expect(again.verdicts).toEqual(run.verdicts);
  });

  it('jsdom-env: test files under jsdom are traced too, each to its own modules', async () => {
    const { dir, run } = await baselineOf('jsdom-env');
    const list = ran(run.verdicts, ['src/list.ts']).length;
    const toggle = ran(run.verdicts, ['src/toggle.ts']).length;
    await appendFile(path.join(dir, 'test/list.test.ts'), '// reviewed\n');
    const again = await runAssay(dir, ['--incremental', '--concurrency', '2']);
    expect(again.stderr).toContain(`assay: reused ${toggle} of ${list + toggle} results from ${STORE}; running ${list}\n`);
    expect((await journal(dir)).filter(ranNow).map(placeOfLine).sort()).toEqual(ran(run.verdicts, ['src/list.ts']));
    expect(again.verdicts).toEqual(run.verdicts);
  });
});

describe('assay run --resume after Ctrl-C', () => {
  /** A slow project, removed after the tests. */
  async function slowProject(files: number, waitMs: number): Promise<string> {
    const dir = await makeSlowProject('assay-resume-', files, waitMs);
    made.push(dir);
    return dir;
  }

  const args = ['--concurrency', '1', '--isolation', 'full'];

  it('keeps what finished, and the resumed run ends with the report of one uninterrupted run', async () => {
    const whole = await runAssay(await slowProject(6, 150), args);
    expect(whole.exitCode, whole.stderr).toBe(0);

    const dir = await slowProject(6, 150);
    const child = execa(process.execPath, [path.join(repoRoot, 'bin/assay.js'), 'run', '--reporters', 'json,clear-text', ...args], { cwd: dir, reject: false, env: { FORCE_COLOR: '0' } });
    await until(async () => (await journal(dir)).length >= 3, 120_000);
    child.kill('SIGINT');
    const stopped = await child;
    expect(stopped.exitCode).toBe(130);
    const finished = await journal(dir);
    expect(finished.every((line) => typeof line.key === 'string' && line.reused === undefined)).toBe(true);
    expect(existsSync(path.join(dir, STORE))).toBe(false);

    const total = ran(whole.verdicts, ['src/calc.ts']).length;
    const resumed = await runAssay(dir, [...args, '--resume']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`assay: reused ${finished.length} of ${total} results from ${JOURNAL}; running ${total - finished.length}\n`);
    expect(resumed.verdicts).toEqual(whole.verdicts);
    const coveredBy = (run: AssayRun) => Object.values<any>(run.report.files).flatMap((file) => file.mutants.map((m: any) => [m.id, m.status, m.coveredBy, m.static]));
    expect(coveredBy(resumed)).toEqual(coveredBy(whole));
    // The resumed run's journal holds every verdict: the reused ones as reused, so a second stop could resume again.
    const after = await journal(dir);
    expect(after.filter((line) => line.reused === JOURNAL).map((line) => line.key).sort()).toEqual(finished.map((line) => line.key).sort());
    expect(after).toHaveLength(total);
    expect(await processesIn(dir)).toEqual([]);
  });
});
