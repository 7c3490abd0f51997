/**
 * The mutants CI outputs point at: undetected ones (Survived, or NoCoverage: no test reaches
 * them) on changed lines. After a `--since` run a mutant counts when its start line lies in the
 * changed line ranges of its file (`result.since.changed`); without `--since` the whole code is
 * "the change" and every undetected mutant counts. Also: where a file is relative to the
 * repository root, the path GitHub and code-scanning tools expect.
 */
import path from 'node:path';
import type { MutantResult, RunResult } from '../model.js';
import { fileNames, mutantsOf } from './scores.js';

export const isUndetected = (mutant: MutantResult) => mutant.status === 'Survived' || mutant.status === 'NoCoverage';

/** Whether the mutant starts on a line the run's change touched (always true without `--since`). */
export function onChangedLine(result: RunResult, mutant: MutantResult): boolean {
  if (result.since === undefined) return true;
  const line = mutant.location.start.line;
  return (result.since.changed[mutant.fileName] ?? []).some((range) => line >= range.start && line <= range.end);
}

/** Survived and NoCoverage mutants on changed lines, by file name, then position. */
export function undetectedOnChangedLines(result: RunResult): MutantResult[] {
  return fileNames(result).flatMap((fileName) =>
    mutantsOf(result, fileName).filter((mutant) => isUndetected(mutant) && onChangedLine(result, mutant)),
  );
}

/**
 * `fileName` (relative to `projectRoot`) relative to `repoRoot`, with forward slashes; the file
 * name itself when the file lies outside `repoRoot`.
 */
export function repositoryPath(projectRoot: string, fileName: string, repoRoot: string): string {
  const relative = path.relative(repoRoot, path.resolve(projectRoot, fileName));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return fileName;
  return relative.split(path.sep).join('/');
}
