/**
 * Check: with `checkers: ["typescript"]`, finds the mutants that do not type-check, as StrykerJS's
 * TypeScript checker does: a mutant with a type error in its own file or in a file that imports
 * it is a CompileError, with the first error as the reason, never run and left out of the score.
 *
 * Runs on worker threads of its own. The first starts with the run, before the files are parsed:
 * it loads the project's compiler and checks the files to mutate as they are, while the parser
 * loads and the dry run runs. A file that does not type-check before mutation (or a file importing
 * it, once a check reads it) stops the run with its first error, as nothing could be told of its
 * mutants. Then each thread checks shares of the mutants (check-mutants.ts), and each share's
 * verdicts are told as it is done: the mutant runs go on beside the check (beside-runs.ts).
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import { atMost, endPool } from '../pool-end.js';
import { InternalError, UserError } from '../errors.js';
import { untilAborted } from '../interrupt.js';
import type { Mutant, Options, SourceFile } from '../model.js';
import type { CheckedMutant } from './check-mutants.js';
import { regionOf, sealedBodiesOf } from './region.js';
import { parseSourceFile } from '../mutate/parse.js';
import type { CheckAnswer, CheckTask } from './task.js';
import { nativePackage } from './load-compiler.js';
import { NOT_COMPILING } from './compiler.js';
import type { CheckerData } from './worker.js';

export interface TypeCheckResult {
  /** Mutant id → its first type error, as tsc prints it: `src/a.ts(3,7): error TS2322: …`. */
  compileErrors: Map<number, string>;
  /** The compiler used, e.g. `typescript 5.9.3`. */
  compiler: string;
  /** How many mutants were checked. */
  checked: number;
  durationMs: number;
}

/**
 * Mutants per thread at least. The check runs beside the mutant runs, on the same cores, so a
 * thread that loads the compiler again (about 2 s of CPU, and as much again for the JIT and
 * the garbage collector) delays the runs; on two cores, ufo's 1,005 mutants took longer on two
 * threads (7–9 s) than on one (6 s).
 */
const MUTANTS_PER_THREAD = 2500;
/**
 * Shares per thread: the threads finish close together although files differ in cost, and the
 * mutant runs, which wait for their mutants' shares (check/beside-runs.ts), can start early.
 */
const SHARES_PER_THREAD = 8;

export interface TypeCheckEvents {
  /** Stops the check: its threads end. */
  signal?: AbortSignal;
  /** The mutated files type-check unmutated: the mutants' checks follow. */
  baselinePassed?: () => void;
  /**
   * A share of the mutants is checked (before the whole check is): their ids, and those that do
   * not type-check with their reasons. Told only once the mutated files type-check unmutated.
   */
  shareChecked?: (share: { ids: readonly number[]; compileErrors: ReadonlyMap<number, string> }) => void;
}

/** A type check started before its mutants are known. */
export interface StartedCheck {
  /** Checks `mutants` (of `files`, the files as parsed); ends the check's threads when done. */
  check(files: readonly SourceFile[], mutants: readonly Mutant[], events?: TypeCheckEvents): Promise<TypeCheckResult>;
  /**
   * Stops the check (see `stopping` in startTypeCheck) and ends its threads, once each has closed
   * its compiler. Safe to call again.
   */
  end(): Promise<void>;
}

/**
 * Starts the check's first thread on `files`, the files to mutate, before they are parsed: it
 * loads the compiler and checks them unmutated while the parser loads and the dry run runs.
 */
