/** The messages between the coordinator (check/index.ts) and its type-check workers (check/worker.ts). */
import type { CheckedMutant } from './check-mutants.js';

export type CheckTask = { kind: 'baseline' } | { kind: 'mutants'; mutants: CheckedMutant[] };

export type CheckAnswer =
  /** The unmutated project's first type error, formatted; absent when it type-checks. */
  | { kind: 'baseline'; compiler: string; error?: string }
  /** The mutants that do not type-check, each with its first error, formatted. */
  | { kind: 'mutants'; failed: Array<{ id: number; reason: string }> }
  | { kind: 'user-error'; message: string };
