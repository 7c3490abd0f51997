/**
 * The pipeline: select → mutate → instrument → dry run (+ coverage pass) → plan → execute. Takes validated options
 * and returns the data every reporter reads. The execute stage's pool starts right after select,
 * and both the dry run and the mutants run in its workers' vitest sessions. Knows nothing of terminals, signals or exit codes
 * (the CLI's job), so it is also the Node API.
 *
 * `signal` stops a run early: before any mutant has run it rejects with Interrupted; once mutants
 * run, it returns at once with the verdicts that finished and every other mutant Pending.
 */
import type { ChangedSince, Mutant, MutantResult, Options, RunResult, SourceFile } from './model.js';
import { changedSince, selectFiles } from './select/index.js';
// The parser (ts-morph, TypeScript) loads on demand, once the pool has started (see runPipeline).
import type { findMutants as FindMutants } from './mutate/index.js';
import type { instrument as Instrument } from './instrument/index.js';
import { dryRun, type DryRunResult } from './dry-run/index.js';
import { fileStepLimitsOf, planMutants, stepLimitOf, type MutantRun, type Plan } from './plan/index.js';
import { executePlan, startPool, type ExecuteOptions, type PoolData, type RunGate } from './execute/index.js';
import { CodeChannel } from './execute/served-code.js';
import type { Piscina } from 'piscina';
import { suiteRunsOnPool } from './dry-run/on-pool.js';
import { coverageOnPool } from './coverage/on-pool.js';
import { endPool } from './pool-end.js';
import { projectSession } from './vitest/session.js';
import { Interrupted, untilAborted } from './interrupt.js';
import { PASSED_THEN_FAILED, withFlaky } from './dry-run/flaky.js';
import { replanWithoutFlaky } from './plan/replan.js';
import { shardPlan } from './shard/index.js';
import { reuseVerdicts, saveVerdicts, type ReuseInfo } from './incremental/reuse.js';
import { compileErrorResults, RunningCheck, withCompileErrors } from './check/beside-runs.js';
import type { StartedCheck } from './check/index.js';
import { EQUIVALENT_REASON, findEquivalentMutants, type Equivalence } from './check/equivalent-mutants.js';
import { copiedResult, runDuplicatesOnce } from './plan/duplicates.js';
import { trace } from './trace.js';

/** The least wall-clock allowance for vitest's own work in one mutant run. */
const MIN_RUN_OVERHEAD_MS = 5_000;
/** Most mutants in one batch (batches are sized to the work, see execute/batches.ts). */
const BATCH_SIZE = 500;

export interface PipelineEvents {
  warn?: (message: string) => void;
  /** Mutants have been found and planned: `total` will get a verdict from a run. */
  /**
   * `testFiles`: how many test files could reach the files under test (and ran), of those vitest found;
   * `typeChecked`: the TypeScript checker is on, and `toRun` counts the mutants it will leave out;
   * `equivalent`: mutants Ignored as compiling to the original code; `duplicates`: mutants that take the verdict of another that compiles to the same code.
   */
  planned?: (info: { mutants: number; toRun: number; tests: number; dryRunMs: number; testFiles: { related: number; found: number }; equivalent: number; duplicates: number; typeChecked: boolean }) => void;
  result?: (result: MutantResult) => void;
  /** A verdict given earlier is replaced: a test it relied on turned out flaky after it ran. */
  revised?: (result: MutantResult) => void;
  /** `--incremental` / `--resume`: how many planned runs took an earlier run's verdict instead. */
  reused?: (info: ReuseInfo) => void;
}

export async function runPipeline(options: Options, events: PipelineEvents = {}, signal?: AbortSignal): Promise<RunResult> {
  const started = Date.now();
  const changed = options.since === undefined ? undefined : await changedSince(options.projectRoot, options.since);
  const selected = await selectFiles(options, changed?.changed);
  // The pool's workers start their vitest sessions now, while the files are parsed and mutated
  // (loading the parser alone takes about a second); the code they serve follows (execute/served-code.ts).
  const served = new CodeChannel();
  const sessionOptions = { ...projectSession(options), bail: !options.disableBail, maxWorkers: 1, codeChannel: served.name };
  const pool = startPool(sessionOptions, options.concurrency);
  // With `checkers: ["typescript"]` the type check's first thread starts too: it loads the compiler and checks the files unmutated meanwhile.
  const checker = options.checkers.includes('typescript') ? (await import('./check/index.js')).startTypeCheck(options, selected) : undefined;
  try {
    return await runOnPool(options, events, signal, { started, changed, selected, pool, served, sessionOptions, checker });
  } catch (error) {
    await endPool(pool);
    throw error;
  } finally {
    served.close();
    await checker?.end();
  }
}

