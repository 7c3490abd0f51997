/**
 * Execute: runs every planned mutant on a piscina pool of worker threads, each holding a
 * long-lived vitest session whose test threads outlive their runs (src/vitest/warm-threads.ts).
 * By default mutants run in batches — many mutants in one vitest run (see batches.ts,
 * src/vitest/batch-runner.ts) — and static mutants in groups (static-groups.ts) when test files
 * may share a thread, each probed first in one of its files (see probedFirst), a scout per module
 * before the module's others (scouts.ts). A mutant a batch
 * cannot settle cleanly runs as if alone (see leftovers()): in a group in a warm thread first,
 * then with a fresh thread per test file. `batchSize` 0 (isolation "full") runs
 * every mutant on its own. Longest expected work goes first so the workers finish together;
 * before it, chores (the coverage pass, src/coverage/on-pool.ts), each on a worker of its own.
 * A batch that an error escaped from (an uncaught exception, an unhandled rejection) settles none of
 * its mutants: those it names (src/vitest/escaped-errors.ts) run apart and the rest again as a
 * batch, which halves if it fails too, down to the mutant at fault.
 * A run past its wall-clock budget (`timeoutFactor × expected + timeoutMS + overhead`) is
 * aborted — piscina terminates the stuck thread and starts a fresh one. In a batch or a group,
 * tests have a shorter vitest timeout than the project's (test-timeouts.ts), so a mutant that
 * makes a test wait for what never comes costs the run little. A timeout that the hit
 * limit did not prove (wall clock, or vitest's test timeout) may come from a loaded machine
 * rather than the mutant, so the mutant's next run of its own, with the project's timeout,
 * confirms it (see leftovers()) before it is scored Timeout. That confirming run spends most of its time
 * waiting, so it goes to a lane and a pool worker of its own (the waiting lane, lanes.ts) and
 * overlaps the other lanes' work; so may a batch whose tests mostly wait on real timers, once the
 * chores are done (the other lanes take such batches in their turn too). A run that ends in an error, or completes fewer tests than planned, is retried once
 * and otherwise reported as RuntimeError: never as Survived. Before the first run of a single
 * mutant or a static group, a control run (control.ts) checks that planned tests pass through that
 * path with no mutant active; if not, the run stops with an InternalError and reports nothing more.
 * When `signal` aborts (the user interrupted the run), runs under way are stopped — their threads
 * terminated — and dropped, no new run starts, and the verdicts that finished are returned.
 */
import { Piscina } from 'piscina';
import type { MutantResult } from '../model.js';
import type { MutantRun } from '../plan/index.js';
import { fileKey, type RunOutcome, type SessionOptions, type Threads } from '../vitest/session.js';
import type { BatchUnsupported, MutantMessage, MutantTask } from './task.js';
import { batchOf, formBatches, mostlyWaits, type Batch, type TestFacts } from './batches.js';
import { batchVerdicts } from './batch-verdict.js';
import { formStaticGroups, needsProbe, probes, staticGroupOf, staticGroupVerdicts, type StaticGroup } from './static-groups.js';
import { isUnprovenTimeout, plannedOnly, verdictFor, type Settled, type Verdict } from './verdict.js';
import { controlFailure, controlPassed, controlRuns } from './control.js';
import { NO_MUTANT } from '../vitest/settings.js';
import { YOUNG_GENERATION_MB } from '../vitest/warm-threads.js';
import { trace } from '../trace.js';
import { runLanes, type Lanes } from './lanes.js';
import { askPool } from './ask-pool.js';
import { scouting } from './scouts.js';
import { testTimeouts, timeoutAllowance } from './test-timeouts.js';

