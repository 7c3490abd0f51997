/**
 * `reports/assay-summary.json`: per module and in total, coverage next to mutation figures and
 * the covered-but-unverified line ranges — the machine-readable form for dashboards and ratchets.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FlakyTest, LineRange, RunResult, RunTimings } from '../model.js';
import { moduleRows, type ModuleRow } from './modules.js';
import { toRanges } from './unverified.js';

export interface ModuleSummary {
  lines: number | null;
  branches: number | null;
  functions: number | null;
  statements: number | null;
  mutationScore: number | null;
  mutationScoreCovered: number | null;
  killed: number;
  survived: number;
  timeout: number;
  noCoverage: number;
  errors: number;
  /** How many covered-but-unverified lines; `unverifiedLines` lists them for files. */
  unverified: number;
  unverifiedLines: LineRange[];
}

export interface Summary {
  files: Record<string, ModuleSummary>;
  directories: Record<string, ModuleSummary>;
  total: ModuleSummary;
  run: RunTimings;
  /** Present when the run was stopped early: mutants left without a verdict. */
  pending?: number;
  /** Tests whose result changed between two runs; they killed no mutant. */
  flakyTests: FlakyTest[];
  /** Present after a `--since` run: the figures are those of the changed lines' mutants only. */
  since?: { ref: string; base: string };
}

export function summarise(result: RunResult): Summary {
  const rows = moduleRows(result);
  const pick = (kind: ModuleRow['kind']) =>
    Object.fromEntries(rows.filter((row) => row.kind === kind).map((row) => [row.name, moduleSummary(row)]));
  const summary: Summary = { files: pick('file'), directories: pick('directory'), total: moduleSummary(rows[0]), run: result.timings, flakyTests: result.flakyTests };
  if (result.interrupted) summary.pending = result.mutants.filter((mutant) => mutant.status === 'Pending').length;
  if (result.since !== undefined) summary.since = { ref: result.since.ref, base: result.since.base };
  return summary;
}

function moduleSummary(row: ModuleRow): ModuleSummary {
  const round = (value: number) => (Number.isNaN(value) ? null : Math.round(value * 100) / 100);
  return {
    lines: row.coverage?.lines.pct ?? null,
    branches: row.coverage?.branches.pct ?? null,
    functions: row.coverage?.functions.pct ?? null,
    statements: row.coverage?.statements.pct ?? null,
    mutationScore: round(row.scores.mutationScore),
    mutationScoreCovered: round(row.scores.coveredScore),
    killed: row.scores.killed,
    survived: row.scores.survived,
    timeout: row.scores.timeout,
    noCoverage: row.scores.noCoverage,
    errors: row.scores.errors,
    unverified: row.unverified,
    unverifiedLines: toRanges(row.unverifiedLines ?? []),
  };
}

/** Writes a run's summary (`summarise(result)`) to `file`. */
export async function writeSummary(summary: Summary, file: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
}
