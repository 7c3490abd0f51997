/** The messages between the coordinator (check/index.ts) and its type-check workers (check/worker.ts). */
import type { CheckedMutant } from './check-mutants.js';

/** `close`: the worker lets go of its compiler (the native one is a process), then waits for every other worker to have one too. */
export type CheckTask =
  | { kind: 'baseline' }
  /** `sealedBodies`: by file of the mutants, the bodies a grouped check may blank (region.ts's sealedBodiesOf). */
  | { kind: 'mutants'; mutants: CheckedMutant[]; sealedBodies: Record<string, Array<{ start: number; end: number }>> }
  | { kind: 'close' };

export type CheckAnswer =
  /** The unmutated project's first type error, formatted; absent when it type-checks. */
  | { kind: 'baseline'; compiler: string; error?: string }
  /** The mutants that do not type-check, each with its first error, formatted. */
  | { kind: 'mutants'; failed: Array<{ id: number; reason: string }> }
  | { kind: 'user-error'; message: string }
  /** The checker itself failed (not the user's project): what went wrong, in one line. */
  | { kind: 'failure'; message: string }
  | { kind: 'closed' };
