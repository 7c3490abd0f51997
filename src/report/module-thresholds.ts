/**
 * Per-module thresholds for critical paths (`assay.modules` in stryker.config.json): each glob
 * names a module, the files it matches taken together, and the least mutation score, line and
 * branch coverage they must reach. After a `--since` run the figures are those of the changed
 * lines only ("diff mutation score" and diff coverage, as diff-cover counts it): the mutants on
 * them (the only ones made), the changed lines that hold code, the branches that start on them.
 * Scores are compared unrounded, as StrykerJS compares `thresholds.break`; a figure with nothing
 * to count (no valid mutant, no code line) is not checked.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { LineRange, ModuleThreshold, RunResult } from '../model.js';
import { fileNames, formatScore, scoreMutants } from './scores.js';

const METRICS = { mutationScore: 'mutation score', lines: 'lines', branches: 'branches' } as const;
type Metric = keyof typeof METRICS;

/** One line per figure below its threshold: `src/payments/**: mutation score 72.50 < 85`. */
export function thresholdFailures(result: RunResult, modules: Readonly<Record<string, ModuleThreshold>>): string[] {
  const failures: string[] = [];
  const names = fileNames(result);
  for (const [glob, thresholds] of Object.entries(modules)) {
    const isMatch = picomatch(glob, { dot: true });
    const files = names.filter((name) => isMatch(name));
    const label = result.since === undefined ? glob : `${glob} (changed lines)`;
    if (files.length === 0) {
      // A --since run drops unchanged files: nothing of this module changed. Otherwise the glob is a mistake.
      if (result.since === undefined) failures.push(`${glob}: matches no mutated file (check "assay.modules" and "mutate")`);
      continue;
    }
    const figures = moduleFigures(result, files);
    for (const metric of Object.keys(METRICS) as Metric[]) {
      const threshold = thresholds[metric];
      const value = figures[metric];
      if (threshold === undefined || Number.isNaN(value) || value >= threshold) continue;
      failures.push(`${label}: ${METRICS[metric]} ${formatScore(value)} < ${threshold}`);
    }
  }
  return failures;
}

/** The module's figures, 0–100 or NaN when there is nothing to count. */
function moduleFigures(result: RunResult, files: readonly string[]): Record<Metric, number> {
  const mutationScore = scoreMutants(result.mutants.filter((mutant) => files.includes(mutant.fileName))).mutationScore;
  if (result.coverage === undefined) return { mutationScore, lines: NaN, branches: NaN };
  let lines = { covered: 0, total: 0 };
  let branches = { covered: 0, total: 0 };
  for (const file of files) {
    const changed = result.since?.changed[file];
    lines = add(lines, result.since === undefined ? wholeFile(result, file, 'lines') : changedLines(result, file, changed ?? []));
    branches = add(branches, result.since === undefined ? wholeFile(result, file, 'branches') : changedBranches(result, file, changed ?? []));
  }
  return { mutationScore, lines: percent(lines), branches: percent(branches) };
}

interface Count {
  covered: number;
  total: number;
}

const add = (a: Count, b: Count): Count => ({ covered: a.covered + b.covered, total: a.total + b.total });
const percent = ({ covered, total }: Count) => (total === 0 ? NaN : (covered / total) * 100);
const inRanges = (line: number, ranges: readonly LineRange[]) => ranges.some((range) => line >= range.start && line <= range.end);

function wholeFile(result: RunResult, file: string, metric: 'lines' | 'branches'): Count {
  const figure = result.coverage?.files[file]?.[metric];
  return figure === undefined ? { covered: 0, total: 0 } : { covered: figure.covered, total: figure.total };
}

/** Changed lines that hold code, and those of them a test or module load ran. */
function changedLines(result: RunResult, file: string, changed: readonly LineRange[]): Count {
  const coverage = result.coverage?.files[file];
  if (coverage === undefined) return { covered: 0, total: 0 };
  const code = coverage.codeLines.filter((line) => inRanges(line, changed));
  const uncovered = new Set(coverage.uncoveredLines);
  return { covered: code.filter((line) => !uncovered.has(line)).length, total: code.length };
}

interface IstanbulBranches {
  branchMap: Record<string, { locations: Array<{ start: { line: number } }> }>;
  b: Record<string, number[]>;
}

/** Branch outcomes (each way of each branch, as istanbul counts them) that start on a changed line. */
function changedBranches(result: RunResult, file: string, changed: readonly LineRange[]): Count {
  const data = result.coverage?.istanbul[path.join(result.projectRoot, file)] as IstanbulBranches | undefined;
  const count = { covered: 0, total: 0 };
  for (const [id, branch] of Object.entries(data?.branchMap ?? {})) {
    branch.locations.forEach((location, index) => {
      if (!inRanges(location.start.line, changed)) return;
      count.total++;
      if ((data?.b[id]?.[index] ?? 0) > 0) count.covered++;
    });
  }
  return count;
}
