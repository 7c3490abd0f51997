/**
 * Plan: decides, per mutant, which tests must run against it — the tests that reach it, fastest
 * first — or that it needs no run at all (Ignored, NoCoverage). Static mutants (reached while
 * modules load) run every test of the files that load them, in a fresh module graph. Flaky tests
 * (see dry-run/flaky.ts) run against no mutant: a mutant only they reach is NoCoverage.
 */
import type { CoverageAnalysis, Mutant, MutantResult } from '../model.js';
import type { DryRunResult } from '../dry-run/index.js';
import { fileKey, type TestFile, type TestSelection } from '../vitest/session.js';

export interface MutantRun {
  mutant: Mutant;
  selection: TestSelection[];
  /** Tests expected to complete when the mutant survives. */
  plannedTests: number;
  coveredBy: string[];
  static: boolean;
  /** Sum of the dry-run durations of the planned tests. */
  expectedMs: number;
  hitLimit: number;
}

export interface Plan {
  runs: MutantRun[];
  /** Mutants settled without running anything. */
  settled: MutantResult[];
}

export interface PlanOptions {
  coverageAnalysis: CoverageAnalysis;
  ignoreStatic: boolean;
}

/** A mutant may be hit this many times more than in the whole dry run before it is a Timeout. */
const HIT_LIMIT_FACTOR = 100;
/**
 * Both minimums are high enough that endless recursion overflows a test thread's stack first, on
 * every Node (Node 24 fits more frames than 20): Killed, as a plain vitest run reports it, while
 * an endless loop still stops within milliseconds.
 */
const MIN_HIT_LIMIT = 100_000;
const MIN_STEP_LIMIT = 1_000_000;

/**
 * How often mutated code (any mutant's) may be reached while a mutant is active: the same factor
 * over the whole dry run's count (see AssaySettings.stepLimit).
 */
export function stepLimitOf(dry: Pick<DryRunResult, 'hits'>): number {
  const total = Object.values(dry.hits).reduce((sum, count) => sum + count, 0);
  return Math.max(MIN_STEP_LIMIT, HIT_LIMIT_FACTOR * total);
}

/**
 * The same limit per test file (fileKey), over that file's own count in the dry run: a loop that
 * allocates as it goes (a generator of combinations whose exit a mutant removed) fills a thread's
 * heap long before a hundred times the whole suite's count, and each test of a file reaches at
 * most what the whole file did. A file the dry run did not see has the suite's limit.
 */
export function fileStepLimitsOf(dry: Pick<DryRunResult, 'fileHits'>): Record<string, number> {
  return Object.fromEntries(Object.entries(dry.fileHits).map(([file, count]) => [file, Math.max(MIN_STEP_LIMIT, HIT_LIMIT_FACTOR * count)]));
}

export function planMutants(mutants: readonly Mutant[], dry: DryRunResult, options: PlanOptions): Plan {
  const testsByMutant = invertCoverage(dry.coverage);
  const duration = new Map(dry.tests.map((test) => [test.id, test.durationMs]));
  const testsInFile = groupTestsByFile(dry.testFile);
  const reachedByFlaky = invertCoverage(dry.flakyCoverage);
  const withFlaky = new Set(Object.values(dry.flakyFile).map(fileKey));
  const affinity = testFileAffinity(mutants, dry);
  const runs: MutantRun[] = [];
  const settled: MutantResult[] = [];

  for (const mutant of mutants) {
    const coveredBy = coveringTests(mutant.id, testsByMutant, dry, options.coverageAnalysis);
    // A file with a flaky test runs its other tests only; a file of flaky tests alone, not at all.
    const staticFiles = (options.coverageAnalysis === 'perTest' ? (dry.staticIn[mutant.id] ?? []) : [])
      .map((file): TestSelection => (withFlaky.has(fileKey(file)) ? { ...file, testIds: testsInFile.get(fileKey(file)) ?? [] } : file))
      .filter((file) => file.testIds === undefined || file.testIds.length > 0)
      .sort(byAffinity(affinity.get(mutant.fileName)));
    const isStatic = staticFiles.length > 0;
    const base = { ...mutant, coveredBy, killedBy: [], testsCompleted: 0, static: isStatic };
    if (mutant.ignoredReason !== undefined) {
      settled.push({ ...base, status: 'Ignored', statusReason: mutant.ignoredReason });
    } else if (coveredBy.length === 0 && !isStatic) {
      const flaky = reachedByFlaky.get(mutant.id) ?? [];
      settled.push(flaky.length === 0 ? { ...base, status: 'NoCoverage' } : { ...base, status: 'NoCoverage', statusReason: `reached only by flaky tests: ${flakyNames(flaky, dry)}` });
    } else if (isStatic && coveredBy.length === 0 && options.ignoreStatic) {
      settled.push({ ...base, status: 'Ignored', statusReason: 'Static mutant (and "ignoreStatic" was enabled)' });
    } else {
      const selection = selectTests(coveredBy, staticFiles, dry.testFile, duration);
      const plannedIds = selection.flatMap((file) => file.testIds ?? testsInFile.get(fileKey(file)) ?? []);
      runs.push({
        mutant,
        selection,
        plannedTests: plannedIds.length,
        coveredBy: [...new Set([...coveredBy, ...(isStatic ? plannedIds : [])])],
        static: isStatic,
        expectedMs: plannedIds.reduce((sum, id) => sum + (duration.get(id) ?? 0), 0),
        hitLimit: Math.max(MIN_HIT_LIMIT, HIT_LIMIT_FACTOR * (dry.hits[mutant.id] ?? 0)),
      });
    }
  }
  return { runs, settled };
}