export interface ExecuteOptions {
  timeoutMS: number;
  timeoutFactor: number;
  /** Allowance for vitest's own per-run work (scheduling, module loading) on top of test time. */
  overheadMs: number;
  /** Most mutants in one batch; 0 runs each mutant in a vitest run of its own. */
  batchSize: number;
  /** Mutated code reached this often while a mutant is active makes a Timeout (AssaySettings.stepLimit). */
  stepLimit: number;
  /** The same, per test file (fileKey) the dry run ran: the file's own count (plan's fileStepLimitsOf). */
  stepLimits: Record<string, number>;
  /** What the dry run learned of each test: duration (a batch's cost), the mutants it reached, its line. */
  tests: TestFacts;
  /** How batches and static groups give test files threads (the dry run decided). */
  threads: Threads;
  /** Called as each mutant gets its verdict. */
  onResult?: (result: MutantResult) => void;
  /** Stops the runs: see the module comment. */
  signal?: AbortSignal;
  /** What mutants wait for before they run (the type check, check/beside-runs.ts); without it, none waits. */
  gate?: RunGate;
  /** Work beside the mutants for a pool worker of its own (the coverage pass): lanes take it before any mutant. */
  chores?: readonly Chore[];
  /**
   * Starts a pool of one worker for the waiting lane (lanes.ts), which runs the runs that confirm
   * a timeout, and batches that mostly wait, beside the other lanes; started when the first such
   * work comes. Without it, or with one worker, they run in the worker lanes.
   */
  startWaiter?: () => Piscina;
  /** How long a lane waits on an empty queue before its idle worker ends its parked threads (REST_AFTER_MS). */
  restAfterMs?: number;
}

/**
 * A verdict mutants wait for before they run, given while the runs go on: lanes take only work
 * whose mutants are all decided, and leave out those decided to need no run (which get no verdict here).
 */
export interface RunGate {
  decided(id: number): boolean;
  leftOut(id: number): boolean;
  /** Calls `listener` whenever more mutants are decided. */
  onDecided(listener: () => void): void;
}

/** Work a lane hands to the pool beside the mutants (see ExecuteOptions.chores). */
export interface Chore {
  run(pool: Piscina, signal: AbortSignal | undefined): Promise<void>;
  /** Called instead of run() when the runs stop before a lane took it. */
  drop(): void;
}

const ATTEMPTS = 2;
/**
 * A worker lane out of work this long, while others run, has an idle worker end its parked
 * threads: long enough that a lane waiting for a scout's verdict or a batch's split-outs (well
 * under a second or two) keeps the warm threads they will run in.
 */
const REST_AFTER_MS = 2000;
/** A batch or group that never completed (see next()) is cut in two above this size; a smaller one runs its mutants alone. */
const SPLIT_ABOVE = 32;

/** What each pool worker starts its session with: the code it serves comes on `codeChannel` (served-code.ts). */
export type PoolData = Omit<SessionOptions, 'code' | 'batch'> & { codeChannel: string };

/**
 * Starts the pool's worker threads, each starting its vitest session at once, so that start-up
 * overlaps with mutating the code. `executePlan` destroys the pool when it is done.
 */
export function startPool(session: PoolData, concurrency: number): Piscina {
  const threads = Math.max(1, concurrency);
  return new Piscina({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
    // piscina's default ('sync') makes an idle worker wait for its next task in Atomics.wait, which
    // blocks its event loop: the vitest session each worker starts at once would stall until the
    // worker's first task, and its test threads' messages would wait between tasks.
    atomics: 'async',
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    workerData: session,
  });
}

