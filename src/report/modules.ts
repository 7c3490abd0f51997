/**
 * The rows of the per-module view: every file, a rollup per directory (when it differs from the
 * whole), and "All files" — each with its mutation counts and scores next to its line, branch,
 * function and statement coverage and its covered-but-unverified lines.
 */
import type { CoverageFigure, FileCoverage, RunResult } from '../model.js';
import { fileNames, mutantsOf, scoreMutants, type Scores } from './scores.js';
import { unverifiedLines } from './unverified.js';

export interface ModuleCoverage {
  lines: CoverageFigure;
  branches: CoverageFigure;
  functions: CoverageFigure;
  statements: CoverageFigure;
}

export interface ModuleRow {
  /** File name, directory name ending in '/', or 'All files'. */
  name: string;
  kind: 'all' | 'directory' | 'file';
  scores: Scores;
  /** Absent when the run measured no coverage. */
  coverage?: ModuleCoverage;
  /** Number of covered-but-unverified lines. */
  unverified: number;
  /** Files only: the unverified lines themselves. */
  unverifiedLines?: number[];
}

export function moduleRows(result: RunResult): ModuleRow[] {
  const files = fileNames(result);
  const fileRows: ModuleRow[] = files.map((name) => {
    const mutants = mutantsOf(result, name);
    const lines = unverifiedLines(mutants);
    return {
      name,
      kind: 'file',
      scores: scoreMutants(mutants),
      coverage: pickCoverage(result.coverage?.files[name]),
      unverified: lines.length,
      unverifiedLines: lines,
    };
  });
  const rollup = (name: string, kind: 'all' | 'directory', members: string[]): ModuleRow => {
    const rows = fileRows.filter((row) => members.includes(row.name));
    return {
      name,
      kind,
      scores: scoreMutants(result.mutants.filter((mutant) => members.includes(mutant.fileName))),
      coverage: result.coverage === undefined ? undefined : sumCoverage(rows.map((row) => row.coverage)),
      unverified: rows.reduce((sum, row) => sum + row.unverified, 0),
    };
  };
  const directoryRows: ModuleRow[] = [];
  for (const directory of directoriesOf(files)) {
    const members = files.filter((file) => file.startsWith(directory));
    if (members.length < files.length) directoryRows.push(rollup(directory, 'directory', members));
  }
  // A directory's name is a prefix of its files' names, so a plain sort puts it right before them.
  const named = [...directoryRows, ...fileRows].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [rollup('All files', 'all', files), ...named];
}

/** Every directory (with a trailing '/') that holds a file, directly or below. */
function directoriesOf(files: readonly string[]): string[] {
  const directories = new Set<string>();
  for (const file of files) {
    const parts = file.split('/').slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) directories.add(`${parts.slice(0, depth).join('/')}/`);
  }
  return [...directories];
}

function pickCoverage(coverage: FileCoverage | undefined): ModuleCoverage | undefined {
  if (coverage === undefined) return undefined;
  const { lines, branches, functions, statements } = coverage;
  return { lines, branches, functions, statements };
}

function sumCoverage(parts: ReadonlyArray<ModuleCoverage | undefined>): ModuleCoverage {
  const sum = (pick: (coverage: ModuleCoverage) => CoverageFigure): CoverageFigure => {
    const covered = parts.reduce((total, part) => total + (part ? pick(part).covered : 0), 0);
    const total = parts.reduce((all, part) => all + (part ? pick(part).total : 0), 0);
    // istanbul's own formula (integer arithmetic first): (covered / total) * 10_000 gives 56.99 for 57/100.
    return { covered, total, pct: total === 0 ? 100 : Math.floor((100_000 * covered) / total / 10) / 100 };
  };
  return { lines: sum((c) => c.lines), branches: sum((c) => c.branches), functions: sum((c) => c.functions), statements: sum((c) => c.statements) };
}
