/**
 * The reference for assay's coverage figures: vitest's own istanbul provider
 * (`vitest run --coverage.provider=istanbul`) on the same project copy, and the comparison of
 * assay's per-file line and branch coverage (reports/assay-summary.json) with it, within 0.5
 * percentage points.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { repoRoot } from './assay.js';

const vitestBin = path.join(repoRoot, 'node_modules/vitest/vitest.mjs');

export interface Pct {
  lines: number;
  branches: number;
}

/**
 * Files vitest's provider cannot see: Node `require()`s them, past vite, so it counts none of
 * their lines, while every test runs them. assay instruments them for Node too (its require hook)
 * and must count them: every line covered, where vitest says 0, and 5 of 6 branches (no test
 * clamps a value below the minimum).
 */
const requiredPastVite: Record<string, Record<string, Pct>> = { commonjs: { 'src/units.js': { lines: 100, branches: 83.33 } } };

/** vitest's istanbul figures per file under src/, by path relative to `dir`. */
export async function vitestIstanbul(dir: string): Promise<Record<string, Pct>> {
  await execa(
    process.execPath,
    [vitestBin, 'run', '--coverage.enabled', '--coverage.provider=istanbul', '--coverage.reporter=json-summary', '--coverage.include=src/**', '--coverage.reportsDirectory=vitest-coverage'],
    // Not in CI mode, where vitest fails a file whose snapshot file holds an obsolete entry (the snapshots fixture has one).
    { cwd: dir, env: { FORCE_COLOR: '0', CI: undefined } },
  );
  const summary = JSON.parse(await readFile(path.join(dir, 'vitest-coverage/coverage-summary.json'), 'utf8')) as Record<string, { lines: { pct: number }; branches: { pct: number } }>;
  return Object.fromEntries(
    Object.entries(summary)
      .filter(([file]) => file !== 'total')
      .map(([file, figures]) => [path.relative(dir, file), { lines: figures.lines.pct, branches: figures.branches.pct }]),
  );
}

/**
 * Where assay's figures (`assayFiles`, the summary's `files`) and vitest's differ: a file one
 * side has and the other lacks, or a figure more than 0.5 points apart; one line each.
 */
export function coverageDifferences(fixture: string, assayFiles: Record<string, Pct>, reference: Record<string, Pct>): string[] {
  const problems: string[] = [];
  const ours = Object.keys(assayFiles).sort();
  const theirs = Object.keys(reference).sort();
  if (ours.join() !== theirs.join()) problems.push(`files: assay has ${ours.join(', ')}; vitest has ${theirs.join(', ')}`);
  for (const [file, figures] of Object.entries(reference)) {
    const mine = assayFiles[file];
    if (mine === undefined) continue;
    const required = requiredPastVite[fixture]?.[file];
    if (required !== undefined) {
      if (figures.lines !== 0) problems.push(`${file}: vitest's lines are ${figures.lines}, expected 0 (required past vite)`);
      if (mine.lines !== required.lines || mine.branches !== required.branches) problems.push(`${file}: assay's ${JSON.stringify({ lines: mine.lines, branches: mine.branches })}, expected ${JSON.stringify(required)}`);
      continue;
    }
    for (const key of ['lines', 'branches'] as const) {
      if (Math.abs(mine[key] - figures[key]) > 0.5) problems.push(`${file} ${key}: assay ${mine[key]}, vitest ${figures[key]}`);
    }
  }
  return problems;
}
