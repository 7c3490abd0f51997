/**
 * A long-lived vitest instance (its Node API) with assay's plugin and setup file in place, and
 * `run`, which runs a selection of tests with given settings and returns plain data about what
 * happened. Used for the dry run and the mutant runs (pool workers), and for the coverage pass
 * (coordinator).
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { TestModule, TestProject, Vitest } from 'vitest/node';
import type { Options } from '../model.js';
import { loadUserVitest } from './load.js';
import { assayPlugin } from './plugin.js';
import { assayPool } from './pool-worker.js';
import { WarmThreads } from './warm-threads.js';
import { projectsPlugin } from './projects.js';
import { commonJsFiles, commonJsSources } from '../instrument/commonjs-scope.js';
import { NATIVE_SOURCES_KEY } from '../instrument/require-hook.js';
import { NO_TEST_ON_LINE, specificationTests } from './selection.js';
import { relatedSpecifications, type RelatedTests } from './related.js';
import { trace } from '../trace.js';
import type { ServedCode } from '../execute/served-code.js';
import { NO_MUTANT, OUT_OF_MEMORY, SETTINGS_KEY, VITEST_TIMEOUT, type AssaySettings, type BatchRecord, type FileMeta, type TestMeta } from './settings.js';
import { escapedWith } from './escaped-errors.js';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const OBSOLETE_SNAPSHOTS = /^Error: Obsolete snapshots found when no snapshot update is expected/;
const SETUP_FILE = fileURLToPath(new URL('./setup.js', import.meta.url));

/** The session settings every stage takes from the run's options. */
export function projectSession(options: Options): Pick<SessionOptions, 'projectRoot' | 'configFile' | 'memoryLimitMb'> {
  return { projectRoot: options.projectRoot, configFile: options.vitest.configFile, memoryLimitMb: options.memoryLimitMb };
}

export interface SessionOptions {
  projectRoot: string;
  /** vitest config file, relative to projectRoot or absolute; undefined lets vitest find it. */
  configFile?: string;
  /** What it serves: instrumented files and the files under test, which may come after the session has started. */
  code: ServedCode | Promise<ServedCode>;
  /** Stop a mutant's run at its first failing test. */
  bail: boolean;
  /** Test threads vitest may run at once. */
  maxWorkers: number;
  /** Heap limit of each test thread, in MB. */
  memoryLimitMb: number;
  /** Coverage pass: absolute paths of the files to put istanbul counters on. */
  coverageFiles?: string[];
  /** Install the batch runner (many mutants per run), unless the project has its own runner. */
  batch?: boolean;
}

/**
 * How test files of one run get threads. `per-file`: a fresh thread each, as vitest's default
 * `isolate`. `shared`: files run one after another in the same thread with a fresh module graph
 * each (vitest's own per-file reset) but the thread's globals kept, so a run pays one thread
 * start, not one per file. Files that find global state changed on arrival report it
 * (FileOutcome.leaked).
 */
export type Threads = 'per-file' | 'shared';

export interface RunOptions {
  threads: Threads;
  /** Run every selected test even after failures, whatever the session's `bail`. */
  noBail?: boolean;
  /** Park the run's threads for later runs (warm-threads.ts) when files share threads; default true. */
  park?: boolean;
  /**
   * Mutant mode, a group of static mutants: per test file (fileKey), the mutant active in each of
   * its runs, in the order the selection lists them (AssaySettings.activeByFile, which each vitest
   * project gets for its own files).
   */
  activeByFile?: Record<string, number[]>;
  /** Per test file (fileKey), a shorter vitest test timeout for its tests (AssaySettings.testTimeouts). */
  testTimeouts?: Record<string, number>;
  /** Per test file (fileKey), its own step limit (AssaySettings.stepLimits). */
  stepLimits?: Record<string, number>;
}

