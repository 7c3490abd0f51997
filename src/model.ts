/**
 * The data that flows between pipeline stages
 * (config → select → mutate → instrument → dry run → plan → execute → report).
 * Everything here is plain and serialisable, so stages can be tested alone and
 * results can be stored, merged and resumed.
 */

/** Mutator names, identical to StrykerJS's so reports and `excludedMutations` line up. */
export const MUTATOR_NAMES = [
  'ArithmeticOperator',
  'ArrayDeclaration',
  'ArrowFunction',
  'AssignmentOperator',
  'BlockStatement',
  'BooleanLiteral',
  'ConditionalExpression',
  'EqualityOperator',
  'LogicalOperator',
  'MethodExpression',
  'ObjectLiteral',
  'OptionalChaining',
  'Regex',
  'StringLiteral',
  'UnaryOperator',
  'UpdateOperator',
] as const;
export type MutatorName = (typeof MUTATOR_NAMES)[number];

/** 1-based line and 1-based column, as in mutation-testing-report-schema. */
export interface Position {
  line: number;
  column: number;
}
export interface Location {
  start: Position;
  end: Position;
}

/** 1-based, inclusive line range. */
export interface LineRange {
  start: number;
  end: number;
}

/** A file selected for mutation. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the project root with forward slashes: the key used in reports. */
  name: string;
  text: string;
  /** When set (e.g. by `--since`), only mutants touching these lines are kept. */
  lineRanges?: LineRange[];
}

/**
 * How the instrumenter switches a mutant in:
 * - `expression`: [start, end) is an expression; it becomes `(on(id) ? (replacement) : original)`.
 * - `statements`: [start, end) is a statement or a run of statements (a block, a case clause's
 *   body); it becomes `{ if (on(id)) { replacement } else { original } }`.
 */
export type Placement = 'expression' | 'statements';

/** A mutant found in a file, before the pipeline numbers it. */
export interface MutantCandidate {
  mutatorName: MutatorName;
  /** Offsets [start, end) in the file text of the code that is replaced. */
  start: number;
  end: number;
  /** The code that replaces text.slice(start, end) when the mutant is active. */
  replacement: string;
  placement: Placement;
  location: Location;
  /** Set when a `// Stryker disable` (or `// assay-disable`) comment excludes the mutant. */
  ignoredReason?: string;
}

/** A numbered mutant. Ids are unique within one run and start at 1. */
export interface Mutant extends MutantCandidate {
  id: number;
  /** SourceFile.name of the file it lives in. */
  fileName: string;
  /**
   * Set once the plan has given the mutant a run: the hash of everything its verdict depends on
   * (incremental/verdict-key.ts). Results made from the run carry it; the journal records it.
   */
  verdictKey?: string;
}

export type MutantStatus =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  /** The run was interrupted before this mutant had a verdict. */
  | 'Pending';

/** A test as the dry run saw it. Ids are vitest's own (deterministic) task ids. */
export interface TestInfo {
  id: string;
  /** Full name: suite names and test name joined by ' > '. */
  name: string;
  /** Test file, relative to the project root. */
  fileName: string;
  durationMs: number;
  location?: Position;
}

/** A test whose result changed between two runs of the same code (see dry-run/flaky.ts). */
export interface FlakyTest extends Pick<TestInfo, 'id' | 'name' | 'fileName'> {
  /** How it showed: `failed, then passed when run again` or `passed, then failed in a second run`. */
  reason: string;
}

export interface MutantResult extends Mutant {
  status: MutantStatus;
  statusReason?: string;
  /** Ids of the tests that reach the mutant (from the dry run). */
  coveredBy: string[];
  /** Ids of the tests that failed with the mutant active. */
  killedBy: string[];
  /** How many planned tests ran to completion with the mutant active. */
  testsCompleted: number;
  /** Reached while modules load, outside any test. */
  static: boolean;
  durationMs?: number;
  /** The verdict was not run but taken from an earlier run with the same verdictKey: the file it came from. */
  reusedFrom?: string;
}

/** A coverage figure: covered of total, and the percentage (100 when total is 0, as istanbul). */
export interface CoverageFigure {
  covered: number;
  total: number;
  pct: number;
}

/** istanbul coverage of one mutated file, in its original line numbers. */
export interface FileCoverage {
  lines: CoverageFigure;
  branches: CoverageFigure;
  functions: CoverageFigure;
  statements: CoverageFigure;
  /** Lines that hold code istanbul counts, and those of them no test or module load executed. */
  codeLines: number[];
  uncoveredLines: number[];
}

/** What the coverage pass learned: per file figures and, per line, the tests that ran it. */
export interface CoverageResult {
  /** By file name (relative to the project root). */
  files: Record<string, FileCoverage>;
  /** File name → line → ids of the tests that executed it. */
  lineTests: Record<string, Record<number, string[]>>;
  /** File name → lines executed outside any test (while modules load, in beforeAll hooks). */
  staticLines: Record<string, number[]>;
  /** istanbul's coverage map (original coordinates): what coverage-final.json holds. */
  istanbul: Record<string, unknown>;
}

