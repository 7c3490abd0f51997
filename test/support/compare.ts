/**
 * Compares assay's mutants and verdicts with StrykerJS's on the same code: which of Stryker's
 * mutants assay generates too (same file, start position, mutator and replacement, ignoring
 * white space), and whether matched mutants get the same verdict class. A mutant StrykerJS could
 * give no verdict (RuntimeError, e.g. code that killed its test process) is matched but has no
 * verdict to agree with: it counts in `strykerErrors`, not in the agreement.
 */
import type { MutantVerdict } from './assay.js';
import type { StrykerMutant } from './stryker.js';

export interface Comparison {
  stryker: number;
  assay: number;
  matched: number;
  /** Matched mutants that StrykerJS gave a verdict (not RuntimeError/CompileError). */
  comparable: number;
  sameVerdict: number;
  /** Matched mutants StrykerJS answered with RuntimeError or CompileError. */
  strykerErrors: StrykerMutant[];
  /** Stryker mutants assay does not generate. */
  missing: StrykerMutant[];
  /** assay mutants Stryker does not generate. */
  extra: MutantVerdict[];
  /** Matched mutants whose verdict class differs. */
  disagreements: Array<{ assay: MutantVerdict; stryker: StrykerMutant }>;
}

/** Killed and Timeout mean a test noticed; Survived and NoCoverage mean none did. */
export function verdictClass(status: string): string {
  if (status === 'Killed' || status === 'Timeout') return 'detected';
  if (status === 'Survived' || status === 'NoCoverage') return 'undetected';
  return status;
}

export function compareWithStryker(assay: readonly MutantVerdict[], stryker: readonly StrykerMutant[]): Comparison {
  const key = (file: string, line: number, column: number, mutator: string, replacement: string) =>
    [file, line, column, mutator, replacement.replace(/\s+/g, '')].join('\u0000');
  const remaining = new Map<string, MutantVerdict[]>();
  for (const mutant of assay) {
    const k = key(mutant.file, mutant.line, mutant.column, mutant.mutator, mutant.replacement);
    remaining.set(k, [...(remaining.get(k) ?? []), mutant]);
  }
  const missing: StrykerMutant[] = [];
  const disagreements: Comparison['disagreements'] = [];
  const strykerErrors: StrykerMutant[] = [];
  let matched = 0;
  for (const mutant of stryker) {
    const candidates = remaining.get(key(mutant.file, mutant.line, mutant.column, mutant.mutatorName, mutant.replacement));
    const twin = candidates?.shift();
    if (twin === undefined) {
      missing.push(mutant);
      continue;
    }
    matched++;
    if (mutant.status === 'RuntimeError' || mutant.status === 'CompileError') strykerErrors.push(mutant);
    else if (verdictClass(twin.status) !== verdictClass(mutant.status)) disagreements.push({ assay: twin, stryker: mutant });
  }
  return {
    stryker: stryker.length,
    assay: assay.length,
    matched,
    comparable: matched - strykerErrors.length,
    sameVerdict: matched - strykerErrors.length - disagreements.length,
    strykerErrors,
    missing,
    extra: [...remaining.values()].flat(),
    disagreements,
  };
}
