/**
 * Plan: decides, per mutant, which tests must run against it — the tests that reach it, fastest
 * first — or that it needs no run at all (Ignored, NoCoverage). Static mutants (reached while
 * modules load) run every test of the files that load them, in a fresh module graph.
 */
import type { CoverageAnalysis, Mutant, MutantResult } from '../model.js';
import type { DryRunResult } from '../dry-run/index.js';
import type { TestSelection } from '../vitest/session.js';

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
const MIN_HIT_LIMIT = 10_000;

export function planMutants(mutants: readonly Mutant[], dry: DryRunResult, options: PlanOptions): Plan {
  const testsByMutant = invertCoverage(dry.coverage);
  const duration = new Map(dry.tests.map((test) => [test.id, test.durationMs]));
  const testsInModule = groupTestsByModule(dry.testModule);
  const runs: MutantRun[] = [];
  const settled: MutantResult[] = [];

  for (const mutant of mutants) {
    const coveredBy = coveringTests(mutant.id, testsByMutant, dry, options.coverageAnalysis);
    const staticModules = options.coverageAnalysis === 'perTest' ? (dry.staticIn[mutant.id] ?? []) : [];
    const isStatic = staticModules.length > 0;
    const base = { ...mutant, coveredBy, killedBy: [], testsCompleted: 0, static: isStatic };
    if (mutant.ignoredReason !== undefined) {
      settled.push({ ...base, status: 'Ignored', statusReason: mutant.ignoredReason });
    } else if (coveredBy.length === 0 && !isStatic) {
      settled.push({ ...base, status: 'NoCoverage' });
    } else if (isStatic && coveredBy.length === 0 && options.ignoreStatic) {
      settled.push({ ...base, status: 'Ignored', statusReason: 'Static mutant (and "ignoreStatic" was enabled)' });
    } else {
      const selection = selectTests(coveredBy, staticModules, dry.testModule, duration);
      const plannedIds = selection.flatMap(({ moduleId, testIds }) => testIds ?? testsInModule.get(moduleId) ?? []);
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
  staticModules: readonly string[],
  testModule: Record<string, string>,
  duration: Map<string, number>,
): TestSelection[] {
  const byModule = new Map<string, string[]>();
  for (const id of coveredBy) {
    const moduleId = testModule[id];
    if (!staticModules.includes(moduleId)) pushTo(byModule, moduleId, id);
  }
  const cost = (id: string) => duration.get(id) ?? 0;
  const partial = [...byModule].map(([moduleId, ids]) => ({ moduleId, testIds: ids.sort((a, b) => cost(a) - cost(b)) }));
  partial.sort((a, b) => cost(a.testIds[0]) - cost(b.testIds[0]));
  return [...partial, ...staticModules.map((moduleId) => ({ moduleId }))];
}

function invertCoverage(coverage: Record<string, number[]>): Map<number, string[]> {
  const byMutant = new Map<number, string[]>();
  for (const [testId, mutantIds] of Object.entries(coverage)) {
    for (const id of mutantIds) pushTo(byMutant, id, testId);
  }
  return byMutant;
}

function groupTestsByModule(testModule: Record<string, string>): Map<string, string[]> {
  const byModule = new Map<string, string[]>();
  for (const [testId, moduleId] of Object.entries(testModule)) pushTo(byModule, moduleId, testId);
  return byModule;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