export async function executePlan(mainPool: Piscina, runs: readonly MutantRun[], options: ExecuteOptions): Promise<MutantResult[]> {
  const threads = mainPool.options.maxThreads;
  const { gate } = options;
  const batched = (run: MutantRun) => options.batchSize > 0 && !run.static;
  const grouped = (run: MutantRun) => options.batchSize > 0 && run.static && options.threads === 'shared';
  // Per mutated file, the test files that killed its static mutants so far, and how many; per
  // static mutant, the files it was probed in (see probes).
  const killers = new Map<string, Map<string, number>>();
  const tried = new Map<number, Set<string>>();
  // A static mutant of several files not probed yet lists one file: its probe.
  const listings = (run: MutantRun) => (needsProbe(run) && !tried.has(run.mutant.id) ? 1 : run.selection.length);
  const staticWork = (grouped: readonly MutantRun[]): Work[] =>
    formStaticGroups(grouped, { maxSize: options.batchSize, workers: threads }, listings).map((group) => ({ together: group, expectedMs: group.expectedMs }));
  // Scouts go first: the static mutants of their modules wait for them (scouts.ts).
  const scouts = scouting(runs.filter(grouped));
  // Chores go first, beside the mutants in the other lanes; with one lane, last, after every mutant
  // (or as soon as no mutant may run yet, see `gate`).
  const chores = options.chores ?? [];
  const choreWork = chores.map((chore) => ({ chore, expectedMs: 0 }));
  const queue: Work[] = [
    ...(threads > 1 ? choreWork : []),
    ...staticWork(scouts.scouts),
    ...[
      ...formBatches(runs.filter(batched), { maxSize: options.batchSize, workers: threads }, options.tests, options.threads).map((batch) => ({ together: batch, expectedMs: batch.expectedMs })),
      ...staticWork(scouts.free),
      ...runs.filter((run) => !batched(run) && !grouped(run)).map((run) => ({ run, expectedMs: run.expectedMs })),
    ].sort((a, b) => b.expectedMs - a.expectedMs),
    ...(threads > 1 ? [] : choreWork),
  ];
  const results: MutantResult[] = [];
  let broken = false;
  const stopped = () => broken || options.signal?.aborted === true;
  let control: Promise<void> | undefined;
  const controlled = () =>
    (control ??= runControl(mainPool, runs, options).catch((error: unknown) => {
      broken = true;
      throw error;
    }));
  const report = (result: MutantResult) => {
    results.push(result);
    options.onResult?.(result);
    if (!result.static || result.status !== 'Killed') return;
    const counts = killers.get(result.fileName) ?? new Map<string, number>();
    for (const key of new Set(result.killedBy.flatMap((id) => (id in options.tests.files ? [fileKey(options.tests.files[id])] : [])))) counts.set(key, (counts.get(key) ?? 0) + 1);
    killers.set(result.fileName, counts);
  };
  const settle = (result: MutantResult, lanes: Lanes<Work>) => {
    report(result);
    const released = scouts.release(result.id);
    if (released.length > 0) lanes.putFirst(...staticWork(released));
  };
  const choresTaken = new Set<Chore>();
  const resting = new Set<Promise<unknown>>();
  // A confirming run mostly waits out the project's test timeout: it has a lane and a worker of
  // its own, beside the cores' lanes. A batch of tests on real timers mostly waits for them too:
  // that lane may take it, once the chores are done (its worker would add its memory to the
  // coverage pass's), and so may the cores' lanes, in its turn (the largest go first).
  let waiter: Piscina | undefined;
  let choresLeft = chores.length;
  const waits =
    threads > 1 && options.startWaiter !== undefined
      ? (work: Work) => (confirms(work) ? 'reserved' : choresLeft === 0 && 'together' in work && 'waitMs' in work.together && mostlyWaits(work.together) ? 'shared' : undefined)
      : undefined;
  const poolFor = async (lane: number): Promise<Piscina> => {
    if (lane < threads) return mainPool;
    waiter ??= options.startWaiter!();
    await askPool(waiter, { kind: 'ready' });
    return waiter;
  };
  const runWork = async (work: Work, lanes: Lanes<Work>, lane: number): Promise<void> => {
    const pool = await poolFor(lane);
    if ('chore' in work) {
      trace(describeWork(work));
      choresTaken.add(work.chore);
      try {
        return await work.chore.run(mainPool, options.signal);
      } finally {
        choresLeft--;
      }
    }
    if (!('together' in work && work.together.task.kind === 'batch')) await controlled();
    if (stopped()) return;
    const leftOut = gate === undefined ? [] : runsOf(work).filter((run) => gate.leftOut(run.mutant.id));
    // A scout left out frees the static mutants that waited for it: they run as the plan ordered (scouts.ts).
    for (const run of leftOut) lanes.putFirst(...staticWork(scouts.release(run.mutant.id)));
    const left = leftOut.length === 0 ? work : without(work, leftOut, options);
    if (left === undefined) return;
    const taken = probedFirst(left, killers, tried);
    trace(describeWork(taken));
    if ('run' in taken) {
      const result = await runMutant(pool, taken.run, options, taken.confirming === true);
      if (!stopped()) settle(result, lanes);
      return;
    }
    const { together } = taken;
    const { settled, unresolved, unprobed, failed, completed, timedOut, suspects } = await runTogether(pool, together, options);
    if (stopped()) return;
    for (const result of settled) settle(result, lanes);
    lanes.putFirst(...staticWork(unprobed));
    // A batch whose unhandled error came from some of its mutants' repeats runs them apart, as if
    // alone (as leftovers() would), and the rest again as a batch: one step where halving takes several.
    if (together.task.kind === 'batch' && !('suspected' in together && together.suspected === true) && suspects.length > 0 && suspects.length < unresolved.length) {
      const rest: Batch = { ...batchOf(unresolved.filter((run) => !suspects.includes(run)), options.tests, options.threads), suspected: true };
      const apart = options.threads === 'shared' ? staticWork(suspects) : suspects.map((run) => ({ run, expectedMs: run.expectedMs }));
      lanes.putFirst({ together: rest, expectedMs: rest.expectedMs }, ...apart);
      return;
    }
    // A run that failed as a whole is cut in two, so a mutant at fault is found in a few runs
    // rather than one run per mutant. One that completed with an error outside tests (a mutant's
    // uncaught error, a file that failed to load) is cut down to single mutants: its halves run in
    // the warm test threads, far cheaper than a run of its own with a fresh thread per file. One
    // that never completed (a thread ended, the wall clock) is cut only above SPLIT_ABOVE: each
    // failure there costs a thread, or a whole session, and its time budget.
    // What a run could not settle for a mutant runs next as if alone (see leftovers()).
    if (failed && unresolved.length > (completed ? 1 : SPLIT_ABOVE)) lanes.putFirst(...halves(unresolved, together.task.kind, options).map((half) => ({ together: half, expectedMs: half.expectedMs })));
    else lanes.putFirst(...leftovers(unresolved, together, { completed, timedOut }, options, staticWork));
  };
  try {
    // A lane out of work while others run lets an idle worker end its parked threads (RestTask):
    // near the end of a run they would otherwise sit beside the threads still at work.
    const rest = () => void resting.add(askPool(mainPool, { kind: 'rest' }).catch(() => undefined));
    // Lanes that wait for work to be decided wake as more is, and as the user stops the run.
    const ready = gate && {
      ready: (work: Work) => 'chore' in work || runsOf(work).every((run) => gate.decided(run.mutant.id)),
      onChange: (wake: () => void) => {
        gate.onDecided(wake);
        options.signal?.addEventListener('abort', wake, { once: true });
      },
    };
    await runLanes(queue, threads, runWork, { stopped, waits, onIdle: rest, idleMs: options.restAfterMs ?? REST_AFTER_MS, ...ready });
  } finally {
    for (const chore of chores) if (!choresTaken.has(chore)) chore.drop();
    // A worker's answer to a task the pool no longer holds (it was destroyed) would end the process.
    await Promise.all(resting);
    trace('pool destroy');
    await Promise.all([mainPool.destroy(), waiter?.destroy()]);
    trace('pool destroyed');
  }
  return results.sort((a, b) => a.id - b.id);
}

