/**
 * Equivalent and duplicate mutants, by compiling with esbuild: a mutant whose minified output is
 * the original's is equivalent, mutants with the same output are duplicates; a file or a mutant
 * esbuild cannot compile is judged by nothing.
 */
import { describe, expect, it } from 'vitest';
import { findEquivalentMutants } from '../../../src/check/equivalent-mutants.js';
import type { Mutant, SourceFile } from '../../../src/model.js';

const TEXT = `const DEBUG = false;
export function f(a: number, b: number): boolean {
  if (DEBUG) console.log('f');
  return !(a === b);
}
`;
const file: SourceFile = { path: '/p/src/f.ts', name: 'src/f.ts', text: TEXT };

function mutant(id: number, original: string, replacement: string, fileName = 'src/f.ts'): Mutant {
  const start = TEXT.indexOf(original);
  const location = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { id, fileName, mutatorName: 'StringLiteral', start, end: start + original.length, replacement, placement: 'expression', location };
}

describe('findEquivalentMutants', () => {
  it('tells equivalent mutants and duplicates, and leaves the rest', async () => {
    const mutants = [
      mutant(1, "'f'", '""'),
      mutant(2, 'DEBUG)', 'false)'),
      mutant(3, '!(a === b)', '(a === b)'),
      mutant(4, 'a === b', 'a !== b'),
      mutant(5, 'DEBUG)', 'true)'),
      mutant(6, 'a === b', 'a === ('),
    ];
    expect(await findEquivalentMutants([file], mutants)).toEqual({ equivalent: new Set([1, 2]), duplicates: [[3, 4]] });
  });

  it('judges nothing in a file esbuild cannot compile, nor ignored mutants', async () => {
    const broken = { ...file, text: `${TEXT}const = ;\n` };
    expect(await findEquivalentMutants([broken], [mutant(1, "'f'", '""')])).toEqual({ equivalent: new Set(), duplicates: [] });
    expect(await findEquivalentMutants([file], [{ ...mutant(1, "'f'", '""'), ignoredReason: 'disabled' }])).toEqual({ equivalent: new Set(), duplicates: [] });
  });
});