async function runOnPool(
  options: Options,
  events: PipelineEvents,
  signal: AbortSignal | undefined,
  {
    started,
    changed,
    selected,
    pool,
    served,
    sessionOptions,
    checker,
  }: { started: number; changed: ChangedSince | undefined; selected: SourceFile[]; pool: Piscina; served: CodeChannel; sessionOptions: PoolData; checker: StartedCheck | undefined },
): Promise<RunResult> {
  const [{ findMutants, parseableFiles }, { instrument }] = await Promise.all([import('./mutate/index.js'), import('./instrument/index.js')]);
  const files = parseableFiles(selected, (message) => events.warn?.(message));
  const mutants = numberMutants(files, options, events, findMutants);
  const since = changed && { ...changed, changed: Object.fromEntries(files.map((file) => [file.name, file.lineRanges ?? []])) };
  // `--since` with no mutant on a changed line: nothing to run, and no test runs.
  if (since !== undefined && mutants.length === 0) {
    await pool.destroy();
    return nothingToRun(options, files, since, started);
  }
  const { instrumented, unplaced } = instrumentAll(files, mutants, instrument);
  served.provide({ instrumented, relatedTo: files.map((file) => file.path) });
  // The equivalence filter and the type check's mutants go on beside the dry run, which runs in the pool's vitest sessions.
  const equivalence = options.equivalenceFilter ? findEquivalentMutants(files, mutants) : undefined;
  equivalence?.catch(() => undefined); // awaited below
  const placeable = mutants.filter((mutant) => !unplaced.has(mutant.id));
  // The check goes on beside the mutant runs too (check/beside-runs.ts).
  const checking = checker && new RunningCheck((events) => checker.check(files, placeable, events), signal);
  let dry: DryRunResult;
  let same: Equivalence | undefined;
  const suiteRuns = suiteRunsOnPool(pool);
  const dryDone = dryRun(options, suiteRuns);
  try {
    dry = await untilAborted(dryDone, signal);
    same = await equivalence;
    // A mutated file that does not type-check unmutated stops the run before anything is planned.
    if (checking) await untilAborted(checking.baseline, signal);
  } catch (error) {
    checking?.stop();
    await endPool(pool);
    throw error;
  }
  // `--shard i/n`: every mutant is planned, then this shard keeps its own (see shard/index.ts).
  // Runs get their verdict keys; with --incremental / --resume, those an earlier run settled are settled (incremental/reuse.ts).
  const plan = await reuseVerdicts(shardPlan(
    planMutants(
      placeable.map((mutant) => (same?.equivalent.has(mutant.id) === true ? { ...mutant, ignoredReason: EQUIVALENT_REASON } : mutant)),
      dry,
      options,
    ),
    unplacedResults(mutants, unplaced),
    { files, sinceBase: since?.base, shard: options.shard },
  ), { files, dry, options, events });
  const settled = plan.settled;
  // Duplicates of a mutant that runs take its verdict (plan/duplicates.ts).
  const { runs, copies } = runDuplicatesOnce(plan.runs, same?.duplicates ?? []);
  const withCopies = (result: MutantResult) => [result, ...(copies.get(result.id) ?? []).map((duplicate) => copiedResult(result, duplicate))];
  const onResult = events.result && ((result: MutantResult) => withCopies(result).forEach(events.result!));
  events.planned?.({
    mutants: settled.length + plan.runs.length,
    toRun: runs.length,
    tests: dry.tests.length,
    dryRunMs: dry.durationMs,
    testFiles: dry.testFiles,
    equivalent: settled.filter((result) => result.statusReason === EQUIVALENT_REASON).length,
    duplicates: plan.runs.length - runs.length,
    // `toRun` counts those the type check, still under way, will leave out.
    typeChecked: checking !== undefined,
  });
  settled.forEach((result) => events.result?.(result));
  if (dry.sharedThreadsRefused !== undefined) {
    events.warn?.(`${dry.sharedThreadsRefused}: every test file gets a fresh thread, which is slower`);
  }
  if (signal?.aborted) {
    checking?.stop();
    await endPool(pool);
    throw new Interrupted();
  }
  // The coverage pass needs nothing from the mutant runs and, of the dry run, only its test files
  // and how they get threads: one of the pool's workers runs it while the others run mutants.
  const coverage = coverageOnPool({ kind: 'coverage', files: files.map(({ path, name }) => ({ path, name })), testFiles: (await suiteRuns.suite()).files, threads: dry.threads });
  coverage.answer.catch(() => undefined); // awaited below; this only keeps a failure from going unhandled meanwhile
  const executeStarted = Date.now();
  trace('execute');
  // A mutant runs once the check has passed it, or a duplicate that takes its verdict (check/beside-runs.ts).
  const gate: RunGate | undefined = checking && {
    decided: (id) => checking.decided(id) && (copies.get(id) ?? []).every((copy) => checking.decided(copy.mutant.id)),
    leftOut: (id) => checking.leftOut(id) && (copies.get(id) ?? []).every((copy) => checking.leftOut(copy.mutant.id)),
    onDecided: (listener) => checking.onDecided(listener),
  };
  const runsSignal = checking ? AbortSignal.any([checking.failed, ...(signal ? [signal] : [])]) : signal;
  let executed = (await execute(pool, runs, dry, options, { onResult, signal: runsSignal, gate, chores: [coverage.chore], sessionOptions })).flatMap(withCopies);
  trace('executed');
  // The check may still be under way (with no run left, or a shard's runs done). Interrupted, it
  // stops too: the mutants it rejected so far are CompileError, the others it left undecided Pending.
  const checked = checking === undefined || signal?.aborted === true ? undefined : await untilAborted(checking.result, signal).catch((error: unknown) => {
    if (error instanceof Interrupted) return undefined;
    throw error;
  });
  const interrupted = signal?.aborted === true;
  if (interrupted) checking?.stop();
  // An interrupted run does not wait for coverage: what finished is written at once.
  const second = interrupted ? undefined : await coverage.answer;
  trace('coverage pass done');
  // Tests that passed in the dry run and failed in the coverage pass are flaky: verdicts they
  // may have decided are given again without them.
  const late = new Set(second?.failedTests.filter((id) => id in dry.testFile) ?? []);
  if (late.size > 0) {
    dry = withFlaky(dry, late, PASSED_THEN_FAILED);
    const again = replanWithoutFlaky(executed, late, mutants, dry, options);
    if (again.replaced.size > 0) {
      const rerun = again.runs.length === 0 ? [] : await execute(startPool(sessionOptions, options.concurrency), again.runs, dry, options, { signal, sessionOptions });
      const revised = [...again.settled, ...rerun];
      revised.forEach((result) => events.revised?.(result));
      executed = [...executed.filter((result) => !again.replaced.has(result.id)), ...revised];
    }
  }
  const executeMs = Date.now() - executeStarted;
  const finished = new Set(executed.map((result) => result.id));
  const pending = interrupted ? plan.runs.filter((run) => !finished.has(run.mutant.id)).map(pendingResult) : [];
  // The planned runs less those the check left out, which never ran.
  const ran = gate === undefined ? runs : runs.filter((run) => !gate.leftOut(run.mutant.id));
  const decided = checking === undefined ? [...settled, ...executed] : withCheckVerdicts([...settled, ...executed], plan, mutants, checking.rejectedSoFar, events);
  if (signal?.aborted !== true) await saveVerdicts(decided, { files, dry, options, events });
  return {
    projectRoot: options.projectRoot,
    files: files.map(({ name, text }) => ({ name, text })),
    tests: dry.tests,
    flakyTests: dry.flaky,
    mutants: [...decided, ...pending.filter((result) => !checking?.leftOut(result.id))].sort((a, b) => a.id - b.id),
    ...(interrupted ? { interrupted } : {}),
    thresholds: options.thresholds,
    durationMs: Date.now() - started,
    coverage: second?.coverage,
    disableBail: options.disableBail,
    ...(since && { since }),
    ...(plan.shard && { shard: plan.shard }),
    timings: {
      dryRunMs: dry.durationMs,
      executeMs,
      mutantsRun: ran.length,
      testMs: Math.round(ran.reduce((sum, run) => sum + run.expectedMs, 0)),
      ...(second && { coverageMs: second.durationMs }),
      concurrency: options.concurrency,
      threads: dry.threads,
      ...(checked && { check: { compiler: checked.compiler, mutants: checked.checked, compileErrors: checked.compileErrors.size, ms: checked.durationMs } }),
    },
  };
}