/** The outcomes of several runs as one: their tests, files and errors, in order. */
export function joinedOutcomes(outcomes: readonly RunOutcome[]): RunOutcome {
  return {
    tests: outcomes.flatMap((outcome) => outcome.tests),
    files: outcomes.flatMap((outcome) => outcome.files),
    unhandledErrors: outcomes.flatMap((outcome) => outcome.unhandledErrors),
    ...(outcomes.some((outcome) => outcome.escapedWith !== undefined) ? { escapedWith: [...new Set(outcomes.flatMap((outcome) => outcome.escapedWith ?? []))] } : {}),
  };
}

/** A test file as one vitest project runs it. */
export type TestFile = Pick<TestSelection, 'project' | 'moduleId'>;

/** Which tests to run: per test file of a vitest project, all its tests or only the given test ids. */
export interface TestSelection {
  /** The vitest project's name ('' without `projects`): a file may run in several projects. */
  project: string;
  moduleId: string;
  testIds?: string[];
}

export type TestState = 'passed' | 'failed' | 'skipped' | 'pending';

export interface TestOutcome {
  id: string;
  name: string;
  project: string;
  moduleId: string;
  state: TestState;
  durationMs: number;
  errors: string[];
  location?: { line: number; column: number };
  coverage?: number[];
  /** Dry mode: the share of the test's time its thread was busy (TestMeta.assayBusy). */
  busy?: number;
  timedOut?: boolean;
  /** Coverage pass: istanbul statement indices this test executed, by source path. */
  statements?: Record<string, number[]>;
  /** Batch mode: how the test ended with each planned mutant active. */
  batch?: BatchRecord[];
  /** Mutant mode with `activeByFile`: the mutant active in the run of the file this test ran in (FileOutcome.active). */
  active?: number;
}

export interface FileOutcome {
  project: string;
  moduleId: string;
  /** Errors that failed the whole file (e.g. it threw while loading). */
  errors: string[];
  staticCoverage: number[];
  hits: Array<[number, number]>;
  timedOut: boolean;
  /** Globals found changed when this file started, by earlier files in its thread (none when fresh). */
  leaked: string[];
  /** Coverage pass: this test file's istanbul data, and statements run outside tests. */
  istanbul?: Record<string, unknown>;
  staticStatements?: Record<string, number[]>;
  /**
   * Mutant mode with `activeByFile`: the mutant active in this run of the file; undefined when it
   * cannot be known (a file listed several times without assay's runner).
   */
  active?: number;
}

export interface RunOutcome {
  tests: TestOutcome[];
  files: FileOutcome[];
  unhandledErrors: string[];
  /** Batch mode: the mutants whose repeats unhandled errors came from, suspects of them (escaped-errors.ts). */
  escapedWith?: number[];
}

export class VitestSession {
  private constructor(
    private readonly vitest: Vitest,
    /** Coverage pass: zero-count istanbul data of every instrumented file, by path. */
    readonly emptyCoverage: Map<string, object>,
    /** The batch runner is installed (the project has no runner of its own). */
    readonly batchCapable: boolean,
    /** Set by the pool when a test thread passes its heap limit, with the mutants active in such threads; reset by each run. */
    private readonly memory: { exceeded: boolean; limitMb: number; activeIn: number[] },
    /** This vitest selects tests by id, not by line (majors.ts). */
    private readonly selectsTestsById: boolean,
    private readonly relatedTo: readonly string[] | undefined,
    /** Test threads kept from one run for the next (warm-threads.ts). */
    private readonly warm: WarmThreads,
    /** Stop each mutant at its first failure (SessionOptions.bail). */
    private readonly bail: boolean,
    /** The test modules of the current run that ended, in order (a file listed twice ends twice). */
    private readonly ended: TestModule[],
  ) {}

  /** Runs so far (AssaySettings.run). */
  private runs = 0;

  /** What a run of 'all' runs, found once (see `suite`). */
  private suiteFound: Promise<RelatedTests> | undefined;

  /** The line of each test, by id, from this session's runs and `learnLines`: how vitest 4.0 selects tests. */
  private readonly lines = new Map<string, number>();

