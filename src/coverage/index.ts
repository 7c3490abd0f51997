/**
 * Coverage pass: the suite once more, on the original code with istanbul counters (as vitest's
 * istanbul provider puts them), to measure line, branch, function and statement coverage of the
 * mutated files and, per test, which lines it executed (coverage contexts).
 *
 * Why a pass of its own rather than deriving mutant reachability from istanbul spans in one run:
 * the dry run's schemata say exactly which mutants a test reaches, where spans over-approximate
 * (and so run more tests per mutant); one more suite run costs far less than that on real suites.
 */
import libCoverage from 'istanbul-lib-coverage';
import libSourceMaps from 'istanbul-lib-source-maps';
import type { CoverageResult, FileCoverage, Options, SourceFile } from '../model.js';
import { VitestSession, joinedOutcomes, projectSession, type RunOutcome, type TestFile, type Threads } from '../vitest/session.js';
import { statementLines } from './statement-lines.js';

/**
 * `suite`: the test files the dry run runs (those that can load a file under test, so each file's
 * figures are exact; found once, by the dry run, since walking the suite's module graph costs
 * seconds on a large one) and how it found they run cleanly; awaited once the session has started
 * (so the session starts beside the dry run; when it rejects, the pass ends with it). One test
 * thread at a time: the pass overlaps with the mutant runs, which use the other cores, and it runs
 * one vitest project after another, each thread ended with its project's run, so that it never
 * holds two threads (a thread that has loaded a large suite holds hundreds of megabytes). Also returns the ids
 * of the tests that failed in this pass: the suite's second run, which tells flaky tests (see
 * dry-run/flaky.ts).
 */
export async function coveragePass(
  options: Options,
  files: readonly SourceFile[],
  suite: Promise<{ testFiles: readonly TestFile[]; threads: Threads }>,
): Promise<{ coverage: CoverageResult; failedTests: string[] }> {
  const session = await VitestSession.start({
    ...projectSession(options),
    // The original code.
    code: { instrumented: {} },
    bail: false,
    maxWorkers: 1,
    coverageFiles: files.map((file) => file.path),
  });
  try {
    const { testFiles, threads } = await suite;
    const outcomes: RunOutcome[] = [];
    for (const files of byProject(testFiles)) {
      outcomes.push(await session.run({ mode: 'coverage', active: -1, hitLimit: Number.POSITIVE_INFINITY }, files, { threads, park: false }));
    }
    const outcome = joinedOutcomes(outcomes);
    for (const file of files) {
      if (!session.emptyCoverage.has(file.path)) await session.transform(file.path);
    }
    const failedTests = outcome.tests.filter((test) => test.state === 'failed').map((test) => test.id);
    return { coverage: await summarise(outcome, files, session.emptyCoverage), failedTests };
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
  files: readonly SourceFile[],
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
  return { files: figures, lineTests, staticLines, istanbul: remapped.toJSON() as Record<string, unknown> };
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