/** The mutants of this run's plan (this shard's) that do not type-check, CompileError whatever their runs said (check/beside-runs.ts). */
function withCheckVerdicts(results: readonly MutantResult[], plan: Plan, mutants: readonly Mutant[], compileErrors: ReadonlyMap<number, string>, events: PipelineEvents): MutantResult[] {
  const planned = new Set([...plan.runs.map((run) => run.mutant.id), ...plan.settled.map((result) => result.id)]);
  const told = new Set(results.map((result) => result.id));
  return withCompileErrors(results, mutants.filter((mutant) => planned.has(mutant.id)), compileErrors, { result: events.result, revised: events.revised, told });
}

/** Runs `runs` on `pool` (which it destroys when done) with the settings the dry run suggests. */
function execute(
  pool: ReturnType<typeof startPool>,
  runs: readonly MutantRun[],
  dry: DryRunResult,
  options: Options,
  { onResult, signal, gate, chores, sessionOptions }: Pick<ExecuteOptions, 'onResult' | 'signal' | 'gate' | 'chores'> & { sessionOptions: PoolData },
): Promise<MutantResult[]> {
  return executePlan(pool, runs, {
    timeoutMS: options.timeoutMS,
    timeoutFactor: options.timeoutFactor,
    // A whole suite run, measured just now, is a fair allowance for one vitest run's own work.
    overheadMs: Math.max(MIN_RUN_OVERHEAD_MS, 2 * dry.durationMs),
    batchSize: options.isolation === 'batch' ? BATCH_SIZE : 0,
    stepLimit: stepLimitOf(dry),
    stepLimits: fileStepLimitsOf(dry),
    tests: {
      duration: new Map(dry.tests.map((test) => [test.id, test.durationMs])),
      wait: new Map(Object.entries(dry.waitMs)),
      coverage: dry.coverage,
      lines: new Map(dry.tests.flatMap((test) => (test.location === undefined ? [] : [[test.id, test.location.line] as const]))),
      files: dry.testFile,
    },
    threads: dry.threads,
    onResult,
    signal,
    gate,
    chores,
    startWaiter: () => startPool(sessionOptions, 1),
  });
}

