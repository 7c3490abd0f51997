import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/instrument/index.js';
import { checkSchemata, mutants, syntaxErrors, type MutantSpec } from './harness.js';

const require = createRequire(import.meta.url);

/** Instruments `source` and reports which mutants its initializers hold in place and which are switched at reads. */
function switchedIn(source: string, specs: readonly MutantSpec[], fileName = 'x.ts') {
  const { code, unplaced } = instrument(source, fileName, mutants(source, specs, fileName));
  expect(syntaxErrors(code, fileName)).toEqual([]);
  expect(unplaced).toEqual([]);
  return { code, switched: specs.map((_, index) => index + 1).filter((id) => code.includes(`__assay_c${id} =`)) };
}

/** Ids covered while the module loads, and then while its `run` runs (no mutant active). */
function coverage(code: string): { load: number[]; run: number[] } {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const covered: number[] = [];
  const global = globalThis as { __assay?: unknown };
  const previous = global.__assay;
  global.__assay = { on: () => false, cov: (...ids: number[]) => covered.push(...ids) };
  try {
    const module = { exports: {} as { run: () => unknown } };
    new Function('exports', 'module', 'require', js)(module.exports, module, require);
    const load = [...covered];
    module.exports.run();
    return { load, run: [...new Set(covered.slice(load.length))].sort((a, b) => a - b) };
  } finally {
    if (previous === undefined) delete global.__assay;
    else global.__assay = previous;
  }
}

