/**
 * A type-check worker (piscina worker thread): loads the project's compiler once, on its first
 * task, then answers tasks: the unmutated project's first type error, or which of a list of
 * mutants do not type-check. A user's mistake (no tsconfig, no typescript) is answered, not
 * thrown: the class of an error does not cross the thread boundary.
 */
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { UserError, describeError } from '../errors.js';
import { formatTypeError, relativeTo, type Compiler } from './compiler.js';
import { loadCompiler, type CompilerSetup } from './load-compiler.js';
import { checkMutants, placed, type SourceTexts } from './check-mutants.js';
import type { CheckAnswer, CheckTask } from './task.js';
import { trace } from '../trace.js';

export interface CheckerData extends CompilerSetup {
  /** Text of every file with mutants to check, by absolute path (forward slashes). */
  texts: Record<string, string>;
  grouped: boolean;
  threads: number;
  /** One Int32, 1 once the check is stopped: a check of mutants under way ends before its next program. */
  stop: SharedArrayBuffer;
  /** One Int32: how many workers of the pool have taken a `close` task. */
  closing: SharedArrayBuffer;
}

/** How long a closing worker waits for the others, at most. */
const CLOSE_WAIT_MS = 10_000;

const data = workerData as CheckerData;
const texts = diskBacked(new Map(Object.entries(data.texts)));
const relative = relativeTo(data.projectRoot);
const stopFlag = new Int32Array(data.stop);
let compiler: Compiler | undefined;

export default async function check(task: CheckTask): Promise<CheckAnswer> {
  if (task.kind === 'close') return close();
  try {
    return await answer(task);
  } catch (error) {
    return error instanceof UserError ? { kind: 'user-error', message: error.message } : { kind: 'failure', message: describeError(error) };
  }
}

async function answer(task: Exclude<CheckTask, { kind: 'close' }>): Promise<CheckAnswer> {
  compiler ??= await loadCompiler(data);
  if (task.kind === 'baseline') {
    // The mutated files; a file importing them is looked at when a check reads it (check-mutants.ts).
    const first = [...compiler.globalErrors(), ...compiler.errors(new Map(), Object.keys(data.texts).filter((file) => compiler!.has(file)))][0];
    trace('check: the unmutated files checked');
    return { kind: 'baseline', compiler: compiler.name, ...(first !== undefined && { error: formatTypeError(placed(first, texts), relative) }) };
  }
  const failed = checkMutants(compiler, task.mutants, { texts, sealedBodies: new Map(Object.entries(task.sealedBodies)), relative }, data.grouped, () => Atomics.load(stopFlag, 0) === 1);
  trace(`check: ${task.mutants.length} mutants checked, ${failed.size} rejected`);
  return { kind: 'mutants', failed: [...failed].map(([id, error]) => ({ id, reason: formatTypeError(error, relative) })) };
}

/** The mutated files' texts as given, and any other file's as on disk (read once). */
function diskBacked(given: Map<string, string>): SourceTexts {
  return {
    get(file) {
      if (!given.has(file)) {
        try {
          given.set(file, readFileSync(file, 'utf8'));
        } catch {
          return undefined;
        }
      }
      return given.get(file);
    },
  };
}

/** Closes this worker's compiler, then holds the thread until every worker has a close task: so each gets one. */
function close(): CheckAnswer {
  compiler?.close();
  compiler = undefined;
  const closing = new Int32Array(data.closing);
  Atomics.add(closing, 0, 1);
  const deadline = Date.now() + CLOSE_WAIT_MS;
  for (let seen = Atomics.load(closing, 0); seen < data.threads && Date.now() < deadline; seen = Atomics.load(closing, 0)) {
    Atomics.wait(closing, 0, seen, 50);
  }
  Atomics.notify(closing, 0);
  return { kind: 'closed' };
}
