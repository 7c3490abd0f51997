/**
 * Which mutant's repeat an error that escaped the tests of a batch came from (an uncaught
 * exception or an unhandled rejection in a test thread). vitest reports such an error for the
 * whole run, which then settles none of the batch's mutants; the mutant it names is the first
 * suspect (src/execute/index.ts runs it apart from the rest of the batch). Each repeat of a test
 * runs in an async context of its mutant (`enterRepeat`, called by the batch runner as the repeat
 * starts), which timers, promises and event handlers the repeat set up carry on: an error thrown
 * from them names that mutant even when it escapes during a later repeat. Where no repeat's
 * context says (code vitest ran outside repeats), the mutant active when it escaped is named. A suspect only:
 * nothing is decided on it. The error carries the id to the node side in a property of its own,
 * set before vitest serializes the error: by wrapping `process.emit`, since vitest reports such an
 * error only while its own listener is the event's only one (another listener, it assumes, is the
 * user's, who handles it). Runs inside vitest's test threads.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { NO_MUTANT } from './settings.js';

/** The property of an escaped error that names the mutant it came from. */
export const ESCAPED_WITH = 'assayActive';

const TAGGING = Symbol.for('assay.tagsEscapedErrors');
const ESCAPES = new Set(['uncaughtException', 'unhandledRejection']);

/** One per thread: the setup file, the runner and the tagging share it across test files. */
function repeats(): AsyncLocalStorage<number> {
  const thread = globalThis as { [key: symbol]: AsyncLocalStorage<number> | undefined };
  return (thread[Symbol.for('assay.repeatContext')] ??= new AsyncLocalStorage<number>());
}

/** What runs from here on, and what it sets up to run later, belongs to `mutant`'s repeat (NO_MUTANT: the canary's). */
export function enterRepeat(mutant: number): void {
  repeats().enterWith(mutant);
}

/** Tags errors that escape tests from now on, once per thread; `active()`: the mutant active now, where no repeat's context says. */
export function tagEscapedErrors(active: () => number): void {
  const thread = process as NodeJS.Process & { [TAGGING]?: true };
  if (thread[TAGGING]) return;
  thread[TAGGING] = true;
  const emit = process.emit;
  process.emit = function (this: NodeJS.Process, event: string | symbol, error?: unknown, ...rest: unknown[]) {
    const id = ESCAPES.has(event as string) ? (repeats().getStore() ?? active()) : NO_MUTANT;
    if (id !== NO_MUTANT && error !== null && typeof error === 'object' && !(ESCAPED_WITH in error)) tag(error, id);
    return (emit as (...args: unknown[]) => boolean).call(this, event, error, ...rest);
  } as typeof process.emit;
}

/**
 * Not enumerable, so the tests' own handlers and assertions (`toEqual` compares enumerable
 * properties) see the error as it was; vitest's serializer copies every own property. An error
 * that cannot take it (frozen, a proxy that refuses) goes untagged.
 */
function tag(error: object, id: number): void {
  try {
    Object.defineProperty(error, ESCAPED_WITH, { value: id, enumerable: false, configurable: true });
  } catch {
    // untagged: the batch halves instead
  }
}

/** The mutant an escaped error was tagged with (node side), if any. */
export function escapedWith(error: unknown): number | undefined {
  const id = error !== null && typeof error === 'object' ? (error as Record<string, unknown>)[ESCAPED_WITH] : undefined;
  return typeof id === 'number' ? id : undefined;
}
