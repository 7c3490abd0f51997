/**
 * Duplicate mutants (check/equivalent-mutants.ts: they compile to the same code) run once: of a
 * set of duplicates that all have runs, the one whose covering tests are the most runs, and each
 * other whose covering tests are among those (and that is static or not alike) takes its verdict.
 * A duplicate reached by a test its twin is not keeps its own run: the verdict must rest on every
 * test that can tell it from the original.
 */
import type { MutantResult } from '../model.js';
import type { MutantRun } from './index.js';

export interface Deduplicated {
  runs: MutantRun[];
  /** By the id of a mutant that runs: the duplicates that take its verdict. */
  copies: Map<number, MutantRun[]>;
}

export function runDuplicatesOnce(runs: readonly MutantRun[], duplicates: readonly number[][]): Deduplicated {
  const byId = new Map(runs.map((run) => [run.mutant.id, run]));
  const copies = new Map<number, MutantRun[]>();
  const copied = new Set<number>();
  for (const ids of duplicates) {
    const twins = ids.flatMap((id) => byId.get(id) ?? []).sort((a, b) => b.coveredBy.length - a.coveredBy.length || a.mutant.id - b.mutant.id);
    const [kept, ...others] = twins;
    if (kept === undefined) continue;
    const covered = new Set(kept.coveredBy);
    const takers = others.filter((run) => run.static === kept.static && run.coveredBy.every((id) => covered.has(id)));
    if (takers.length === 0) continue;
    copies.set(kept.mutant.id, takers);
    for (const run of takers) copied.add(run.mutant.id);
  }
  return { runs: runs.filter((run) => !copied.has(run.mutant.id)), copies };
}

/** A duplicate's result: the verdict of the mutant that ran for it, under its own identity and coverage. */
export function copiedResult(ran: MutantResult, duplicate: MutantRun): MutantResult {
  const note = `compiles to the same code as mutant ${ran.id}, which ran for both`;
  return {
    ...duplicate.mutant,
    status: ran.status,
    statusReason: ran.statusReason === undefined ? note : `${ran.statusReason} (${note})`,
    coveredBy: duplicate.coveredBy,
    killedBy: ran.killedBy,
    testsCompleted: ran.testsCompleted,
    static: duplicate.static,
    ...(ran.durationMs !== undefined && { durationMs: ran.durationMs }),
  };
}
