/**
 * Check: with `checkers: ["typescript"]`, finds the mutants that do not type-check, as StrykerJS's
 * TypeScript checker does: a mutant with a type error in its own file or in a file that imports
 * it is a CompileError, with the first error as the reason, never run and left out of the score.
 *
 * Runs on its own pool of worker threads, started with the dry run so that the two overlap; each
 * thread loads the project's compiler once and checks its share of the mutants (check-mutants.ts),
 * one thread also the mutated files as they are: a mutated file that does not type-check before
 * mutation (or a file importing it, once a check reads it) stops the run with its first error, as
 * nothing could be told of its mutants.
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import { atMost, endPool } from '../pool-end.js';
import { InternalError, UserError } from '../errors.js';
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

/** Mutants per thread at least: fewer would not repay loading the compiler in another thread. */
const MUTANTS_PER_THREAD = 500;
/** Shares per thread: the threads finish close together although files differ in cost. */
const SHARES_PER_THREAD = 4;

export async function typeCheck(options: Options, files: readonly SourceFile[], mutants: readonly Mutant[], signal?: AbortSignal): Promise<TypeCheckResult> {
  const started = Date.now();
  const byName = new Map(files.map((file) => [file.name, file]));
  const trees = new Map<string, ReturnType<typeof parseSourceFile>>();
  const treeOf = (file: SourceFile) => trees.get(file.name) ?? trees.set(file.name, parseSourceFile(file)).get(file.name)!;
  const checked = mutants
    .filter((mutant) => mutant.ignoredReason === undefined)
    .map((mutant): CheckedMutant => {
      const file = byName.get(mutant.fileName)!;
      const region = regionOf(treeOf(file), mutant.start, mutant.end, mutant.mutatorName);
      return { id: mutant.id, file: slashed(file.path), start: mutant.start, end: mutant.end, replacement: mutant.replacement, ...(region && { region }) };
    });
  // The native compiler is a process of its own that checks in parallel: one thread talks to it.
  const threads = nativePackage(options.projectRoot) !== undefined ? 1 : Math.max(1, Math.min(options.concurrency, Math.ceil(checked.length / MUTANTS_PER_THREAD)));
  const data: CheckerData = {
    projectRoot: options.projectRoot,
    tsconfigFile: options.tsconfigFile,
    texts: Object.fromEntries(files.map((file) => [slashed(file.path), file.text])),
    sealedBodies: Object.fromEntries(files.filter((file) => trees.has(file.name)).map((file) => [slashed(file.path), sealedBodiesOf(treeOf(file))])),
    grouped: options.typescriptChecker.prioritizePerformanceOverAccuracy,
    threads,
    closing: new SharedArrayBuffer(4),
  };
  const pool = new Piscina({ filename: new URL('./worker.js', import.meta.url).href, minThreads: threads, maxThreads: threads, workerData: data });
  // A thread that dies fails its task; the pool's own event must not end the process.
  pool.on('error', () => undefined);
  // A failure stops the other checks at once (their threads end); a success lets each worker close its compiler first.
  const failed = new AbortController();
  try {
    const run = (task: CheckTask) => pool.run(task, { signal: AbortSignal.any([failed.signal, ...(signal ? [signal] : [])]) }) as Promise<CheckAnswer>;
    const tasks: CheckTask[] = [{ kind: 'baseline' }, ...shares(checked, threads * SHARES_PER_THREAD).map((share): CheckTask => ({ kind: 'mutants', mutants: share }))];
    const answers = threads === 1 ? oneAtATime(tasks, run) : tasks.map(run);
    for (const answer of answers) answer.catch(() => undefined); // each is awaited below, or aborted when another fails
    const baseline = await answers[0];
    if (baseline.kind === 'user-error') throw new UserError(baseline.message);
    if (baseline.kind === 'failure') throw new InternalError(`the TypeScript checker failed: ${baseline.message}`);
    if (baseline.kind !== 'baseline') throw new Error('the type-check baseline was not answered');
    if (baseline.error !== undefined) {
      throw new UserError(`${baseline.error} ${NOT_COMPILING}`);
    }
    const compileErrors = new Map<number, string>();
    for (const answer of await Promise.all(answers.slice(1))) {
      if (answer.kind === 'user-error') throw new UserError(answer.message);
      if (answer.kind === 'failure') throw new InternalError(`the TypeScript checker failed: ${answer.message}`);
      if (answer.kind === 'mutants') for (const { id, reason } of answer.failed) compileErrors.set(id, reason);
    }
    return { compileErrors, compiler: baseline.compiler, checked: checked.length, durationMs: Date.now() - started };
  } catch (error) {
    failed.abort();
    throw error;
  } finally {
    // Each worker closes its compiler before the threads end, after a failure too: the native one
    // is a process of its own, which outlives a thread that ends without closing it (and, holding
    // the terminal's streams, kept a caller waiting for assay's output to end).
    await closeCompilers(pool, threads);
    await endPool(pool);
  }
}

/**
 * The tasks of a single thread (the native compiler's), each sent once the one before answered
 * well: a failure then never finds a task running, whose thread the abort would end before it
 * closed the compiler's process (which then outlived assay, holding its output open).
 */
function oneAtATime(tasks: readonly CheckTask[], run: (task: CheckTask) => Promise<CheckAnswer>): Promise<CheckAnswer>[] {
  let previous: Promise<CheckAnswer | undefined> = Promise.resolve(undefined);
  return tasks.map((task) => {
    const answer = previous.then((before) => (before === undefined || answeredWell(before) ? run(task) : Promise.reject(new Error('not checked: an earlier check failed'))));
    previous = answer;
    return answer;
  });
}

function answeredWell(answer: CheckAnswer): boolean {
  return (answer.kind === 'baseline' && answer.error === undefined) || answer.kind === 'mutants';
}

/** How long closing the compilers may take, at most (a worker's close waits for the others for as long). */
const CLOSE_WAIT_MS = 15_000;

function closeCompilers(pool: Piscina, threads: number): Promise<void> {
  return atMost(Promise.all(Array.from({ length: threads }, () => pool.run({ kind: 'close' } satisfies CheckTask))), CLOSE_WAIT_MS);
}

/** `count` shares, each with mutants of every file (a share's checks are grouped across files). */
function shares(mutants: readonly CheckedMutant[], count: number): CheckedMutant[][] {
  const result: CheckedMutant[][] = Array.from({ length: Math.min(count, mutants.length) }, () => []);
  mutants.forEach((mutant, index) => result[index % result.length].push(mutant));
  return result;
}

function slashed(file: string): string {
  return file.split(path.sep).join('/');
}
