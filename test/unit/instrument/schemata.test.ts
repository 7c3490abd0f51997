import { describe, expect, it } from 'vitest';
import { instrument, instrumentFile } from '../../../src/instrument/index.js';
import { PREAMBLE } from '../../../src/instrument/preamble.js';
import { behave, checkSchemata, mutants } from './harness.js';

describe('instrumentFile: shapes', () => {
  it('writes the documented expression conditional and statements if-chain', () => {
    const source = 'export function run() { if (x) { return a + b; } }';
    const code = instrumentFile(
      source,
      'x.ts',
      mutants(source, [
        { find: 'a + b', replacement: 'a - b' },
        { find: 'a + b', replacement: 'a * b' },
        { find: '{ return a + b; }', replacement: '{}', placement: 'statements' },
      ]),
    );
    expect(code).toBe(
      PREAMBLE +
        'export function run() { if (x) ' +
        '{ __assay.cov(3); if (__assay.on(3)) { {} } else { ' +
        '{ return (__assay.on(1) ? (a - b) : __assay.on(2) ? (a * b) : (__assay.cov(1, 2), a + b)); }' +
        ' } } }',
    );
  });

  it('returns the text unchanged when every mutant is ignored', () => {
    const source = 'export const run = () => 1 + 2;';
    const code = instrumentFile(source, 'x.ts', mutants(source, [{ find: '1 + 2', replacement: '1 - 2', ignored: true }]));
    expect(code).toBe(source);
  });

  it('keeps line numbers: the preamble adds no line', () => {
    const source = 'export function run() {\n  return 1 + 2;\n}\n';
    const code = instrumentFile(source, 'x.ts', mutants(source, [{ find: '1 + 2', replacement: '1 - 2' }]));
    expect(code.split('\n')).toHaveLength(source.split('\n').length);
    expect(code.startsWith(PREAMBLE)).toBe(true);
  });

  it('installs an inert runtime when none exists', async () => {
    const source = 'export const run = () => 1 + 2;';
    const code = instrumentFile(source, 'x.ts', mutants(source, [{ find: '1 + 2', replacement: '1 - 2' }]));
    const { default: ts } = await import('typescript');
    const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
    const module = { exports: {} as { run: () => number } };
    const global = globalThis as { __assay?: { on(id: number): boolean } };
    // Under `npm run mutate:self` the global is assay's own runtime, which must be back afterwards.
    const previous = global.__assay;
    delete global.__assay;
    try {
      new Function('exports', 'module', js)(module.exports, module);
      expect(module.exports.run()).toBe(3);
      const installed = (globalThis as typeof global).__assay;
      expect(installed?.on(1)).toBe(false);
    } finally {
      if (previous === undefined) delete global.__assay;
      else global.__assay = previous;
    }
  });
});

describe('instrumentFile: behaviour', () => {
  it('switches single, same-range and ignored mutants', async () => {
    const { covered } = await checkSchemata(
      'export function run() { const a = 3, b = 4; return { sum: a + b, big: a + b > 5 }; }',
      [
        { find: 'a + b', replacement: 'a - b' },
        { find: 'a + b', replacement: 'a * b' },
        { find: 'a + b > 5', replacement: 'a + b <= 5' },
        { find: 'a + b', replacement: 'b - a', nth: 1 },
        { find: '5', replacement: '500', ignored: true },
      ],
    );
    expect(covered).toEqual([1, 2, 3, 4]);
  });

  it('instruments mutants nested inside other mutants', async () => {
    const { covered } = await checkSchemata(
      'export function run() { const xs = [1, 2, 3]; return xs.length > 2 && xs[0] + xs[1] === 3 ? "big" : "small"; }',
      [
        { find: 'xs.length > 2 && xs[0] + xs[1] === 3', replacement: 'false' },
        { find: 'xs.length > 2', replacement: 'xs.length <= 2' },
        { find: 'xs[0] + xs[1] === 3', replacement: 'xs[0] + xs[1] !== 3' },
        { find: 'xs[0] + xs[1]', replacement: 'xs[0] - xs[1]' },
        { find: '"big"', replacement: '""' },
      ],
    );
    expect(covered).toEqual([1, 2, 3, 4, 5]);
  });

  it('covers only the mutants that are reached', async () => {
    const source =
      'export function run() { return f(1); }\nfunction f(n: number) { if (n > 0) { return n * 2; } else { return n * 3; } }\nfunction g() { return 7 + 1; }';
    const list = mutants(source, [
      { find: 'n * 2', replacement: 'n / 2' },
      { find: '{ return n * 3; }', replacement: '{}', placement: 'statements' },
      { find: '7 + 1', replacement: '7 - 1' },
    ]);
    const { covered } = await behave(instrumentFile(source, 'x.ts', list));
    expect(covered).toEqual([1]);
  });

  it('reports no unplaced mutants for ordinary expressions', () => {
    const source = 'export const run = () => [1 + 2, "a", true];';
    const result = instrument(
      source,
      'x.ts',
      mutants(source, [
        { find: '1 + 2', replacement: '1 - 2' },
        { find: '"a"', replacement: '""' },
        { find: 'true', replacement: 'false' },
      ]),
    );
    expect(result.unplaced).toEqual([]);
  });
});

describe('the test harness', () => {
  it("puts back the runtime it stands in for (assay's own, under npm run mutate:self)", async () => {
    const global = globalThis as { __assay?: unknown };
    const previous = global.__assay;
    const outer = { on: () => false, cov: () => {} };
    global.__assay = outer;
    try {
      expect((await behave('export const run = () => 1;')).outcome).toEqual({ value: 1 });
      expect(global.__assay).toBe(outer);
    } finally {
      if (previous === undefined) delete global.__assay;
      else global.__assay = previous;
    }
  });
});
