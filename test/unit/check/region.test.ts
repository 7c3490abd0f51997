/**
 * Regions: the outermost declaration around a mutant that the rest of the program sees only
 * through its names' types — sealed when those types are written out — and the sealed bodies a
 * grouped check may blank.
 */
import { describe, expect, it } from 'vitest';
import { regionOf, sealedBodiesOf } from '../../../src/check/region.js';
import { parseSourceFile } from '../../../src/mutate/parse.js';

const TEXT = `const limit = 10;
export function clamp(n: number): number {
  const inner = (x: number) => x + 1;
  return Math.min(limit, inner(n));
}
export function label(n: number) {
  const format = (x: number): string => String(x + 1);
  return format(n);
}
export const twice: (n: number) => number = (n) => n * 2;
export const thrice = (n: number) => n * 3;
class Box {
  size: number = 1 + 1;
  count = 2 + 2;
  constructor() { this.size = 3 + 3; }
}
const pattern = /a+/;
`;
const tree = parseSourceFile({ path: '/p/src/a.ts', name: 'src/a.ts', text: TEXT });
const at = (code: string, mutator = 'ArithmeticOperator') => {
  const start = TEXT.indexOf(code);
  const region = regionOf(tree, start, start + code.length, mutator);
  return region && { code: TEXT.slice(region.start, region.end).split('\n')[0], sealed: region.sealed, names: region.names.map((name) => TEXT.slice(name, name + 6)) };
};

describe('regionOf', () => {
  it('is the outermost declaration, sealed by a written type, else with its names to compare', () => {
    expect(at('x + 1;')).toEqual({ code: 'export function clamp(n: number): number {', sealed: true, names: [] });
    expect(at('x + 1)')).toEqual({ code: '(x: number): string => String(x + 1)', sealed: true, names: [] });
    expect(at('format(n)')).toEqual({ code: 'export function label(n: number) {', sealed: false, names: ['label('] });
    expect(at('n * 2')).toEqual({ code: 'twice: (n: number) => number = (n) => n * 2', sealed: true, names: [] });
    expect(at('n * 3')).toEqual({ code: 'thrice = (n: number) => n * 3', sealed: false, names: ['thrice'] });
    expect(at('1 + 1')).toEqual({ code: 'size: number = 1 + 1;', sealed: true, names: [] });
    expect(at('2 + 2')).toEqual({ code: 'count = 2 + 2;', sealed: false, names: ['count '] });
    expect(at('3 + 3')).toEqual({ code: 'constructor() { this.size = 3 + 3; }', sealed: true, names: [] });
  });

  it('is none for module-level code, but the expression itself for a regular expression there', () => {
    expect(at('10', 'StringLiteral')).toBeUndefined();
    expect(at('/a+/', 'Regex')).toEqual({ code: '/a+/', sealed: true, names: [] });
  });
});

describe('sealedBodiesOf', () => {
  it('lists the block bodies of the outermost functions with written types, constructors left out', () => {
    expect(sealedBodiesOf(tree).map((body) => TEXT.slice(body.start, body.end).split('\n')[0])).toEqual(['{']);
    expect(sealedBodiesOf(tree).map((body) => TEXT.slice(body.start, body.end))).toEqual([TEXT.slice(TEXT.indexOf('{\n  const inner'), TEXT.indexOf('}\n') + 1)]);
  });
});