export function startTypeCheck(options: Options, files: readonly SourceFile[]): StartedCheck {
  const started = Date.now();
  const setup = {
    projectRoot: options.projectRoot,
    tsconfigFile: options.tsconfigFile,
    texts: Object.fromEntries(files.map((file) => [slashed(file.path), file.text])),
    grouped: options.typescriptChecker.prioritizePerformanceOverAccuracy,
    stop: new SharedArrayBuffer(4),
  };
  const first = checkPool(setup, 1);
  const pools = [first];
  // Stopped (a failure, the run's end, the user): no task is sent any more. On the JavaScript API
  // the tasks under way stop too, their threads ended; the native compiler's end at their next
  // program (the `stop` flag), as a thread ended mid-task would leave the compiler's process
  // behind (holding assay's output open).
  const native = nativePackage(options.projectRoot) !== undefined;
  const stopping = new AbortController();
  stopping.signal.addEventListener('abort', () => Atomics.store(new Int32Array(setup.stop), 0, 1), { once: true });
  const sent: Array<Promise<CheckAnswer>> = [];
  const run = (pool: Piscina, task: CheckTask) => {
    const answer = stopping.signal.aborted ? Promise.reject(new Error('not checked: the check was stopped')) : (pool.run(task, native ? {} : { signal: stopping.signal }) as Promise<CheckAnswer>);
    answer.catch(() => undefined); // awaited where it is used, or not once the check stops
    sent.push(answer);
    return answer;
  };
  const baseline = run(first, { kind: 'baseline' });
  let ended: Promise<void> | undefined;
  const end = () =>
    (ended ??= (async () => {
      stopping.abort();
      await atMost(Promise.allSettled(sent), CLOSE_WAIT_MS);
      // Each worker closes its compiler before the threads end, after a failure too: the native one
      // is a process of its own, which outlives a thread that ends without closing it (and, holding
      // the terminal's streams, kept a caller waiting for assay's output to end).
      await Promise.all(pools.map((pool) => closeCompilers(pool, pool.options.maxThreads)));
      await Promise.all(pools.map(endPool));
    })());
  const check = async (mutated: readonly SourceFile[], mutants: readonly Mutant[], { signal, baselinePassed, shareChecked }: TypeCheckEvents = {}): Promise<TypeCheckResult> => {
    const byName = new Map(mutated.map((file) => [file.name, file]));
    const trees = new Map<string, ReturnType<typeof parseSourceFile>>();
    const treeOf = (file: SourceFile) => trees.get(file.name) ?? trees.set(file.name, parseSourceFile(file)).get(file.name)!;
    const checked = mutants
      .filter((mutant) => mutant.ignoredReason === undefined)
      .map((mutant): CheckedMutant => {
        const file = byName.get(mutant.fileName)!;
        const region = regionOf(treeOf(file), mutant.start, mutant.end, mutant.mutatorName);
        return { id: mutant.id, file: slashed(file.path), start: mutant.start, end: mutant.end, replacement: mutant.replacement, ...(region && { region }) };
      });
    const sealedBodies = new Map(mutated.filter((file) => trees.has(file.name)).map((file) => [slashed(file.path), sealedBodiesOf(treeOf(file))]));
    // The native compiler is a process of its own that checks in parallel: one thread talks to it.
    const threads = native ? 1 : Math.max(1, Math.min(options.concurrency, Math.ceil(checked.length / MUTANTS_PER_THREAD)));
    if (threads > 1) pools.push(checkPool(setup, threads - 1));
    const stop = () => stopping.abort();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      const parts = shares(checked, threads * SHARES_PER_THREAD);
      const tasks = parts.map((share): CheckTask => ({ kind: 'mutants', mutants: share, sealedBodies: Object.fromEntries([...new Set(share.map((mutant) => mutant.file))].flatMap((file) => (sealedBodies.has(file) ? [[file, sealedBodies.get(file)!]] : []))) }));
      // With one thread, each share goes once the answer before it came well (see oneAtATime); with more, share i to the first thread when i % threads is 0, else to the others.
      const answers = threads === 1 ? oneAtATime(baseline, tasks, (task) => run(first, task)) : tasks.map((task, index) => run(index % threads === 0 ? first : pools[1], task));
      for (const answer of answers) answer.catch(() => undefined); // each is awaited below, or stopped when another fails
      const answered = await untilAborted(baseline, signal);
      if (answered.kind === 'user-error') throw new UserError(answered.message);
      if (answered.kind === 'failure') throw new InternalError(`the TypeScript checker failed: ${answered.message}`);
      if (answered.kind !== 'baseline') throw new Error('the type-check baseline was not answered');
      if (answered.error !== undefined) throw new UserError(`${answered.error} ${NOT_COMPILING}`);
      baselinePassed?.();
      const compileErrors = new Map<number, string>();
      const shareDone = (answer: CheckAnswer, share: readonly CheckedMutant[]) => {
        if (answer.kind === 'user-error') throw new UserError(answer.message);
        if (answer.kind === 'failure') throw new InternalError(`the TypeScript checker failed: ${answer.message}`);
        if (answer.kind !== 'mutants') throw new Error('a share of the type check was not answered');
        const found = new Map(answer.failed.map(({ id, reason }) => [id, reason]));
        found.forEach((reason, id) => compileErrors.set(id, reason));
        shareChecked?.({ ids: share.map((mutant) => mutant.id), compileErrors: found });
      };
      await Promise.all(answers.map((answer, index) => answer.then((done) => shareDone(done, parts[index]))));
      return { compileErrors, compiler: answered.compiler, checked: checked.length, durationMs: Date.now() - started };
    } catch (error) {
      stop();
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      await end();
    }
  };
  return { check, end };
}

function checkPool(setup: Omit<CheckerData, 'threads' | 'closing'>, threads: number): Piscina {
  const data: CheckerData = { ...setup, threads, closing: new SharedArrayBuffer(4) };
  const pool = new Piscina({ filename: new URL('./worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, workerData: data });
  // A thread that dies fails its task; the pool's own event must not end the process.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * The tasks of a single thread (the native compiler's), each sent once the answer before it (the
 * baseline's first) came well: a failure then never finds a task running, whose thread the abort
 * would end before it closed the compiler's process (which then outlived assay, holding its output open).
 */
function oneAtATime(first: Promise<CheckAnswer>, tasks: readonly CheckTask[], run: (task: CheckTask) => Promise<CheckAnswer>): Promise<CheckAnswer>[] {
  let previous = first;
  return tasks.map((task) => {
    const answer = previous.then((before) => (answeredWell(before) ? run(task) : Promise.reject(new Error('not checked: an earlier check failed'))));
    previous = answer;
    return answer;
  });
}

function answeredWell(answer: CheckAnswer): boolean {
  return (answer.kind === 'baseline' && answer.error === undefined) || answer.kind === 'mutants';
}

/** How long closing the compilers may take, at most (a worker's close waits for the others of its pool for as long). */
const CLOSE_WAIT_MS = 15_000;

function closeCompilers(pool: Piscina, threads: number): Promise<void> {
  return atMost(Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'close' } satisfies CheckTask))), CLOSE_WAIT_MS);
}

/**
 * `count` shares of about as many mutants, each of as few files as may be (mutants in file order):
 * every program a check builds type-checks each file it changes whole, so a share that held some
 * mutants of every file would check every file again in each of its programs.
 */
function shares(mutants: readonly CheckedMutant[], count: number): CheckedMutant[][] {
  const ordered = [...mutants].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start));
  const size = Math.ceil(ordered.length / Math.max(1, count));
  return Array.from({ length: Math.ceil(ordered.length / size) }, (_, index) => ordered.slice(index * size, (index + 1) * size));
}

function slashed(file: string): string {
  return file.split(path.sep).join('/');
}
