/**
 * Ctrl-C and SIGTERM in the middle of `assay run` on a real vitest project whose tests take a
 * while: the command stops the run where it is (no mutant starts after the signal; it ends through
 * the graceful stop, not the forced exit), exits 130 / 143, writes the verdicts that finished (JSON
 * report and journal agree, every other mutant Pending — never a Timeout or error made up by the
 * stop), leaves the project's files as they were and no process behind. The checks are on events,
 * not on time: how fast the stop is belongs to the benchmarks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { hashTree, processesIn, repoRoot } from '../support/assay.js';
import { slowProject as makeSlowProject, until } from '../support/slow-project.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');
/** The mutants of the slow project's src/calc.ts. */
const MUTANTS = 14;
const made: string[] = [];

afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Journal lines after the header: the verdicts written so far. */
async function journalled(dir: string): Promise<Array<{ id: number; status: string }>> {
  const file = path.join(dir, 'reports/assay-journal.jsonl');
  if (!existsSync(file)) return [];
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => JSON.parse(line));
}

async function interrupt(dir: string, args: string[], signal: 'SIGINT' | 'SIGTERM', when: () => Promise<boolean>, env: Record<string, string> = {}) {
  const hashesBefore = await hashTree(dir);
  const child = execa(process.execPath, [assayBin, 'run', '--reporters', 'json,clear-text', ...args], { cwd: dir, reject: false, env: { FORCE_COLOR: '0', ...env } });
  await until(when, 120_000);
  const journalAtSignal = await journalled(dir);
  child.kill(signal);
  const result = await child;
  const reportFile = path.join(dir, 'reports/mutation/mutation.json');
  const report = existsSync(reportFile) ? JSON.parse(await readFile(reportFile, 'utf8')) : undefined;
  const statuses = new Map<number, string>();
  for (const file of Object.values<any>(report?.files ?? {})) for (const mutant of file.mutants) statuses.set(Number(mutant.id), mutant.status);
  return { exitCode: result.exitCode, stderr: String(result.stderr), journalAtSignal, statuses, hashesBefore, hashesAfter: await hashTree(dir) };
}

/** The line that acknowledges the signal: the first signal starts the graceful stop. */
const stopping = (signal: string) => `assay: ${signal}: stopping the workers and writing what finished`;

/** A slow project, removed after the tests. */
async function slowProject(prefix: string, files: number, waitMs: number): Promise<string> {
  const dir = await makeSlowProject(prefix, files, waitMs);
  made.push(dir);
  return dir;
}

describe('interrupting assay run', () => {
  it('on Ctrl-C mid-run: stops where it is, exits 130, writes what finished and marks the rest Pending', async () => {
    const dir = await slowProject('assay-interrupt-', 6, 150);
    const run = await interrupt(dir, ['--concurrency', '1', '--isolation', 'full'], 'SIGINT', async () => (await journalled(dir)).length >= 2);
    expect(run.exitCode).toBe(130);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toContain(stopping('SIGINT'));
    expect(run.statuses.size).toBe(MUTANTS);
    // How many verdicts finished depends on when the signal lands, so the checks are invariants:
    // the journal holds what it held at the signal (2 or more) plus at most the one run that was
    // under way (concurrency 1) — no mutant started after the signal reached a verdict.
    const journal = await journalled(dir);
    expect(run.journalAtSignal.length).toBeGreaterThanOrEqual(2);
    expect(journal.slice(0, run.journalAtSignal.length)).toEqual(run.journalAtSignal);
    expect(journal.length - run.journalAtSignal.length).toBeLessThanOrEqual(1);
    // Every journalled verdict is in the report as it was journalled, and is a real verdict.
    for (const { id, status } of journal) {
      expect(run.statuses.get(id)).toBe(status);
      expect(['Killed', 'Survived']).toContain(status);
    }
    // Every mutant without a journalled verdict is Pending, and the run did stop before the end.
    const pending = [...run.statuses.values()].filter((status) => status === 'Pending').length;
    expect(pending + journal.length).toBe(MUTANTS);
    expect(pending).toBeGreaterThan(0);
    // The closing line comes from the graceful stop (the forced exit writes nothing).
    expect(run.stderr).toContain(`assay: interrupted (SIGINT): ${journal.length} of ${MUTANTS} mutants have a verdict`);
    expect(run.hashesAfter).toEqual(run.hashesBefore);
    expect(await processesIn(dir)).toEqual([]);
  });

  it('on SIGTERM in the middle of a batch: exits 143 with every mutant of the batch Pending', async () => {
    const dir = await slowProject('assay-interrupt-', 6, 150);
    // The journal starts as the mutants start running; the one batch takes 14 × 6 × 150 ms. Once it
    // exists, the signal goes when a test of the batch starts (its marker file written again).
    const running = path.join(dir, '..', `${path.basename(dir)}.running`);
    made.push(running);
    let planned = false;
    const run = await interrupt(dir, ['--concurrency', '1'], 'SIGTERM', async () => {
      if (!planned && existsSync(path.join(dir, 'reports/assay-journal.jsonl'))) {
        planned = true;
        await rm(running, { force: true });
        return false;
      }
      return planned && existsSync(running);
    }, { ASSAY_TEST_RUNNING: running });
    expect(run.exitCode).toBe(143);
    expect(run.stderr).toContain(stopping('SIGTERM'));
    expect(run.journalAtSignal).toEqual([]);
    expect(await journalled(dir)).toEqual([]);
    expect([...run.statuses.values()]).toEqual(Array(MUTANTS).fill('Pending'));
    expect(run.stderr).toContain(`assay: interrupted (SIGTERM): 0 of ${MUTANTS} mutants have a verdict`);
    expect(run.hashesAfter).toEqual(run.hashesBefore);
    expect(await processesIn(dir)).toEqual([]);
  });

  it('on Ctrl-C during the initial test run: exits 130 and says nothing ran yet', async () => {
    const dir = await slowProject('assay-interrupt-', 1, 4000);
    const running = path.join(dir, '..', `${path.basename(dir)}.running`);
    made.push(running);
    const run = await interrupt(dir, [], 'SIGINT', async () => existsSync(running), { ASSAY_TEST_RUNNING: running });
    expect(run.exitCode).toBe(130);
    expect(run.stderr).toContain(stopping('SIGINT'));
    // Stopped inside the initial run (its one test waits 4 s): no plan, no journal, no report.
    expect(run.stderr).toContain('assay: interrupted (SIGINT) before any mutant ran: nothing to report');
    expect(run.stderr).not.toContain(' mutants, ');
    expect(existsSync(path.join(dir, 'reports/assay-journal.jsonl'))).toBe(false);
    expect(run.statuses.size).toBe(0);
    expect(await processesIn(dir)).toEqual([]);
  });
});