/** `work` without the runs `leftOut` (some of its own); undefined when none is left. */
function without(work: MutantWork, leftOut: readonly MutantRun[], options: Pick<ExecuteOptions, 'tests' | 'threads'>): MutantWork | undefined {
  const kept = runsOf(work).filter((run) => !leftOut.includes(run));
  if (kept.length === 0) return undefined;
  const { together } = work as Extract<MutantWork, { together: unknown }>;
  if (together.task.kind === 'batch') {
    const batch: Batch = { ...batchOf(kept, options.tests, options.threads), ...('suspected' in together && together.suspected === true && { suspected: true }) };
    return { together: batch, expectedMs: batch.expectedMs };
  }
  const group: StaticGroup = { ...staticGroupOf(kept), ...('confirming' in together && together.confirming === true && { confirming: true }) };
  return { together: group, expectedMs: group.expectedMs };
}

function runsOf(work: MutantWork): readonly MutantRun[] {
  return 'run' in work ? [work.run] : work.together.runs;
}

/**
 * A group of static mutants runs as probes first (static-groups.ts probes), chosen with what the
 * run has learned by now: `killers` holds, per mutated file, the test files that killed its static
 * mutants so far; `tried`, per mutant, the files it was probed in, to which this adds.
 */
function probedFirst(work: MutantWork, killers: ReadonlyMap<string, ReadonlyMap<string, number>>, tried: Map<number, Set<string>>): MutantWork {
  if (!('together' in work) || work.together.task.kind !== 'static') return work;
  const probe = probes(work.together as StaticGroup, killers, tried);
  if (probe === undefined) return work;
  for (const run of probe.runs.filter((each) => probe.probeOf?.has(each.mutant.id))) {
    const files = tried.get(run.mutant.id) ?? new Set<string>();
    tried.set(run.mutant.id, files.add(fileKey(run.selection[0])));
  }
  return { together: probe, expectedMs: work.expectedMs };
}

