/**
 * Mutants that cannot change behaviour, found by compiling: each file, and each mutant applied to
 * it, goes through esbuild's TypeScript-to-JavaScript transform and minifier, which removes dead
 * branches, folds constants and writes equal code one way. A mutant whose output equals the
 * original file's cannot be told from it by any test: it is equivalent, and Ignored. Mutants whose
 * outputs equal each other's are one program: duplicates, run once (plan/duplicates.ts).
 *
 * A file esbuild cannot compile as it is is left alone (no mutant of it is judged), as is a
 * mutant that does not compile: the compiler is never asked to guess.
 */
import path from 'node:path';
import { transform, type Loader } from 'esbuild';
import type { Mutant, SourceFile } from '../model.js';
import { sha256 } from '../sha256.js';

export const EQUIVALENT_REASON = 'equivalent: compiles to the original code';

export interface Equivalence {
  /** Mutants whose compiled code is the original file's. */
  equivalent: Set<number>;
  /** Sets of two or more mutants (ids, ascending) whose compiled code is the same, not the original's. */
  duplicates: number[][];
}

const LOADERS: Readonly<Record<string, Loader>> = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx' };

export async function findEquivalentMutants(files: readonly SourceFile[], mutants: readonly Mutant[]): Promise<Equivalence> {
  const byFile = new Map<string, Mutant[]>();
  for (const mutant of mutants) {
    if (mutant.ignoredReason === undefined) byFile.set(mutant.fileName, [...(byFile.get(mutant.fileName) ?? []), mutant]);
  }
  const equivalent = new Set<number>();
  const duplicates: number[][] = [];
  await Promise.all(
    files.map(async (file) => {
      const fileMutants = byFile.get(file.name);
      if (fileMutants === undefined) return;
      const loader = LOADERS[path.extname(file.path).toLowerCase()] ?? 'jsx';
      const original = await compiled(file.text, loader);
      if (original === undefined) return;
      const outputs = await Promise.all(fileMutants.map((mutant) => compiled(file.text.slice(0, mutant.start) + mutant.replacement + file.text.slice(mutant.end), loader)));
      const same = new Map<string, number[]>();
      fileMutants.forEach((mutant, index) => {
        const output = outputs[index];
        if (output === undefined) return;
        if (output === original) equivalent.add(mutant.id);
        else same.set(output, [...(same.get(output) ?? []), mutant.id]);
      });
      for (const ids of same.values()) if (ids.length > 1) duplicates.push(ids.sort((a, b) => a - b));
    }),
  );
  return { equivalent, duplicates };
}

/** The minified JavaScript of `code`, as a hash; undefined when esbuild cannot compile it. */
async function compiled(code: string, loader: Loader): Promise<string | undefined> {
  try {
    // Names are kept: renaming depends on how often each name is used, which a mutant can change.
    const result = await transform(code, { loader, minifySyntax: true, minifyWhitespace: true, target: 'esnext', legalComments: 'none' });
    return sha256(result.code);
  } catch {
    return undefined;
  }
}
