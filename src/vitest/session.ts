/**
 * A long-lived vitest instance (its Node API) with assay's plugin and setup file in place, and
 * `run`, which runs a selection of tests with given settings and returns plain data about what
 * happened. Used for the dry run (coordinator) and for mutant runs (pool workers).
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { TestModule, Vitest } from 'vitest/node';
import { loadUserVitest } from './load.js';
import { assayPlugin } from './plugin.js';
import { coveragePlugin } from '../coverage/plugin.js';
import { SETTINGS_KEY, type AssaySettings, type BatchRecord, type FileMeta, type TestMeta } from './settings.js';

const SETUP_FILE = fileURLToPath(new URL('./setup.js', import.meta.url));
const BATCH_RUNNER = fileURLToPath(new URL('./batch-runner.js', import.meta.url));

export interface SessionOptions {
  projectRoot: string;
  /** vitest config file, relative to projectRoot or absolute; undefined lets vitest find it. */
  configFile?: string;
  /** Absolute file path → instrumented source. */
  instrumented: Record<string, string>;
  /** Stop a run at the first failing test. */
  bail: boolean;
  /** Test workers vitest may use; undefined keeps the user's setting. */
  maxWorkers?: number;
  /** Coverage pass: absolute paths of the files to put istanbul counters on. */
  coverageFiles?: string[];
  /** Install the batch runner (many mutants per run), unless the project has its own runner. */
  batch?: boolean;
}

/** Which tests to run: per test file, all its tests or only the given test ids. */
export interface TestSelection {
  moduleId: string;
  testIds?: string[];
}

export type TestState = 'passed' | 'failed' | 'skipped' | 'pending';

export interface TestOutcome {
  id: string;
  name: string;
  moduleId: string;
  state: TestState;
  durationMs: number;
  errors: string[];
  location?: { line: number; column: number };
  coverage?: number[];
  timedOut?: boolean;
  /** Coverage pass: istanbul statement indices this test executed, by source path. */
  statements?: Record<string, number[]>;
  /** Batch mode: how the test ended with each planned mutant active. */
  batch?: BatchRecord[];
}

export interface FileOutcome {
  moduleId: string;
  /** Errors that failed the whole file (e.g. it threw while loading). */
  errors: string[];
  staticCoverage: number[];
  hits: Array<[number, number]>;
  timedOut: boolean;
  /** Coverage pass: this test file's istanbul data, and statements run outside tests. */
  istanbul?: Record<string, unknown>;
  staticStatements?: Record<string, number[]>;
}

export interface RunOutcome {
  tests: TestOutcome[];
  files: FileOutcome[];
  unhandledErrors: string[];
}

export class VitestSession {
  private constructor(
    private readonly vitest: Vitest,
    /** Coverage pass: zero-count istanbul data of every instrumented file, by path. */
    readonly emptyCoverage: Map<string, object>,
    /** The batch runner is installed (the project has no runner of its own). */
    readonly batchCapable: boolean,
  ) {}

  static async start(options: SessionOptions): Promise<VitestSession> {
    process.env.NODE_ENV ??= 'test';
    process.env.VITEST = 'true';
    const userVitest = await loadUserVitest(options.projectRoot);
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const coverage = options.coverageFiles === undefined ? undefined : coveragePlugin(new Set(options.coverageFiles));
    const vitest = await userVitest.node.createVitest(
      'test',
      {
        root: options.projectRoot,
        config: options.configFile === undefined ? undefined : resolve(options.projectRoot, options.configFile),
        watch: false,
        reporters: [{}],
        coverage: { enabled: false },
        bail: options.bail ? 1 : 0,
        update: false,
        cache: false,
        passWithNoTests: true,
        ...(options.maxWorkers === undefined ? {} : { pool: 'threads', maxWorkers: options.maxWorkers, fileParallelism: false }),
        onConsoleLog: () => false,
      },
      {
        plugins: [
          assayPlugin({
            instrumented: new Map(Object.entries(options.instrumented)),
            ownFiles: new Set([SETUP_FILE, BATCH_RUNNER]),
            vitestEntries: userVitest.entries,
          }),
          ...(coverage === undefined ? [] : [coverage.plugin]),
        ],
      },
      { stdout: silent, stderr: silent },
    );
    let batchCapable = options.batch === true;
    for (const project of vitest.projects) {
      project.config.setupFiles = [SETUP_FILE, ...project.config.setupFiles];
      project.config.snapshotOptions.updateSnapshot = 'none';
      if (project.config.runner !== undefined) batchCapable = false;
      else if (batchCapable) project.config.runner = BATCH_RUNNER;
    }
    return new VitestSession(vitest, coverage?.emptyCoverage ?? new Map(), batchCapable);
  }

  /** Runs vite's transform on a file no test loaded, so the coverage pass instruments it too. */
  async transform(file: string): Promise<void> {
    await this.vitest.projects[0].vite.transformRequest(file, { ssr: true });
  }

  async run(settings: AssaySettings, selection: TestSelection[] | 'all'): Promise<RunOutcome> {
    this.vitest.provide(SETTINGS_KEY, settings);
    const specs = selection === 'all' ? await this.vitest.globTestSpecifications() : this.specifications(selection);
    this.vitest.state.filesMap.clear();
    const result = await this.vitest.runTestSpecifications(specs, selection === 'all');
    return {
      tests: result.testModules.flatMap((module) => testOutcomes(module)),
      files: result.testModules.map(fileOutcome),
      unhandledErrors: result.unhandledErrors.map(errorText),
    };
  }

  private specifications(selection: TestSelection[]) {
    const project = this.vitest.projects[0];
    return selection.map(({ moduleId, testIds }) =>
      project.createSpecification(moduleId, testIds === undefined ? undefined : { testIds }),
    );
  }

  async close(): Promise<void> {
    await this.vitest.close();
  }
}

function testOutcomes(module: TestModule): TestOutcome[] {
  const outcomes: TestOutcome[] = [];
  for (const test of module.children.allTests()) {
    const result = test.result();
    const meta = test.meta() as TestMeta;
    outcomes.push({
      id: test.id,
      name: test.fullName,
      moduleId: module.moduleId,
      state: result.state,
      durationMs: test.diagnostic()?.duration ?? 0,
      errors: (result.errors ?? []).map(errorText),
      location: test.location,
      coverage: meta.assayCoverage,
      timedOut: meta.assayTimedOut,
      statements: meta.assayStatements,
      batch: meta.assayBatch,
    });
  }
  return outcomes;
}

function fileOutcome(module: TestModule): FileOutcome {
  const meta = module.meta() as FileMeta;
  return {
    moduleId: module.moduleId,
    errors: module.errors().map(errorText),
    staticCoverage: meta.assayStatic ?? [],
    hits: meta.assayHits ?? [],
    timedOut: meta.assayTimedOut ?? false,
    istanbul: meta.assayIstanbul,
    staticStatements: meta.assayStaticStatements,
  };
}

function errorText(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const { name, message } = error as { name?: string; message: unknown };
    return `${name ?? 'Error'}: ${String(message)}`;
  }
  return String(error);
}

/** A module id relative to the project root, with forward slashes. */
export function relativeName(projectRoot: string, moduleId: string): string {
  return relative(projectRoot, moduleId).split('\\').join('/');
}