/** Finds mutants in every file, keeps those on selected lines, and numbers them from 1. */
function numberMutants(files: readonly SourceFile[], options: Options, events: PipelineEvents, findMutants: typeof FindMutants): Mutant[] {
  const mutants: Mutant[] = [];
  for (const file of files) {
    let candidates;
    try {
      candidates = findMutants(file, { excludedMutations: options.mutator.excludedMutations });
    } catch (error) {
      events.warn?.(`skipped ${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    for (const candidate of candidates) {
      if (!onSelectedLines(candidate.location.start.line, candidate.location.end.line, file)) continue;
      mutants.push({ ...candidate, id: mutants.length + 1, fileName: file.name });
    }
  }
  return mutants;
}

function onSelectedLines(startLine: number, endLine: number, file: SourceFile): boolean {
  if (file.lineRanges === undefined) return true;
  return file.lineRanges.some((range) => startLine <= range.end && endLine >= range.start);
}

/**
 * Absolute path → schemata source, for every file that has mutants; and the mutants the
 * instrumenter found no valid place for (id → reason), which can never be activated.
 */
function instrumentAll(
  files: readonly SourceFile[],
  mutants: readonly Mutant[],
  instrument: typeof Instrument,
): { instrumented: Record<string, string>; unplaced: Map<number, string> } {
  const byFile = new Map<string, Mutant[]>();
  for (const mutant of mutants) {
    const list = byFile.get(mutant.fileName);
    if (list) list.push(mutant);
    else byFile.set(mutant.fileName, [mutant]);
  }
  const instrumented: Record<string, string> = {};
  const unplaced = new Map<number, string>();
  for (const file of files) {
    const fileMutants = byFile.get(file.name);
    if (!fileMutants) continue;
    const result = instrument(file.text, file.name, fileMutants);
    instrumented[file.path] = result.code;
    for (const { id, reason } of result.unplaced) unplaced.set(id, reason);
  }
  return { instrumented, unplaced };
}

/** A mutant the run was stopped before it had a verdict. */
function pendingResult(run: MutantRun): MutantResult {
  return { ...run.mutant, status: 'Pending', statusReason: 'the run was interrupted before this mutant had a verdict', coveredBy: run.coveredBy, killedBy: [], testsCompleted: 0, static: run.static };
}

/** Unplaced mutants are CompileError: they could not be built into the code. */
function unplacedResults(mutants: readonly Mutant[], unplaced: Map<number, string>): MutantResult[] {
  return compileErrorResults(mutants, new Map([...unplaced].map(([id, reason]) => [id, `assay cannot switch this mutant in at this place (${reason})`])));
}


/** The result of a `--since` run that found no mutant on the changed lines of the selected files. */
function nothingToRun(options: Options, files: readonly SourceFile[], since: ChangedSince, started: number): RunResult {
  return {
    projectRoot: options.projectRoot,
    files: files.map(({ name, text }) => ({ name, text })),
    tests: [],
    flakyTests: [],
    mutants: [],
    thresholds: options.thresholds,
    durationMs: Date.now() - started,
    since,
    timings: { dryRunMs: 0, executeMs: 0, mutantsRun: 0, testMs: 0, concurrency: options.concurrency, threads: 'shared' },
  };
}