  static async start(options: SessionOptions): Promise<VitestSession> {
    trace(`session start coverage=${options.coverageFiles !== undefined}`);
    process.env.NODE_ENV ??= 'test';
    process.env.VITEST = 'true';
    const userVitest = await loadUserVitest(options.projectRoot);
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    // Loaded only for the coverage pass: istanbul's instrumenter (babel) is a fifth of a pool worker's start-up.
    const coverage = options.coverageFiles === undefined ? undefined : (await import('../coverage/plugin.js')).coveragePlugin(new Set(options.coverageFiles));
    const memory = { exceeded: false, limitMb: options.memoryLimitMb, activeIn: [] as number[] };
    const warm = new WarmThreads();
    const ended: TestModule[] = [];
    const code = Promise.resolve(options.code);
    const served = [
      assayPlugin({
        instrumented: code.then(({ instrumented }) => new Map(Object.entries(instrumented))),
        ownFiles: new Set([SETUP_FILE, userVitest.major.batchRunner]),
        vitestEntries: userVitest.entries,
      }),
      ...(coverage === undefined ? [] : [coverage.plugin]),
    ];
    const vitest = await withoutStopListeners(() => userVitest.node.createVitest(
      'test',
      {
        root: options.projectRoot,
        config: options.configFile === undefined ? undefined : resolve(options.projectRoot, options.configFile),
        watch: false,
        // A file a run lists twice leaves only its last run in vitest's state: each run is kept as it ends.
        reporters: [{ onTestModuleEnd: (module: TestModule) => void ended.push(module) }],
        coverage: { enabled: false },
        bail: options.bail ? 1 : 0,
        update: false,
        cache: false,
        passWithNoTests: true,
        pool: assayPool(options.memoryLimitMb, warm, (active) => {
          memory.exceeded = true;
          if (active !== NO_MUTANT) memory.activeIn.push(active);
        }),
        maxWorkers: options.maxWorkers,
        fileParallelism: options.maxWorkers > 1,
        onConsoleLog: () => false,
        // vitest 4.0 selects tests by line, known only with task locations on (selection.ts).
        ...(userVitest.major.selectsTestsById ? {} : { includeTaskLocation: true }),
      },
      // Projects (a vitest workspace) get vite servers of their own: projectsPlugin hands them the same plugins.
      { plugins: [...served, projectsPlugin(served, options.projectRoot)] },
      { stdout: silent, stderr: silent },
    ));
    // Files Node's `require` loads never pass vite: the test threads serve them the same code (src/instrument/require-hook.ts).
    const { instrumented, relatedTo } = await code;
    let required = instrumented;
    if (coverage !== undefined) {
      for (const file of commonJsFiles(options.coverageFiles ?? [])) await vitest.projects[0].vite.transformRequest(file, { ssr: true });
      required = Object.fromEntries(coverage.instrumentedCode);
    }
    vitest.provide(NATIVE_SOURCES_KEY, commonJsSources(required));
    let batchCapable = options.batch === true;
    for (const project of vitest.projects) {
      project.config.setupFiles = [SETUP_FILE, ...project.config.setupFiles];
      // The project's own setup files may load code under test, which must find assay's runtime
      // (the active mutant) in place: setup files in order, never in parallel.
      project.config.sequence.setupFiles = 'list';
      project.config.snapshotOptions.updateSnapshot = 'none';
      if (!userVitest.major.selectsTestsById) project.config.includeTaskLocation = true;
      if (project.config.runner !== undefined) batchCapable = false;
      else if (batchCapable) project.config.runner = userVitest.major.batchRunner;
    }
    trace('session started');
    return new VitestSession(vitest, coverage?.emptyCoverage ?? new Map(), batchCapable, memory, userVitest.major.selectsTestsById, relatedTo, warm, options.bail, ended);
  }

  /** The vitest projects and the root project (whose config lists them): their vite servers' module graphs say what tests loaded. */
  testProjects(): [projects: readonly TestProject[], root: TestProject] {
    return [this.vitest.projects, this.vitest.getRootProject()];
  }

  /** Test lines (by test id) the dry run saw, for selections in a session that has not run those tests. */
  learnLines(lines: Readonly<Record<string, number>>): void {
    for (const [id, line] of Object.entries(lines)) this.lines.set(id, line);
  }