/**
 * Per source file, per test file (fileKey): how many of the test file's tests reach the source
 * file's mutants in the dry run. The test files that exercise a module most are the likeliest to
 * notice a change to it: a static mutant's files run in that order, so its first file is the best
 * probe (execute/static-groups.ts).
 */
function testFileAffinity(mutants: readonly Mutant[], dry: DryRunResult): Map<string, Map<string, number>> {
  const sourceOf = new Map(mutants.map((mutant) => [mutant.id, mutant.fileName]));
  const affinity = new Map<string, Map<string, number>>();
  for (const [testId, reached] of Object.entries(dry.coverage)) {
    const file = dry.testFile[testId];
    if (file === undefined) continue;
    for (const source of new Set(reached.map((id) => sourceOf.get(id)))) {
      if (source === undefined) continue;
      const counts = affinity.get(source) ?? new Map<string, number>();
      counts.set(fileKey(file), (counts.get(fileKey(file)) ?? 0) + 1);
      affinity.set(source, counts);
    }
  }
  return affinity;
}

/** Test files with the most tests reaching the mutated module first; ties keep their order. */
function byAffinity(counts: ReadonlyMap<string, number> | undefined): (a: TestSelection, b: TestSelection) => number {
  return (a, b) => (counts?.get(fileKey(b)) ?? 0) - (counts?.get(fileKey(a)) ?? 0);
}

function flakyNames(ids: readonly string[], dry: DryRunResult): string {
  return ids.map((id) => dry.flaky.find((test) => test.id === id)).map((test) => (test === undefined ? '?' : `${test.fileName} > ${test.name}`)).join('; ');
}

function coveringTests(
  mutantId: number,
  testsByMutant: Map<number, string[]>,
  dry: DryRunResult,
  coverageAnalysis: CoverageAnalysis,
): string[] {
  switch (coverageAnalysis) {
    case 'perTest':
      return testsByMutant.get(mutantId) ?? [];
    case 'all':
      return (dry.hits[mutantId] ?? 0) > 0 ? dry.tests.map((test) => test.id) : [];
    case 'off':
      return dry.tests.map((test) => test.id);
  }
}

/**
 * Per test file, the tests to run, fastest first; files ordered by their fastest test. A file in
 * which the mutant is static runs whole, so that its modules load again with the mutant active.
 */
function selectTests(
  coveredBy: readonly string[],
  staticFiles: readonly TestSelection[],
  testFile: Record<string, TestFile>,
  duration: Map<string, number>,
): TestSelection[] {
  const whole = new Set(staticFiles.map(fileKey));
  const byFile = new Map<string, string[]>();
  for (const id of coveredBy) {
    const key = fileKey(testFile[id]);
    if (!whole.has(key)) pushTo(byFile, key, id);
  }
  const cost = (id: string) => duration.get(id) ?? 0;
  const partial = [...byFile.values()].map((ids) => ({ ...testFile[ids[0]], testIds: ids.sort((a, b) => cost(a) - cost(b)) }));
  partial.sort((a, b) => cost(a.testIds[0]) - cost(b.testIds[0]));
  return [...partial, ...staticFiles];
}

function invertCoverage(coverage: Record<string, number[]>): Map<number, string[]> {
  const byMutant = new Map<number, string[]>();
  for (const [testId, mutantIds] of Object.entries(coverage)) {
    for (const id of mutantIds) pushTo(byMutant, id, testId);
  }
  return byMutant;
}

/** Test ids by fileKey. */
function groupTestsByFile(testFile: Record<string, TestFile>): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const [testId, file] of Object.entries(testFile)) pushTo(byFile, fileKey(file), testId);
  return byFile;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
