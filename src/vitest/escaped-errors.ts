/**
 * Which mutant was active when an error escaped the tests of a batch (an uncaught exception or an
 * unhandled rejection in a test thread). vitest reports such an error for the whole run, which
 * then settles none of the batch's mutants; the mutant active as the error reached the thread's
 * `process` is the first suspect (src/execute/index.ts runs it apart from the rest of the batch).
 * A suspect only: a rejection is noticed after the microtasks that made it, when a later mutant
 * may be active, so nothing is decided on it. The error carries the id to the node side in a
 * property of its own, set before vitest serializes the error: by wrapping `process.emit`, since
 * vitest reports such an error only while its own listener is the event's only one (another
 * listener, it assumes, is the user's, who handles it). Runs inside vitest's test threads.
 */
import { NO_MUTANT } from './settings.js';

/** The property of an escaped error that names the mutant active when it escaped. */
export const ESCAPED_WITH = 'assayActive';

const TAGGING = Symbol.for('assay.tagsEscapedErrors');
const ESCAPES = new Set(['uncaughtException', 'unhandledRejection']);

/** Tags errors that escape tests with `active()` from now on, once per thread. */
export function tagEscapedErrors(active: () => number): void {
  const thread = process as NodeJS.Process & { [TAGGING]?: true };
  if (thread[TAGGING]) return;
  thread[TAGGING] = true;
  const emit = process.emit;
  process.emit = function (this: NodeJS.Process, event: string | symbol, error?: unknown, ...rest: unknown[]) {
    const id = ESCAPES.has(event as string) ? active() : NO_MUTANT;
    if (id !== NO_MUTANT && error !== null && typeof error === 'object' && !(ESCAPED_WITH in error)) (error as Record<string, unknown>)[ESCAPED_WITH] = id;
    return (emit as (...args: unknown[]) => boolean).call(this, event, error, ...rest);
  } as typeof process.emit;
}

/** The mutant an escaped error was tagged with (node side), if any. */
export function escapedWith(error: unknown): number | undefined {
  const id = error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[ESCAPED_WITH] : undefined;
  return typeof id === 'number' ? id : undefined;
}