  /** Runs vite's transform on a file no test loaded, so the coverage pass instruments it too. */
  async transform(file: string): Promise<void> {
    await this.vitest.projects[0].vite.transformRequest(file, { ssr: true });
  }

  /**
   * The test files a run of 'all' runs: every test file vitest finds, but typecheck-only ones
   * (tsc reads the files on disk, where no mutant ever is); with `relatedTo`, only those that can
   * reach one of its files. `found` counts them all.
   */
  suite(): Promise<RelatedTests> {
    this.suiteFound ??= this.vitest.globTestSpecifications().then(async (specifications) => {
      trace(`suite: ${specifications.length} specifications found`);
      const related = await relatedSpecifications(specifications, this.relatedTo, new Set([SETUP_FILE]));
      trace(`suite: ${related.specifications.length} related`);
      return related;
    });
    return this.suiteFound;
  }

  async run(given: AssaySettings, selection: TestSelection[] | 'all', { threads, noBail = false, park = true, activeByFile, testTimeouts, stepLimits }: RunOptions): Promise<RunOutcome> {
    // A test thread keeps the config it started with, bail included, and a warm one serves runs
    // that stop at the first failure and runs that must not (a group of mutants, the initial
    // run's second try): where files share threads and assay's runner is in, vitest's own bail is
    // always off, and the runner stops each mutant at its first failure (AssaySettings.bail).
    const runnerBails = threads === 'shared' && this.batchCapable;
    const settings: AssaySettings = { ...given, bail: this.bail && !noBail, run: ++this.runs };
    // Each vitest project is given the settings (its own context overrides the root's, which its
    // threads would otherwise read). A test thread serves one project, and counts the runs of each
    // file it has started (setup.ts): each project gets its own files' mutants.
    for (const project of this.vitest.projects) {
      project.provide(SETTINGS_KEY, {
        ...settings,
        ...(activeByFile === undefined ? {} : { activeByFile: projectFiles(activeByFile, project.name) }),
        ...(testTimeouts === undefined ? {} : { testTimeouts: projectFiles(testTimeouts, project.name) }),
        ...(stepLimits === undefined ? {} : { stepLimits: projectFiles(stepLimits, project.name) }),
      });
    }
    // The pool reads `isolate` to decide whether a thread may take several files; the threads
    // read it (through configOverride, which vitest merges into the config it sends them) to
    // decide whether to reset modules before each file — always, for assay. They read `bail` there too.
    for (const project of this.vitest.projects) project.config.isolate = threads === 'per-file';
    // Files that share a thread may share it with the previous run's files too; a fresh thread per file means fresh.
    this.warm.enabled = threads === 'shared' && park;
    const override = (this.vitest as unknown as { configOverride: { isolate?: boolean; bail?: number } }).configOverride;
    override.isolate = true;
    if (noBail || runnerBails) override.bail = 0;
    else delete override.bail;
    let suite: RelatedTests | undefined;
    let specs;
    if (selection === 'all') {
      suite = await this.suite();
      specs = suite.specifications;
    } else {
      specs = this.specifications(selection);
    }
    this.vitest.state.filesMap.clear();
    this.ended.length = 0;
    this.memory.exceeded = false;
    this.memory.activeIn = [];
    const outOfMemory = `${OUT_OF_MEMORY}: a test thread passed its heap limit of ${this.memory.limitMb} MB and was ended (raise it with --memory-limit or assay.memoryLimitMb if the tests need more)`;
    let result;
    trace(`run ${settings.mode} files=${specs.length} threads=${threads}`);
    try {
      result = await this.vitest.runTestSpecifications(specs, suite !== undefined && suite.specifications.length === suite.found);
    } catch (error) {
      if (!this.memory.exceeded) throw error;
      // vitest gives up on the run when a thread dies; the run's answer is that it died. No thread
      // of it is kept: what the others were doing when the run was given up is not known.
      await this.warm.discard();
      return { tests: [], files: [], unhandledErrors: [outOfMemory], ...escapedWithField(this.memory.activeIn) };
    }
    const unhandledErrors = result.unhandledErrors.map(errorText);
    // A batch's thread that died of memory names the mutant it ran then, as an escaped error does (escaped-errors.ts).
    const escaped = [...result.unhandledErrors.flatMap((error) => escapedWith(error) ?? []), ...this.memory.activeIn];
    if (this.memory.exceeded) unhandledErrors.unshift(outOfMemory);
    // With a file listed twice, vitest's state holds its last run only: the runs that ended come from the reporter.
    const modules = new Set(specs.map((spec) => fileKey({ project: spec.project.name, moduleId: spec.moduleId }))).size < specs.length ? [...this.ended, ...result.testModules.filter((module) => !this.ended.includes(module))] : result.testModules;
    const files = modules.map((module) => fileOutcome(module, activeByFile));
    if (activeByFile !== undefined) forgetUnlisted(files, activeByFile);
    const tests = modules.flatMap((module, index) => testOutcomes(module, files[index].active));
    for (const { id, location } of tests) if (location !== undefined) this.lines.set(id, location.line);
    trace(`ran ${settings.mode} tests=${tests.length}`);
    await this.warm.settled();
    // A thread in which a file found globals changed serves no later run; nor one in which vitest
    // timed a test out, whose body may still be running there, under whatever mutant comes next;
    // nor, in a batch (where no mutant is active while files load), one in which a file failed to
    // load or an error escaped: the world it left may be one the fingerprint does not see.
    const timedOut = tests.some((test) => test.errors.some((error) => VITEST_TIMEOUT.test(error)) || test.batch?.some(([, outcome]) => outcome === 'slow') === true);
    const broken = settings.mode === 'batch' && (unhandledErrors.length > 0 || files.some((file) => file.errors.length > 0));
    if (timedOut || broken || files.some((file) => file.leaked.length > 0)) await this.warm.discard();
    return { tests, files, unhandledErrors, ...escapedWithField(escaped) };
  }

