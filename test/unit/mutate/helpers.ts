/**
 * Test helpers: run findMutants on a snippet and describe each candidate in one exact line:
 * `Mutator [start,end) "original" -> "replacement" @line:col-line:col (placement)`.
 */
import { MUTATOR_NAMES, type MutantCandidate, type MutatorName } from '../../../src/model.js';
import { findMutants } from '../../../src/mutate/index.js';

export interface SnippetOptions {
  /** File name, decides the parser (default `src/snippet.ts`). */
  file?: string;
  /** Only report this mutator. */
  only?: MutatorName;
}

export function mutantsOf(code: string, options: SnippetOptions = {}): MutantCandidate[] {
  const file = options.file ?? 'src/snippet.ts';
  const excludedMutations = options.only ? MUTATOR_NAMES.filter((name) => name !== options.only) : [];
  return findMutants({ path: `/project/${file}`, name: file, text: code }, { excludedMutations });
}

export function describeMutant(code: string, mutant: MutantCandidate): string {
  const { start, end } = mutant.location;
  const original = JSON.stringify(code.slice(mutant.start, mutant.end));
  const ignored = mutant.ignoredReason === undefined ? '' : ` ignored: ${mutant.ignoredReason}`;
  return (
    `${mutant.mutatorName} [${mutant.start},${mutant.end}) ${original} -> ${JSON.stringify(mutant.replacement)} ` +
    `@${start.line}:${start.column}-${end.line}:${end.column}` +
    (mutant.placement === 'statements' ? ' (statements)' : '') +
    ignored
  );
}

/** All mutants of a snippet, described. */
export function mutate(code: string, options: SnippetOptions = {}): string[] {
  return mutantsOf(code, options).map((mutant) => describeMutant(code, mutant));
}
