/**
 * Coverage pass: the suite once more, on the original code with istanbul counters (as vitest's
 * istanbul provider puts them), to measure line, branch, function and statement coverage of the
 * mutated files and, per test, which lines it executed (coverage contexts).
 *
 * Why a pass of its own rather than deriving mutant reachability from istanbul spans in one run:
 * the dry run's schemata say exactly which mutants a test reaches, where spans over-approximate
 * (and so run more tests per mutant); one more suite run costs far less than that on real suites.
 *
 * It runs in a pool worker, as one of the execute stage's lanes' work (src/execute/worker.ts),
 * after that worker has ended its own parked test threads: a thread that has loaded a large suite
 * holds hundreds of megabytes, and a pass beside the pool's workers added one more such thread to
 * theirs (and one more busy thread to the cores they use).
 */
import libCoverage from 'istanbul-lib-coverage';
import libSourceMaps from 'istanbul-lib-source-maps';
import type { CoverageResult, FileCoverage, SourceFile } from '../model.js';
import { VitestSession, joinedOutcomes, type RunOutcome, type SessionOptions, type TestFile, type Threads } from '../vitest/session.js';
import { statementLines } from './statement-lines.js';

/** Which files the pass measures, and how it runs the suite: the dry run's test files and threads. */
export interface CoverageTask {
  kind: 'coverage';
  /** The mutated files: absolute path and report name. */
  files: Array<Pick<SourceFile, 'path' | 'name'>>;
  /** The test files the dry run ran (those that can load a file under test, so each file's figures are exact). */
  testFiles: TestFile[];
  threads: Threads;
}

/** The pass's figures, and the ids of the tests that failed in it: the suite's second run, which tells flaky tests (see dry-run/flaky.ts). */
export interface CoverageAnswer {
  coverage: CoverageResult;
  failedTests: string[];
  /** From the pass's session start to its summary. */
  durationMs: number;
}

/**
 * Runs the pass in a vitest session of its own. One test thread at a time: it runs one vitest
 * project after another, each thread ended with its project's run, so that it never holds two.
 */
export async function coveragePass(project: Pick<SessionOptions, 'projectRoot' | 'configFile' | 'memoryLimitMb'>, task: CoverageTask): Promise<CoverageAnswer> {
  const { files, testFiles, threads } = task;
  const started = Date.now();
  const session = await VitestSession.start({
    ...project,
    // The original code.
    code: { instrumented: {} },
    bail: false,
    maxWorkers: 1,
    coverageFiles: files.map((file) => file.path),
  });
  try {
    const outcomes: RunOutcome[] = [];
    for (const files of byProject(testFiles)) {
      outcomes.push(await session.run({ mode: 'coverage', active: -1, hitLimit: Number.POSITIVE_INFINITY }, files, { threads, park: false }));
    }
    const outcome = joinedOutcomes(outcomes);
    for (const file of files) {
      if (!session.emptyCoverage.has(file.path)) await session.transform(file.path);
    }
    const failedTests = outcome.tests.filter((test) => test.state === 'failed').map((test) => test.id);
    return { coverage: await summarise(outcome, files, session.emptyCoverage), failedTests, durationMs: Date.now() - started };
  } finally {
    await session.close();
  }
}

/** The suite's test files, one list per vitest project. */
function byProject(testFiles: readonly TestFile[]): TestFile[][] {
  const lists = new Map<string, TestFile[]>();
  for (const file of testFiles) {
    const list = lists.get(file.project) ?? [];
    list.push(file);
    lists.set(file.project, list);
  }
  return [...lists.values()];
}

async function summarise(
  outcome: RunOutcome,
  files: CoverageTask['files'],
  emptyCoverage: ReadonlyMap<string, object>,
): Promise<CoverageResult> {
  const nameOf = new Map(files.map((file) => [file.path, file.name]));
  const counted = libCoverage.createCoverageMap({});
  for (const data of emptyCoverage.values()) counted.merge(libCoverage.createCoverageMap({ [(data as { path: string }).path]: data } as never));
  for (const file of outcome.files) {
    if (file.istanbul) counted.merge(libCoverage.createCoverageMap(file.istanbul as never));
  }
  const remapped = await libSourceMaps.createSourceMapStore().transformCoverage(counted);

  const lineOf = new Map<string, number[]>();
  for (const [path, data] of emptyCoverage) lineOf.set(path, statementLines(data));
  const toLines = (path: string, indices: readonly number[]) => {
    const lines = lineOf.get(path);
    return lines === undefined ? [] : indices.map((index) => lines[index]).filter((line) => line > 0);
  };

  const lineTests: CoverageResult['lineTests'] = {};
  for (const test of outcome.tests) {
    if (test.state !== 'passed') continue;
    for (const [path, indices] of Object.entries(test.statements ?? {})) {
      const name = nameOf.get(path);
      if (name === undefined) continue;
      const byLine = (lineTests[name] ??= {});
      for (const line of new Set(toLines(path, indices))) (byLine[line] ??= []).push(test.id);
    }
  }
  const staticLines: CoverageResult['staticLines'] = {};
  for (const file of outcome.files) {
    for (const [path, indices] of Object.entries(file.staticStatements ?? {})) {
      const name = nameOf.get(path);
      if (name === undefined) continue;
      staticLines[name] = [...new Set([...(staticLines[name] ?? []), ...toLines(path, indices)])].sort((a, b) => a - b);
    }
  }

  const figures: Record<string, FileCoverage> = {};
  for (const path of remapped.files()) {
    const name = nameOf.get(path);
    if (name === undefined) continue;
    figures[name] = fileFigures(remapped.fileCoverageFor(path));
  }
  for (const file of files) figures[file.name] ??= NOT_INSTRUMENTED;
  // Plain data (what each file's coverage writes as JSON), to cross the thread boundary intact.
  const istanbul = Object.fromEntries(remapped.files().map((path) => [path, remapped.fileCoverageFor(path).toJSON()]));
  return { files: figures, lineTests, staticLines, istanbul };
}

function fileFigures(coverage: libCoverage.FileCoverage): FileCoverage {
  const summary = coverage.toSummary();
  const lineHits = coverage.getLineCoverage();
  const codeLines = Object.keys(lineHits).map(Number).sort((a, b) => a - b);
  const figure = (metric: libCoverage.CoverageSummaryData['lines']) => ({
    covered: metric.covered,
    total: metric.total,
    pct: metric.total === 0 ? 100 : metric.pct,
  });
  return {
    lines: figure(summary.lines),
    branches: figure(summary.branches),
    functions: figure(summary.functions),
    statements: figure(summary.statements),
    codeLines,
    uncoveredLines: codeLines.filter((line) => lineHits[line] === 0),
  };
}

/** For a file vite could not transform: nothing to count. */
const NONE = { covered: 0, total: 0, pct: 100 };
const NOT_INSTRUMENTED: FileCoverage = {
  lines: NONE,
  branches: NONE,
  functions: NONE,
  statements: NONE,
  codeLines: [],
  uncoveredLines: [],
};
