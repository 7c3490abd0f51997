/**
 * findMutants as a whole: ordering, excluded mutators, line ranges, ranges and placement, parsers per file
 * extension, locations, and syntax errors; parseableFiles, which leaves out the files that do not parse.
 */
import { describe, expect, it } from 'vitest';

import { findMutants, parseableFiles } from '../../../src/mutate/index.js';
import { mutantsOf, mutate } from './helpers.js';

describe('findMutants', () => {
  it('returns candidates sorted by start offset, mutators in StrykerJS order for one node', () => {
    expect(mutate('x = !(a > 1);')).toEqual([
      'BooleanLiteral [4,12) "!(a > 1)" -> "a > 1" @1:5-1:13',
      'ConditionalExpression [6,11) "a > 1" -> "true" @1:7-1:12',
      'ConditionalExpression [6,11) "a > 1" -> "false" @1:7-1:12',
      'EqualityOperator [6,11) "a > 1" -> "a >= 1" @1:7-1:12',
      'EqualityOperator [6,11) "a > 1" -> "a <= 1" @1:7-1:12',
    ]);
  });

  it('produces nothing for excluded mutators', () => {
    const text = 'x = !(a > 1);';
    const mutants = findMutants(
      { path: '/p/a.ts', name: 'a.ts', text },
      { excludedMutations: ['ConditionalExpression', 'EqualityOperator'] },
    );
    expect(mutants.map((mutant) => mutant.mutatorName)).toEqual(['BooleanLiteral']);
  });

  it('keeps only mutants touching the line ranges when they are given', () => {
    const text = 'a = 1 + 1;\nb = 2 + 2;\nc = [\n  3,\n];\nd = 4 + 4;';
    const mutants = findMutants(
      { path: '/p/a.ts', name: 'a.ts', text, lineRanges: [{ start: 2, end: 2 }, { start: 4, end: 4 }] },
      { excludedMutations: [] },
    );
    expect(mutants.map((mutant) => text.slice(mutant.start, mutant.end))).toEqual(['2 + 2', '[\n  3,\n]']);
  });

  it('covers the mutated node only, also where the instrumenter must widen the site', () => {
    expect(mutate('delete a?.b;\nx = a?.b();\ny = s?.trim().length;')).toEqual([
      'OptionalChaining [7,11) "a?.b" -> "a.b" @1:8-1:12',
      'OptionalChaining [17,21) "a?.b" -> "a.b" @2:5-2:9',
      'MethodExpression [29,38) "s?.trim()" -> "s" @3:5-3:14',
      'OptionalChaining [29,36) "s?.trim" -> "s.trim" @3:5-3:12',
    ]);
  });

  it('reports the placement of each candidate', () => {
    const placements = mutantsOf('if (a) { b(); }', { file: 'src/a.ts' }).map(
      (mutant) => `${mutant.mutatorName}:${mutant.placement}`,
    );
    expect(placements).toEqual([
      'ConditionalExpression:expression',
      'ConditionalExpression:expression',
      'BlockStatement:statements',
    ]);
  });

  it('parses JSX in .jsx files and plain JavaScript in .mjs files', () => {
    expect(mutate('const el = <A b={1 + 2} />;', { file: 'src/a.jsx', only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [17,22) "1 + 2" -> "1 - 2" @1:18-1:23',
    ]);
    expect(mutate('export const f = (a) => a * 2;', { file: 'src/a.mjs', only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [24,29) "a * 2" -> "a / 2" @1:25-1:30',
    ]);
  });

  it('counts columns in UTF-16 code units and lines across CRLF, like Babel', () => {
    expect(mutate('const s = "é😀"; x = a + b;\r\nb = c + d;', { only: 'ArithmeticOperator' })).toEqual([
      'ArithmeticOperator [21,26) "a + b" -> "a - b" @1:22-1:27',
      'ArithmeticOperator [33,38) "c + d" -> "c - d" @2:5-2:10',
    ]);
  });

  it('throws an error naming the file and the first syntax error', () => {
    expect(() =>
      findMutants({ path: '/p/src/broken.ts', name: 'src/broken.ts', text: 'const a = ;\nlet' }, { excludedMutations: [] }),
    ).toThrow('src/broken.ts: syntax error at line 1, column 11: Expression expected.');
  });

  it('refuses files it has no parser for', () => {
    expect(() =>
      findMutants({ path: '/p/src/a.vue', name: 'src/a.vue', text: '' }, { excludedMutations: [] }),
    ).toThrow('src/a.vue: cannot mutate files with extension ".vue"');
  });
});

describe('parseableFiles', () => {
  const file = (name: string, text: string) => ({ path: `/p/${name}`, name, text });

  it('leaves out each file that does not parse, with a warning naming it and the line and column of its first error', () => {
    const good = file('src/good.ts', 'export const a = 1 + 2;\n');
    const broken = file('src/broken.ts', 'export function f(a: number) {\n  return a +* 2;\n}\n');
    const other = file('src/other.ts', 'export const b = 3;\n');
    const vue = file('src/a.vue', '');
    const warnings: string[] = [];
    expect(parseableFiles([good, broken, other, vue], (message) => warnings.push(message))).toEqual([good, other]);
    expect(warnings).toEqual([
      'skipped src/broken.ts: syntax error at line 2, column 13: Expression expected.',
      'skipped src/a.vue: cannot mutate files with extension ".vue"',
    ]);
  });

  it('hands its trees to findMutants, which gives the same mutants as from a fresh parse', () => {
    const source = file('src/a.ts', 'export const a = (x: number) => x > 1;\n');
    const fresh = findMutants({ ...source }, { excludedMutations: [] });
    const [kept] = parseableFiles([source], () => undefined);
    expect(findMutants(kept, { excludedMutations: [] })).toEqual(fresh);
    // Taken once: a second call parses again and still agrees.
    expect(findMutants(kept, { excludedMutations: [] })).toEqual(fresh);
  });
});