  private specifications(selection: TestSelection[]) {
    return selection.map(({ project: name, moduleId, testIds }) => {
      const project = this.vitest.projects.find((candidate) => candidate.name === name);
      if (project === undefined) throw new Error(`vitest project "${name}" is gone since the dry run`);
      return project.createSpecification(moduleId, specificationTests(testIds, this.selectsTestsById, this.lines));
    });
  }

  /** Ends the test threads parked for later runs: what they hold in memory is freed; the next run starts its own. */
  async endParkedThreads(): Promise<void> {
    await this.warm.discard();
  }

  async close(): Promise<void> {
    this.warm.enabled = false;
    await this.vitest.close();
    await this.warm.discard();
  }
}

const LISTENER_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'] as const;
let startingSessions = 0;
let ownListenerMethods: Array<(typeof process)[(typeof LISTENER_METHODS)[number]]> = [];

/**
 * Runs `start` (vitest starting) with SIGINT/SIGTERM listeners kept from being added: vitest's
 * logger ends the process on either, and assay's CLI stops its runs itself and writes what
 * finished. They are kept out while vitest starts rather than removed after it, because a signal
 * can arrive while it starts (a second or more on real projects). Sessions that start at the same
 * time share one patch.
 */
async function withoutStopListeners<T>(start: () => Promise<T>): Promise<T> {
  if (startingSessions++ === 0) {
    ownListenerMethods = LISTENER_METHODS.map((name) => process[name]);
    LISTENER_METHODS.forEach((name, index) => {
      const original = ownListenerMethods[index] as (event: string | symbol, listener: (...args: unknown[]) => void) => NodeJS.Process;
      process[name] = function (this: NodeJS.Process, event: string | symbol, listener: (...args: unknown[]) => void) {
        return (STOP_SIGNALS as readonly (string | symbol)[]).includes(event) ? this : original.call(this, event, listener);
      } as never;
    });
  }
  try {
    return await start();
  } finally {
    if (--startingSessions === 0) LISTENER_METHODS.forEach((name, index) => (process[name] = ownListenerMethods[index] as never));
  }
}

