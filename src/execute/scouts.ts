/**
 * Scouts: one static mutant of each module is probed before the module's others. A static
 * mutant's probe (static-groups.ts probes) is the test file that has killed the module's static
 * mutants so far, and before any has been killed only the plan's guess: the file whose tests reach
 * the module most, which need not check what a static mutant changes (a table of constants is
 * read by many files and checked by one). A probe that misses costs a whole run in all the
 * mutant's files, tens of them where the module is shared. So the module's other static mutants
 * that need a probe wait for its scout's verdict: once it is killed, the file that killed it
 * probes them all; if it is not, they run as the plan ordered, no worse off than without a scout.
 */
import type { MutantRun } from '../plan/index.js';
import { needsProbe } from './static-groups.js';

export interface Scouting {
  /** One static mutant per module among those that need a probe (more than one test file), to run first. */
  scouts: MutantRun[];
  /** Static mutants that need no probe: they run at once. */
  free: MutantRun[];
  /** The runs that waited for mutant `id`, once it has its verdict (or will not run): none unless it is a scout. */
  release(id: number): MutantRun[];
}

export function scouting(runs: readonly MutantRun[]): Scouting {
  const waiting = new Map<number, MutantRun[]>();
  const scoutOf = new Map<string, MutantRun>();
  const free: MutantRun[] = [];
  for (const run of runs) {
    if (!needsProbe(run)) {
      free.push(run);
      continue;
    }
    const scout = scoutOf.get(run.mutant.fileName);
    if (scout === undefined) {
      scoutOf.set(run.mutant.fileName, run);
      waiting.set(run.mutant.id, []);
    } else {
      waiting.get(scout.mutant.id)?.push(run);
    }
  }
  return {
    scouts: [...scoutOf.values()],
    free,
    release(id) {
      const released = waiting.get(id) ?? [];
      waiting.delete(id);
      return released;
    },
  };
}