/** A line of the trace timeline (ASSAY_TRACE) naming what a lane takes. */
function describeWork(work: Work): string {
  if ('chore' in work) return 'work chore';
  if ('run' in work) return `work single mutant=${work.run.mutant.id}${work.confirming === true ? ' confirming' : ''}`;
  const { task, runs } = work.together;
  const probes = 'probeOf' in work.together ? (work.together.probeOf?.size ?? 0) : 0;
  return `work ${task.kind} mutants=${runs.length} listings=${task.selection.length} expected=${Math.round(work.expectedMs)}ms${probes > 0 ? ` probes=${probes}` : ''}`;
}

/** Wall-clock budget of a run whose tests took `expectedMs` in the dry run. */
function budgetFor(expectedMs: number, options: ExecuteOptions): number {
  return options.timeoutFactor * expectedMs + options.timeoutMS + options.overheadMs;
}

/**
 * A batch's or group's budget: a group that lists a test file k times loads it k times, so it is
 * allowed a run's own work (the overhead) k times.
 */
function runBudget(work: Batch | StaticGroup, options: ExecuteOptions): number {
  const repeats = 'repeats' in work ? work.repeats : 1;
  return budgetFor(work.expectedMs, options) + Math.max(0, repeats - 1) * options.overheadMs;
}

/** A run that confirms a timeout: its own, with the project's test timeout (see leftovers()). */
function confirms(work: Work): boolean {
  if ('run' in work) return work.confirming === true;
  return 'together' in work && 'confirming' in work.together && work.together.confirming === true;
}

/** `confirming`: the mutant already timed out once without proof (in a batch or a group); one confirming attempt is left. */
type MutantWork = { run: MutantRun; expectedMs: number; confirming?: boolean } | { together: Batch | StaticGroup; expectedMs: number };
type Work = MutantWork | { chore: Chore; expectedMs: number };

/**
 * One vitest run for many mutants — a batch, or a group of static mutants — and the verdicts it
 * settles; what it cannot settle is returned to run alone.
 */
async function runTogether(
  pool: Piscina,
  work: Batch | StaticGroup,
  options: ExecuteOptions,
): Promise<{ settled: MutantResult[]; unresolved: MutantRun[]; unprobed: MutantRun[]; failed: boolean; completed: boolean; timedOut: ReadonlySet<number>; suspects: MutantRun[] }> {
  const started = Date.now();
  // A run that confirms a timeout gives tests the project's own timeout; others a shorter one (test-timeouts.ts).
  const confirmed = 'confirming' in work && work.confirming === true;
  const timeouts = confirmed ? undefined : testTimeouts(work.task.selection, options.tests);
  const task: MutantTask = timeouts === undefined ? work.task : { ...work.task, testTimeouts: timeouts };
  const budget = runBudget(work, options) + (timeouts === undefined ? 0 : timeoutAllowance(work.runs, timeouts));
  const outcome = await runWithBudget(pool, message(task, options), budget, options.signal);
  // Probes that did not run stand for their whole runs.
  const whole = (runs: readonly MutantRun[]) => runs.map((run) => ('probeOf' in work ? work.probeOf?.get(run.mutant.id) : undefined) ?? run);
  if (!('tests' in outcome)) return { settled: [], unresolved: whole(work.runs), unprobed: [], failed: true, completed: false, timedOut: new Set(), suspects: [] };
  // In a batch no mutant is active while a file loads, so an error outside tests is the run's, not a mutant's.
  const failed = outcome.unhandledErrors.length > 0 || (work.task.kind === 'batch' && outcome.files.some((file) => file.errors.length > 0));
  if (failed) {
    const [first] = [...outcome.unhandledErrors, ...outcome.files.flatMap((file) => file.errors)];
    trace(`failed: ${outcome.unhandledErrors.length} unhandled, escaped with ${outcome.escapedWith?.join(',') ?? 'none'}: ${first?.split('\n')[0]}`);
  }
  const verdicts = work.task.kind === 'batch' ? batchVerdicts(work.runs, outcome) : staticGroupVerdicts(work.runs, outcome);
  const durationMs = Math.round((Date.now() - started) / work.runs.length);
  // A probe settles only what a failure proves; anything else runs its whole run next (`unprobed`).
  const probeOf = 'probeOf' in work ? work.probeOf : undefined;
  const proven = (verdict: Settled | undefined) => verdict !== undefined && (verdict.status === 'Killed' || (verdict.status === 'Timeout' && !isUnprovenTimeout(verdict)));
  const unprobed = work.runs.flatMap((run) => {
    const wholeRun = probeOf?.get(run.mutant.id);
    return wholeRun !== undefined && !proven(verdicts.get(run.mutant.id)) ? [wholeRun] : [];
  });
  const runs = work.runs.filter((run) => probeOf?.get(run.mutant.id) === undefined || proven(verdicts.get(run.mutant.id)));
  // An unproven Timeout is a first attempt, which a run of the mutant's own confirms (see
  // leftovers()), unless this run is that confirming run.
  const unproven = (run: MutantRun) => {
    const verdict = verdicts.get(run.mutant.id);
    return verdict !== undefined && isUnprovenTimeout(verdict);
  };
  const timedOut = new Set(confirmed ? [] : runs.filter(unproven).map((run) => run.mutant.id));
  const settled = runs.flatMap((run) => {
    const verdict = verdicts.get(run.mutant.id);
    return verdict === undefined || timedOut.has(run.mutant.id) ? [] : [resultOf(probeOf?.get(run.mutant.id) ?? run, verdict, durationMs)];
  });
  const unresolved = runs.filter((run) => !verdicts.has(run.mutant.id) || timedOut.has(run.mutant.id));
  const suspects = unresolved.filter((run) => outcome.escapedWith?.includes(run.mutant.id) === true);
  return { settled, unresolved, unprobed, failed, completed: true, timedOut, suspects };
}

