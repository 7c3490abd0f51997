/**
 * Mutant counts and mutation scores, per file and in total, defined exactly as StrykerJS
 * (mutation-testing-metrics' `countFileMetrics`) defines them:
 * - mutation score = detected / valid × 100, where detected = killed + timeout and
 *   valid = detected + survived + noCoverage; NaN when there is no valid mutant;
 * - covered score = detected / (detected + survived) × 100; NaN when there is no valid mutant,
 *   and 0 (not NaN) when every valid mutant is NoCoverage.
 * Scores are kept unrounded; `formatScore` rounds for display.
 */
import type { MutantResult, MutantStatus, RunResult } from '../model.js';

export interface Counts {
  killed: number;
  survived: number;
  timeout: number;
  noCoverage: number;
  /** RuntimeError + CompileError. */
  errors: number;
  ignored: number;
  /** Every mutant, whatever its status. */
  total: number;
}

export interface Scores extends Counts {
  /** 0–100, NaN when undefined. */
  mutationScore: number;
  /** 0–100, NaN when undefined. */
  coveredScore: number;
}

export interface FileScores extends Scores {
  fileName: string;
}

export interface RunScores {
  /** Sorted by file name. */
  files: FileScores[];
  total: Scores;
}

/** Counts and scores of a set of mutants. */
export function scoreMutants(mutants: readonly MutantResult[]): Scores {
  const count = (...statuses: MutantStatus[]) =>
    mutants.filter((mutant) => statuses.includes(mutant.status)).length;
  const killed = count('Killed');
  const survived = count('Survived');
  const timeout = count('Timeout');
  const noCoverage = count('NoCoverage');
  const detected = killed + timeout;
  const valid = detected + survived + noCoverage;
  return {
    killed,
    survived,
    timeout,
    noCoverage,
    errors: count('RuntimeError', 'CompileError'),
    ignored: count('Ignored'),
    total: mutants.length,
    mutationScore: valid > 0 ? (detected / valid) * 100 : NaN,
    coveredScore: valid > 0 ? (detected / (detected + survived)) * 100 || 0 : NaN,
  };
}

/** The names of all files in the run (with or without mutants), sorted. */
export function fileNames(result: RunResult): string[] {
  const names = new Set([
    ...result.files.map((file) => file.name),
    ...result.mutants.map((mutant) => mutant.fileName),
  ]);
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Mutants of one file, sorted by position (then id). */
export function mutantsOf(result: RunResult, fileName: string): MutantResult[] {
  return result.mutants
    .filter((mutant) => mutant.fileName === fileName)
    .sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}

/** Per-file and total counts and scores of a run. */
export function scoreRun(result: RunResult): RunScores {
  return {
    files: fileNames(result).map((fileName) => ({
      fileName,
      ...scoreMutants(mutantsOf(result, fileName)),
    })),
    total: scoreMutants(result.mutants),
  };
}

/** A score with two decimals, as Stryker shows it, or 'n/a'. */
export function formatScore(score: number): string {
  return Number.isNaN(score) ? 'n/a' : score.toFixed(2);
}