describe('module constants switched where they are read', () => {
  const source = [
    'const WORD = /^[a-z]+$/;',
    "const ZONES = ['eu', 'us'];",
    "const LIMITS = { low: 1, high: 10 - 1 };",
    'export function run() {',
    "  return [WORD.test('abc'), ZONES.join(','), LIMITS.high, ZONES.length];",
    '}',
  ].join('\n');
  const specs: MutantSpec[] = [
    { find: '/^[a-z]+$/', replacement: '/^[a-z]$/' },
    { find: "['eu', 'us']", replacement: '[]' },
    { find: "'eu'", replacement: '""' },
    { find: '10 - 1', replacement: '10 + 1' },
  ];

  it('behaves like each mutant applied, with each mutant in a constant of its own', async () => {
    const { code } = await checkSchemata(source, specs);
    expect(code).toContain(`const ZONES = ['eu', 'us'], __assay_c2 = ([]), __assay_c3 = (["", 'us']);`);
  });

  it('covers the mutants where the constants are read, not while the module loads', () => {
    const { code, switched } = switchedIn(source, specs);
    expect(switched).toEqual([1, 2, 3, 4]);
    expect(coverage(code)).toEqual({ load: [], run: [1, 2, 3, 4] });
  });

  it('keeps the lines of a one-line constant', () => {
    const { code } = switchedIn(source, specs);
    expect(code.split('\n')).toHaveLength(source.split('\n').length);
  });

  it('switches a read while the module loads too (the mutant stays static) and a read that begins a statement', async () => {
    const loading = ['const RE = /a/g;', 'RE.lastIndex = 0', 'const FIRST = RE.source;', 'export function run() { return FIRST + RE.source; }'].join('\n');
    const { code } = await checkSchemata(loading, [{ find: '/a/g', replacement: '/b/g' }]);
    expect(code).toContain(';(__assay.on(1) ? (__assay_c1) : (__assay.cov(1), RE)).lastIndex = 0');
    expect(coverage(code).load).toEqual([1, 1]);
  });

  it('leaves a type of the same name and type positions alone', async () => {
    const typed = ['type NAME = string;', "const NAME = 'a';", 'let copy: typeof NAME = NAME;', 'export function run(): NAME { return NAME + copy; }'].join('\n');
    const { code } = await checkSchemata(typed, [{ find: "'a'", replacement: '""' }]);
    expect(code).toContain('let copy: typeof NAME = (__assay.on(1)');
    expect(code).toContain('export function run(): NAME {');
  });

  it('declares a mutant\'s constant before later declarations of the same statement read it, with or without a final semicolon', async () => {
    const list = ["const SEP = '/', DOUBLE = SEP + SEP, N = 1 + 1", 'export function run() { return DOUBLE + SEP + N; }'].join('\n');
    const { code } = await checkSchemata(list, [{ find: "'/'", replacement: '""' }, { find: '1 + 1', replacement: '1 - 1' }]);
    expect(code).toContain(`const SEP = '/', __assay_c1 = (""), DOUBLE = (__assay.on(1)`);
  });

  it('keeps in place a constant whose mutant would make a copy that throws while the module loads', () => {
    const map = "const M = new Map([]);\nexport function run() { return M.get('k'); }";
    expect(switchedIn(map, [{ find: '[]', replacement: '["Stryker was here"]' }]).switched).toEqual([]);
    const entries = "const M = new Map([['k', 'a']]);\nexport function run() { return M.get('k'); }";
    expect(switchedIn(entries, [{ find: "'a'", replacement: '""' }, { find: "['k', 'a']", replacement: '[]' }]).switched).toEqual([1, 2]);
  });

  it('switches an object only where every read uses it on the spot', () => {
    const spot = "const LIST = ['a'];\nexport function run() { return [LIST[0], LIST.length, 0 in LIST, ...LIST]; }";
    expect(switchedIn(spot, [{ find: "'a'", replacement: '""' }]).switched).toEqual([1]);
    const escaping = "const LIST = ['a'];\nexport function run() { return LIST; }";
    expect(switchedIn(escaping, [{ find: "'a'", replacement: '""' }]).switched).toEqual([]);
    const string = "const NAME = 'a';\nexport function run() { return NAME; }";
    expect(switchedIn(string, [{ find: "'a'", replacement: '""' }]).switched).toEqual([1]);
  });

  it('keeps in place a constant with more mutants than it may copy', () => {
    const many = `const LIST = [${Array.from({ length: 65 }, (_, i) => `'${i}'`).join(', ')}];\nexport function run() { return LIST.length; }`;
    const specs = Array.from({ length: 65 }, (_, i) => ({ find: `'${i}'`, replacement: '""' }));
    expect(switchedIn(many, specs).switched).toEqual([]);
  });

  it.each([
    ['exported', "export const NAME = 'a';\nexport function run() { return NAME; }"],
    ['named again by an enum member', "const NAME = 'a';\nenum E { NAME = 1, B = NAME * 2 }\nexport function run() { return NAME + E.B; }"],
    ['exported later', "const NAME = 'a';\nexport { NAME };\nexport function run() { return NAME; }"],
    ['declared again (a parameter)', "const NAME = 'a';\nexport function run(NAME = 'b') { return NAME; }"],
    ['declared again (a local)', "const NAME = 'a';\nexport function run() { { const NAME = 'b'; } return NAME; }"],
    ['read in a shorthand property', "const NAME = 'a';\nexport function run() { return { NAME }.NAME; }"],
    ['read by typeof', "const NAME = 'a';\nexport function run() { return typeof NAME + NAME; }"],
    ['in a class heritage clause', "const NAME = 'a';\nexport function run() { return NAME; }\nclass A extends (Object as any)(NAME) {}"],
    ['never read', "const NAME = 'a';\nexport function run() { return 1; }"],
    ['in a file that calls eval', "const NAME = 'a';\nexport function run() { return eval('NAME'); }"],
  ])('keeps the mutants of a constant %s in place', (_, code) => {
    expect(switchedIn(code, [{ find: "'a'", replacement: '""' }]).switched).toEqual([]);
  });

  it.each([
    ['a call', "const NAME = String('a');"],
    ['a name', "const OTHER = 'b';\nconst NAME = ['a', OTHER];"],
    ['a property read', "const NAME = ['a'].length;"],
    ['a bigint', "const NAME = ['a', 1n];"],
    ['a spread', "const NAME = ['a', ...'bc'];"],
    ['a computed key', "const NAME = { ['k' + 1]: 'a' };"],
    ['a function', "const NAME = () => 'a';"],
    ['new of a class of its own', "class Set2 {}\nconst NAME = [new Set2(), 'a'];"],
    ['a Set of a string', "const NAME = new Set('a');"],
    ['a Set the file declares', "import { Set } from './set';\nconst NAME = new Set(['a']);"],
    ['another call of Object', "const NAME = Object.keys({ a: 'a' });"],
    ['let', "let NAME = 'a';"],
  ])('keeps the mutants of an initializer with %s in place', (_, declaration) => {
    const code = `${declaration}\nexport function run() { return NAME; }`;
    expect(switchedIn(code, [{ find: "'a'", replacement: '""' }]).switched).toEqual([]);
  });

  it('switches a Set, a Map and a frozen object of plain values', async () => {
    const collections = [
      "const KEYS = new Set(['a', 'b']);",
      "const NAMES = new Map([['a', 'x']]);",
      "const LIMITS = Object.freeze({ low: 'a' });",
      "export function run() { return [KEYS.has('a'), NAMES.get('a'), LIMITS.low]; }",
    ].join('\n');
    const specs = [{ find: "'a'", replacement: '""' }, { find: "'a'", nth: 1, replacement: '""' }, { find: "'a'", nth: 2, replacement: '""' }];
    await checkSchemata(collections, specs);
    expect(switchedIn(collections, specs).switched).toEqual([1, 2, 3]);
  });

  it('switches constants of a TSX file read in JSX expressions, not one used as a tag name', () => {
    const tsx = ["const LABEL = 'a';", "const Tag = 'b';", "const Parts = { Item: 'c' };", 'export function run() { return <Tag title={LABEL}><Parts.Item /></Tag>; }'].join('\n');
    const { switched } = switchedIn(tsx, [{ find: "'a'", replacement: '""' }, { find: "'b'", replacement: '""' }, { find: "'c'", replacement: '""' }], 'x.tsx');
    expect(switched).toEqual([1]);
  });
});
