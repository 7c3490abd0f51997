/**
 * Ctrl-C and SIGTERM in the middle of `assay run` on a real vitest project whose tests take a
 * while: the command stops within 2 s, exits 130 / 143, writes the verdicts that finished (JSON
 * report and journal agree, every other mutant Pending — never a Timeout or error made up by the
 * stop), leaves the project's files as they were and no process behind.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { hashTree, processesIn, repoRoot } from '../support/assay.js';
import { slowProject as makeSlowProject, until } from '../support/slow-project.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');
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
  const sent = Date.now();
  child.kill(signal);
  const result = await child;
  const stopMs = Date.now() - sent;
  const reportFile = path.join(dir, 'reports/mutation/mutation.json');
  const report = existsSync(reportFile) ? JSON.parse(await readFile(reportFile, 'utf8')) : undefined;
  const statuses = new Map<number, string>();
  for (const file of Object.values<any>(report?.files ?? {})) for (const mutant of file.mutants) statuses.set(Number(mutant.id), mutant.status);
  return { exitCode: result.exitCode, stderr: String(result.stderr), stopMs, statuses, hashesBefore, hashesAfter: await hashTree(dir) };
}

/** A slow project, removed after the tests. */
async function slowProject(prefix: string, files: number, waitMs: number): Promise<string> {
  const dir = await makeSlowProject(prefix, files, waitMs);
  made.push(dir);
  return dir;
}

describe('interrupting assay run', () => {
  it('on Ctrl-C mid-run: stops within 2 s, exits 130, writes what finished and marks the rest Pending', async () => {
    const dir = await slowProject('assay-interrupt-', 6, 150);
    const run = await interrupt(dir, ['--concurrency', '1', '--isolation', 'full'], 'SIGINT', async () => (await journalled(dir)).length >= 2);
    expect(run.exitCode).toBe(130);
    expect(run.stopMs).toBeLessThan(2000);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const journal = await journalled(dir);
    expect(journal.length).toBeGreaterThanOrEqual(2);
    // Every journalled verdict is in the report as it was journalled, and is a real verdict.
    for (const { id, status } of journal) {
      expect(run.statuses.get(id)).toBe(status);
      expect(['Killed', 'Survived']).toContain(status);
    }
    const pending = [...run.statuses.values()].filter((status) => status === 'Pending').length;
    expect(pending).toBe(run.statuses.size - journal.length);
    expect(pending).toBeGreaterThan(0);
    expect(run.stderr).toContain(`assay: interrupted (SIGINT): ${journal.length} of ${run.statuses.size} mutants have a verdict`);
    expect(run.hashesAfter).toEqual(run.hashesBefore);
    expect(await processesIn(dir)).toEqual([]);
  });

  it('on SIGTERM in the middle of a batch: exits 143 with every mutant of the batch Pending', async () => {
    const dir = await slowProject('assay-interrupt-', 6, 150);
    // The journal starts as the mutants start running; the one batch takes 14 × 6 × 150 ms.
    let planned = 0;
    const run = await interrupt(dir, ['--concurrency', '1'], 'SIGTERM', async () => {
      planned ||= existsSync(path.join(dir, 'reports/assay-journal.jsonl')) ? Date.now() : 0;
      return planned > 0 && Date.now() - planned > 1500;
    });
    expect(run.exitCode).toBe(143);
    expect(run.stopMs).toBeLessThan(2000);
    expect([...run.statuses.values()].every((status) => status === 'Pending')).toBe(true);
    expect(run.statuses.size).toBeGreaterThan(0);
    expect(run.hashesAfter).toEqual(run.hashesBefore);
    expect(await processesIn(dir)).toEqual([]);
  });

  it('on Ctrl-C during the initial test run: exits 130 and says nothing ran yet', async () => {
    const dir = await slowProject('assay-interrupt-', 1, 4000);
    const running = path.join(dir, '..', `${path.basename(dir)}.running`);
    made.push(running);
    const run = await interrupt(dir, [], 'SIGINT', async () => existsSync(running), { ASSAY_TEST_RUNNING: running });
    expect(run.exitCode).toBe(130);
    expect(run.stopMs).toBeLessThan(2000);
    expect(run.stderr).toContain('assay: interrupted (SIGINT) before any mutant ran: nothing to report');
    expect(run.statuses.size).toBe(0);
    expect(await processesIn(dir)).toEqual([]);
  });
});
