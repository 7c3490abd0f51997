/**
 * The ratchet. `assay baseline save` keeps the per-module figures of the last full run (from
 * reports/assay-summary.json) in a file the team commits, `assay-baseline.json`; `assay run
 * --ratchet` fails when a module's mutation score, line or branch coverage has dropped below its
 * baseline by more than the tolerance (points, default 0). Modules are files, directories and
 * "All files", as in the report. A module new since the baseline, or gone, is not compared; a
 * figure that is n/a on either side neither.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { UserError } from '../errors.js';
import type { ModuleSummary, Summary } from './summary.js';

export interface Figures {
  mutationScore: number | null;
  lines: number | null;
  branches: number | null;
}

export interface Baseline {
  assay: string;
  savedAt: string;
  modules: Record<string, Figures>;
}

const figure = z.number().nullable();
const baselineSchema = z.object({
  assay: z.string(),
  savedAt: z.string(),
  modules: z.record(z.string(), z.object({ mutationScore: figure, lines: figure, branches: figure })),
});

const METRICS = { mutationScore: 'mutation score', lines: 'lines', branches: 'branches' } as const;
const TOTAL = 'All files';

/** The baseline of a run's summary; refuses a summary that does not cover the whole project. */
export function baselineOf(summary: Summary, version: string, savedAt: Date): Baseline {
  if (summary.since !== undefined) throw new UserError(`the last run mutated only lines changed since ${summary.since.ref}: save a baseline after a full 'assay run'`);
  if (summary.pending !== undefined) throw new UserError("the last run was interrupted: save a baseline after a complete 'assay run'");
  const figures = ({ mutationScore, lines, branches }: ModuleSummary): Figures => ({ mutationScore, lines, branches });
  const modules: Record<string, Figures> = { [TOTAL]: figures(summary.total) };
  for (const [name, module] of [...Object.entries(summary.directories), ...Object.entries(summary.files)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    modules[name] = figures(module);
  }
  return { assay: version, savedAt: savedAt.toISOString(), modules };
}

/** One line per figure that dropped: `src/cart.ts: mutation score 40 (baseline 45, −5.00)`. */
export function ratchetFailures(summary: Summary, baseline: Baseline, tolerance: number): string[] {
  const current: Record<string, ModuleSummary> = { [TOTAL]: summary.total, ...summary.directories, ...summary.files };
  const failures: string[] = [];
  for (const [name, before] of Object.entries(baseline.modules)) {
    const now = current[name];
    if (now === undefined) continue;
    for (const metric of Object.keys(METRICS) as Array<keyof typeof METRICS>) {
      const was = before[metric];
      const is = now[metric];
      if (was === null || is === null || is >= was - tolerance) continue;
      failures.push(`${name}: ${METRICS[metric]} ${is.toFixed(2)} (baseline ${was.toFixed(2)}, ${(is - was).toFixed(2)})`);
    }
  }
  return failures;
}

export async function writeBaseline(baseline: Baseline, file: string): Promise<void> {
  await writeFile(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Reads a baseline file; `label` names it in messages. */
export async function readBaseline(file: string, label: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError(`--ratchet: no baseline at ${label}: run 'assay baseline save' after a full run, and commit the file`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${label} is not valid JSON: save it again with 'assay baseline save'`);
  }
  const baseline = baselineSchema.safeParse(parsed);
  if (!baseline.success) throw new UserError(`${label} is not an assay baseline: save it again with 'assay baseline save'`);
  return baseline.data;
}