/** Everything the reporters need. */
export interface RunResult {
  projectRoot: string;
  files: Array<{ name: string; text: string }>;
  tests: TestInfo[];
  /** Tests whose result changed between two runs of the same code: they killed no mutant. */
  flakyTests: FlakyTest[];
  mutants: MutantResult[];
  thresholds: Thresholds;
  durationMs: number;
  /** Absent when the coverage pass did not run. */
  coverage?: CoverageResult;
  /** Every covering test ran against every mutant (no bail): killedBy is complete. */
  disableBail?: boolean;
  /** Stopped early (a signal): mutants without a verdict are Pending, and coverage is absent. */
  interrupted?: boolean;
  /** A `--since` run: only lines changed since the merge-base with `ref` were mutated. */
  since?: ChangedSince;
  /** A `--shard i/n` run: `mutants` holds this shard's mutants only (see shard/index.ts). */
  shard?: ShardInfo;
  timings: RunTimings;
}

/** `--shard i/n`: the run takes part `index` (1-based) of `count` parts of the mutants. */
export interface Shard {
  index: number;
  count: number;
}

/** What a shard run records so that `assay merge` can join shards and refuse ones that do not belong together. */
export interface ShardInfo extends Shard {
  /** Mutants in the whole run, every shard's together. */
  mutants: number;
  /** sha256 of what was mutated: every mutated file's content, every mutant's place, mutator and replacement. */
  fingerprint: string;
  /** sha256 of the partition: which shard each mutant went to (equal in every shard of one run). */
  partition: string;
}

/** What `--since` found changed: per file name (relative), the new-side lines added or modified. */
export interface ChangedSince {
  ref: string;
  /** The merge-base commit of `ref` and HEAD that the diff is taken from. */
  base: string;
  changed: Record<string, LineRange[]>;
}

/** Where the run's time went: what the benchmark reads to tell test time from overhead. */
export interface RunTimings {
  /** The initial (dry) run, from vitest's start. */
  dryRunMs: number;
  /** Running the mutants, from the first to the last verdict. */
  executeMs: number;
  /** Mutants that ran (not settled from the plan alone). */
  mutantsRun: number;
  /** The sum, over mutants that ran, of their planned tests' dry-run durations. */
  testMs: number;
  /** The coverage pass's time, which it spent on one of the execute stage's lanes beside the mutants (absent when it did not run). */
  coverageMs?: number;
  concurrency: number;
  /** How test files got threads: shared (the fast path) or a fresh one each. */
  threads: 'shared' | 'per-file';
  /** With `checkers: ["typescript"]`: the compiler, mutants checked, how many did not type-check, and the check's time. */
  check?: { compiler: string; mutants: number; compileErrors: number; ms: number };
}

export interface Thresholds {
  high: number;
  low: number;
  /** Exit with code 1 when the mutation score is below this; null disables. */
  break: number | null;
}

export type CoverageAnalysis = 'perTest' | 'all' | 'off';

/** Validated options: CLI flags over `stryker.config.json` over defaults. */
export interface Options {
  projectRoot: string;
  mutate: string[];
  ignorePatterns: string[];
  testRunner: 'vitest';
  vitest: { configFile?: string; dir?: string };
  coverageAnalysis: CoverageAnalysis;
  concurrency: number;
  timeoutMS: number;
  timeoutFactor: number;
  thresholds: Thresholds;
  mutator: { excludedMutations: string[] };
  reporters: string[];
  /** Path of the JSON report, relative to projectRoot. */
  jsonReportFile: string;
  /** `["typescript"]`: mutants that do not type-check are CompileError and never run (check/). */
  checkers: Array<'typescript'>;
  /** The tsconfig the TypeScript checker compiles, relative to projectRoot. */
  tsconfigFile: string;
  /** StrykerJS's option; assay's grouping never changes a verdict, so it only chooses grouping or not. */
  typescriptChecker: { prioritizePerformanceOverAccuracy: boolean };
  /** `assay.equivalenceFilter`: mutants that compile to the original code are Ignored, and duplicates run once. */
  equivalenceFilter: boolean;
  disableBail: boolean;
  ignoreStatic: boolean;
  /**
   * `batch` (default): many mutants per vitest run, each test repeated once per mutant inside
   * vitest's test loop; `full`: a vitest run, with a fresh module graph, for every mutant.
   */
  isolation: 'batch' | 'full';
  /** Heap limit of each vitest test thread, in MB; a mutant that needs more is killed by it. */
  memoryLimitMb: number;
  /** `--since <ref>`: mutate only the lines changed since the merge-base of `ref` and HEAD. */
  since?: string;
  /** `--shard i/n`: run only this shard's part of the mutants. */
  shard?: Shard;
  /** `assay.modules`: critical paths (globs of file names) and the least figures their files must reach together. */
  modules: Record<string, ModuleThreshold>;
  /** The committed figures `--ratchet` compares with (path relative to projectRoot), and how many points a figure may drop. */
  ratchet: { baseline: string; tolerance: number; enabled: boolean };
  /**
   * `--incremental` / `assay.incremental`: reuse the verdicts of the store at `file` (relative to
   * projectRoot) whose inputs did not change, and write it when the run completes; `--resume`:
   * reuse those of the journal an interrupted run left; `--force`: reuse nothing.
   */
  incremental: { enabled: boolean; file: string; resume: boolean; force: boolean };
  /** `assay.historyFile`: where each complete full run appends its per-module figures (relative to projectRoot), read by `assay trend`. */
  historyFile: string;
}

/** Least figures (0–100) for a module; a figure not given is not checked. */
export interface ModuleThreshold {
  mutationScore?: number;
  lines?: number;
  branches?: number;
}