/** A mutant's result from a verdict that a run of `durationMs` (its share of a shared run) gave. */
function resultOf(run: MutantRun, verdict: Settled, durationMs: number): MutantResult {
  return { ...run.mutant, coveredBy: run.coveredBy, static: run.static, durationMs, ...verdict };
}

/**
 * How the mutants a completed batch could not settle run as if alone: when files share threads,
 * in groups (static-groups.ts) — each active from the moment its modules load, with a fresh
 * module graph per test file, as in a run of its own, but in a warm thread, several to a vitest
 * run — and only what that cannot settle (or what a group left, or a run that never completed) in
 * a run with a fresh thread per file. A timeout the hit limit did not prove (vitest's test
 * timeout) is confirmed by the next run of the mutant's own, with the project's test timeout: a
 * group of one after a completed batch or group where files share threads, else the fresh-thread run.
 */
function leftovers(
  unresolved: readonly MutantRun[],
  from: Batch | StaticGroup,
  ended: { completed: boolean; timedOut: ReadonlySet<number> },
  options: ExecuteOptions,
  groups: (runs: readonly MutantRun[]) => Work[],
): Work[] {
  const timedOut = (run: MutantRun) => ended.timedOut.has(run.mutant.id);
  if (ended.completed && options.threads === 'shared') {
    const confirming = unresolved.filter(timedOut).map((run): Work => ({ together: { ...staticGroupOf([run]), confirming: true }, expectedMs: run.expectedMs }));
    const rest = unresolved.filter((run) => !timedOut(run));
    return [...(from.task.kind === 'batch' ? groups(rest) : rest.map((run) => ({ run, expectedMs: run.expectedMs }))), ...confirming];
  }
  // A batch or group that timed out without proof was a first attempt: only the confirming run is left.
  return unresolved.map((run) => ({ run, expectedMs: run.expectedMs, ...(timedOut(run) ? { confirming: true } : {}) }));
}

/** `runs` (what a batch or a group left unresolved) cut in two, each half of the same kind. */
function halves(runs: readonly MutantRun[], kind: 'batch' | 'static', options: ExecuteOptions): Array<Batch | StaticGroup> {
  const middle = Math.ceil(runs.length / 2);
  const parts = [runs.slice(0, middle), runs.slice(middle)];
  return parts.map((half) => (kind === 'batch' ? batchOf(half, options.tests, options.threads) : staticGroupOf(half)));
}

