/**
 * Where reused verdicts come from — the incremental store (store.ts) or the journal of an earlier
 * run (journal-verdicts.ts) — and what is taken from them: the fields of a MutantResult that a run
 * decides. Identity fields (id, file, location) always come from this run's mutant.
 */
import { readFile } from 'node:fs/promises';
import type { MutantResult } from '../model.js';

export type ReusedVerdict = Pick<MutantResult, 'status' | 'statusReason' | 'killedBy' | 'coveredBy' | 'testsCompleted' | 'static' | 'durationMs'>;

/** What reading a source of verdicts gave: verdicts by verdict key, nothing there, or a reason to ignore it. */
export type VerdictsRead<V extends ReusedVerdict = ReusedVerdict> =
  | { state: 'read'; verdicts: Map<string, V> }
  | { state: 'missing' }
  | { state: 'ignored'; reason: string };

/** The text of a source of verdicts, or why there is none: it does not exist, or cannot be read. */
export async function readSource(file: string): Promise<string | Extract<VerdictsRead, { state: 'missing' | 'ignored' }>> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing' };
    return { state: 'ignored', reason: `it cannot be read (${code ?? String(error)})` };
  }
}

/** The fields of `verdict` a reused result takes, and no others. */
export function verdictFields(verdict: ReusedVerdict): ReusedVerdict {
  return {
    status: verdict.status,
    ...(verdict.statusReason === undefined ? {} : { statusReason: verdict.statusReason }),
    killedBy: [...verdict.killedBy],
    coveredBy: [...verdict.coveredBy],
    testsCompleted: verdict.testsCompleted,
    static: verdict.static,
    ...(verdict.durationMs === undefined ? {} : { durationMs: verdict.durationMs }),
  };
}