function testOutcomes(module: TestModule, active: number | undefined): TestOutcome[] {
  const outcomes: TestOutcome[] = [];
  for (const test of module.children.allTests()) {
    const result = test.result();
    const meta = test.meta() as TestMeta;
    outcomes.push({
      id: test.id,
      name: test.fullName,
      project: module.project.name,
      moduleId: module.moduleId,
      state: result.state,
      durationMs: test.diagnostic()?.duration ?? 0,
      errors: (result.errors ?? []).map(errorText),
      location: test.location,
      coverage: meta.assayCoverage,
      ...(meta.assayBusy === undefined ? {} : { busy: meta.assayBusy }),
      timedOut: meta.assayTimedOut,
      statements: meta.assayStatements,
      batch: meta.assayBatch,
      ...(active === undefined ? {} : { active }),
    });
  }
  return outcomes;
}

/**
 * A safeguard on how the runs of a file were told apart: the mutants a file's runs report must be
 * the ones listed for it, each once. Where they are not, none of that file's runs says which
 * mutant it ran with.
 */
export function forgetUnlisted(files: FileOutcome[], activeByFile: Record<string, number[]>): void {
  const reported = new Map<string, number[]>();
  for (const file of files) {
    if (file.active === undefined) continue;
    const mutants = reported.get(fileKey(file)) ?? [];
    reported.set(fileKey(file), [...mutants, file.active]);
  }
  const sorted = (mutants: readonly number[]) => [...mutants].sort((a, b) => a - b).join();
  for (const file of files) {
    if (sorted(reported.get(fileKey(file)) ?? []) !== sorted(activeByFile[fileKey(file)] ?? [])) delete file.active;
  }
}

/** What `byFile` (by fileKey) says of one vitest project's files, by path. */
function projectFiles<T>(byFile: Record<string, T>, project: string): Record<string, T> {
  const prefix = fileKey({ project, moduleId: '' });
  return Object.fromEntries(Object.entries(byFile).flatMap(([key, value]) => (key.startsWith(prefix) ? [[key.slice(prefix.length), value]] : [])));
}

/** A file's outcome; with `activeByFile`, which mutant was active (as assay's runner recorded it, else the file's only one). */
function fileOutcome(module: TestModule, activeByFile: Record<string, number[]> | undefined): FileOutcome {
  const meta = module.meta() as FileMeta;
  const listed = activeByFile?.[fileKey({ project: module.project.name, moduleId: module.moduleId })];
  const active = meta.assayActive ?? (listed?.length === 1 ? listed[0] : undefined);
  return {
    project: module.project.name,
    moduleId: module.moduleId,
    // assay never updates snapshots, and vitest then fails a file whose snapshot file holds
    // entries no test checked (as it does in CI). A plain local `vitest run` lets that pass, and a
    // mutant that makes a test check fewer snapshots has not broken anything a test asserts.
    // A line vitest 4.0 was asked for and found no test on: the planned test is missing from the outcome (selection.ts).
    errors: module.errors().map(errorText).filter((error) => !OBSOLETE_SNAPSHOTS.test(error) && !NO_TEST_ON_LINE.test(error)),
    staticCoverage: meta.assayStatic ?? [],
    hits: meta.assayHits ?? [],
    timedOut: meta.assayTimedOut ?? false,
    leaked: meta.assayLeaked ?? [],
    istanbul: meta.assayIstanbul,
    staticStatements: meta.assayStaticStatements,
    ...(active === undefined ? {} : { active }),
  };
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: string; message: unknown };
    return `${name ?? 'Error'}: ${String(message)}`;
  }
  return String(error);
}

/** RunOutcome.escapedWith: the mutants named, each once, when there are any. */
function escapedWithField(ids: readonly number[]): { escapedWith?: number[] } {
  return ids.length > 0 ? { escapedWith: [...new Set(ids)] } : {};
}

/** One key per test file of a vitest project, for grouping selections and outcomes. */
export function fileKey({ project, moduleId }: { project: string; moduleId: string }): string {
  return `${project}\u0000${moduleId}`;
}

/** A module id relative to the project root, with forward slashes. */
export function relativeName(projectRoot: string, moduleId: string): string {
  return relative(projectRoot, moduleId).split('\\').join('/');
}