/** A task as the pool runs it: with the step limit and the lines of its tests (task.ts). */
function message(task: MutantTask, options: ExecuteOptions): MutantMessage {
  const ids = task.selection.flatMap((file) => file.testIds ?? []);
  const lines = Object.fromEntries(ids.flatMap((id) => {
    const line = options.tests.lines.get(id);
    return line === undefined ? [] : [[id, line] as const];
  }));
  const stepLimits = Object.fromEntries(task.selection.flatMap((file) => {
    const key = fileKey(file);
    return key in options.stepLimits ? [[key, options.stepLimits[key]] as const] : [];
  }));
  return { ...task, stepLimit: options.stepLimit, stepLimits, lines };
}

/**
 * The control run (control.ts): resolves once planned tests of a cheap selection passed with no
 * mutant active, through the single-mutant path; rejects with an InternalError when none did.
 */
async function runControl(pool: Piscina, runs: readonly MutantRun[], options: ExecuteOptions): Promise<void> {
  const problems: string[] = [];
  for (const run of controlRuns(runs)) {
    const task: MutantTask = { kind: 'single', mutantId: NO_MUTANT, hitLimit: run.hitLimit, selection: run.selection };
    const verdict = await attemptRun(pool, task, run, budgetFor(run.expectedMs, options), options);
    if (controlPassed(verdict) || options.signal?.aborted === true) return;
    const files = [...new Set(run.selection.map((file) => file.moduleId))].join(', ');
    problems.push(`${files}: ${'retry' in verdict ? verdict.retry : (verdict.statusReason ?? verdict.status)}`);
  }
  if (problems.length > 0) throw controlFailure(problems);
}

/** Runs a task within a wall-clock budget; what went wrong when there is no outcome. */
async function runWithBudget(
  pool: Piscina,
  task: MutantMessage,
  budgetMs: number,
  interrupt: AbortSignal | undefined,
): Promise<RunOutcome | BatchUnsupported | { aborted: true } | { failed: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), budgetMs);
  const signal = interrupt === undefined ? abort.signal : AbortSignal.any([abort.signal, interrupt]);
  try {
    return (await pool.run(task, { signal })) as RunOutcome | BatchUnsupported;
  } catch (error) {
    if (abort.signal.aborted) return { aborted: true };
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

async function runMutant(pool: Piscina, run: MutantRun, options: ExecuteOptions, confirming: boolean): Promise<MutantResult> {
  const task: MutantTask = { kind: 'single', mutantId: run.mutant.id, hitLimit: run.hitLimit, selection: run.selection };
  const first = confirming ? ATTEMPTS : 1;
  let budgetMs = budgetFor(run.expectedMs, options) * 2 ** (first - 1);
  let lastProblem = '';
  for (let attempt = first; attempt <= ATTEMPTS; attempt++) {
    const started = Date.now();
    const verdict = await attemptRun(pool, task, run, budgetMs, options);
    const base = { ...run.mutant, coveredBy: run.coveredBy, static: run.static, durationMs: Date.now() - started };
    if ('status' in verdict && !(isUnprovenTimeout(verdict) && attempt < ATTEMPTS)) return { ...base, ...verdict };
    lastProblem = 'retry' in verdict ? verdict.retry : '';
    budgetMs *= 2;
  }
  return {
    ...run.mutant,
    coveredBy: run.coveredBy,
    static: run.static,
    status: 'RuntimeError',
    statusReason: lastProblem,
    killedBy: [],
    testsCompleted: 0,
  };
}

/** One run of `task`, for the tests `run` planned. */
async function attemptRun(pool: Piscina, task: MutantTask, run: MutantRun, budgetMs: number, options: ExecuteOptions): Promise<Verdict> {
  const outcome = await runWithBudget(pool, message(task, options), budgetMs, options.signal);
  if ('aborted' in outcome) {
    return { status: 'Timeout', statusReason: `no result within ${Math.round(budgetMs)} ms`, killedBy: [], testsCompleted: 0 };
  }
  if ('failed' in outcome) return { retry: `worker failed: ${outcome.failed}` };
  if ('batchUnsupported' in outcome) return { retry: 'a single mutant run was answered as a batch' };
  return verdictFor(plannedOnly(outcome, run.selection), run.plannedTests);
}
