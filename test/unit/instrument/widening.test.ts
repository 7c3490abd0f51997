import { describe, expect, it } from 'vitest';
import { instrument } from '../../../src/instrument/index.js';
import { checkSchemata, mutants, syntaxErrors } from './harness.js';

describe('expression widening', () => {
  it('keeps optional chains that continue outward short-circuiting', async () => {
    const { unplaced } = await checkSchemata(
      'const g = (o: any) => [o?.a["b"].c, o?.a!.b, o?.m().x];\nexport const run = () => [g(null), g({ a: { b: { c: 1 }, x: { c: 2 } }, m: () => ({ x: 3, y: 4 }) })];',
      [
        { find: 'o?.a', replacement: 'o.a' },
        { find: '"b"', replacement: '"x"' },
        { find: 'o?.a', replacement: 'o.a', nth: 1 },
        { find: 'o?.m()', replacement: 'o.m()' },
      ],
    );
    expect(unplaced).toEqual([]);
  });

  it('keeps `this` for method calls through parentheses, `as`, optional calls, tags and super', async () => {
    await checkSchemata(
      [
        'class C { v = 5; get() { return this.v; } other() { return this.v * 2; } tag(s: TemplateStringsArray) { return s[0] + this.v; } }',
        'class D extends C { get() { return super.get() + 1; } }',
        'const c = new C(), d = new D();',
        'export const run = () => [c.get(), (c.get as () => number)(), c.get?.(), c.tag`x`, d.get(), c["get"]()];',
      ].join('\n'),
      [
        { find: 'c.get', replacement: 'c.other', nth: 0 },
        { find: 'c.get', replacement: 'c.other', nth: 1 },
        { find: 'c.get', replacement: 'c.other', nth: 2 },
        { find: 'c.tag', replacement: 'c.other' },
        { find: 'super.get', replacement: 'super.other' },
        { find: 'super', within: 'super.get', replacement: 'C.prototype' },
        { find: '"get"', replacement: '"other"' },
      ],
    );
  });

  it('widens a private name check to the `in` expression', async () => {
    await checkSchemata(
      'class P { #x = 1; static #y = 2; static has(o: object) { return #x in o; } }\nexport const run = () => P.has(new P());',
      [{ find: '#x', within: '#x in o', replacement: '#y' }],
    );
  });

  it('keeps a direct eval direct', async () => {
    await checkSchemata('export function run() { const x = 1; return eval("x + 1"); }', [
      { find: 'eval', replacement: '((s: string) => s)' },
      { find: '"x + 1"', replacement: '"x - 1"' },
    ]);
  });

  it('keeps references for delete, typeof, assignments, updates and destructuring', async () => {
    const { unplaced } = await checkSchemata(
      [
        'export function run() {',
        '  const o: any = { x: 1, y: 2, z: 3 };',
        '  let a = 1, b = 1, p = 0, q = 0;',
        '  delete o.z;',
        '  a = 2;',
        '  o.x += 10;',
        '  o.y++;',
        '  [p, q] = [5, 6];',
        '  ({ k: q } = { k: 7 });',
        '  for (o.w of [8, 9]);',
        '  return [o, a, b, p, q, typeof undeclaredThing];',
        '}',
      ].join('\n'),
      [
        { find: 'o.z', replacement: 'o.x', within: 'delete o.z' },
        { find: 'a', replacement: 'b', within: 'a = 2' },
        { find: 'o.x', replacement: 'o.y', within: 'o.x += 10' },
        { find: 'o.y', replacement: 'o.x', within: 'o.y++' },
        { find: 'p', replacement: 'q', within: '[p, q] = [5, 6]' },
        { find: 'q', replacement: 'p', within: '{ k: q }' },
        { find: 'o.w', replacement: 'o.v' },
        { find: 'undeclaredThing', replacement: 'Math' },
      ],
    );
    expect(unplaced).toEqual([{ id: 7, reason: 'assignmentTarget' }]);
  });

  it('keeps tagged templates tagged', async () => {
    await checkSchemata(
      'const tag = (s: TemplateStringsArray, ...v: unknown[]) => s.raw.join("|") + v.join(",");\nexport const run = () => tag`a${1 + 1}b`;',
      [
        { find: '`a${1 + 1}b`', replacement: '`ab`' },
        { find: '1 + 1', replacement: '1 - 1' },
      ],
    );
  });

  it('keeps the names of anonymous functions and classes', async () => {
    const { code } = await checkSchemata(
      [
        'const f = () => 1;',
        'const K = class { n = 2 };',
        'function g(cb = function () { return 3; }) { return [cb.name, cb()]; }',
        'const o = { h: () => 4, "s p": (() => 5) as () => number };',
        'let v: () => number; v = () => 6;',
        'export const run = () => [f.name, f(), K.name, new K().n, g(), o.h.name, o.h(), o["s p"].name, o["s p"](), v.name, v()];',
      ].join('\n'),
      [
        { find: '() => 1', replacement: '() => 10' },
        { find: 'class { n = 2 }', replacement: 'class { n = 20 }' },
        { find: 'function () { return 3; }', replacement: 'function () { return 30; }' },
        { find: '() => 4', replacement: '() => 40' },
        { find: '() => 5', replacement: '() => 50' },
        { find: '() => 6', replacement: '() => 60' },
      ],
    );
    expect(code).toContain('{ "f": (() => 10) }["f"]');
  });

  it('widens property keys to the object literal and names in declarations to nothing', async () => {
    const source = 'class A { "k"() { return 1; } }\nexport const run = () => [{ "a": 1, c: 2 }, new A().k()];';
    const { unplaced } = await checkSchemata(source, [
      { find: '"a"', replacement: '"b"' },
      { find: '"k"', replacement: '"j"', equivalent: true },
      { find: 'c: 2', replacement: 'c: 3' },
    ]);
    expect(unplaced).toEqual([{ id: 2, reason: 'nameSlot' }]);
  });

  it('widens type arguments to the call and rejects mutants in type annotations', () => {
    const source = 'const id = <T,>(x: T) => x;\nconst v: "a" = id<"a">("a");';
    const result = instrument(
      source,
      'x.ts',
      mutants(source, [
        { find: '"a"', replacement: '"b"', nth: 0 },
        { find: '"a"', replacement: '"b"', nth: 1 },
      ]),
    );
    expect(result.unplaced).toEqual([{ id: 1, reason: 'typePosition' }]);
    expect(result.code).toContain('__assay.on(2) ? (id<"b">("a"))');
    expect(syntaxErrors(result.code)).toEqual([]);
  });

  it('keeps module specifiers literal', async () => {
    const source = 'import { join } from "node:path";\nexport const run = () => [typeof join, typeof require("node:path").join];';
    const { unplaced, code } = await checkSchemata(source, [
      { find: '"node:path"', replacement: '"node:os"', nth: 0 },
      { find: '"node:path"', replacement: '"node:os"', nth: 1 },
    ]);
    expect(unplaced).toEqual([{ id: 1, reason: 'moduleSpecifier' }]);
    expect(code).toContain('(__assay.cov(2), require("node:path"))');
  });

  it('widens JSX attribute values and children to the enclosing element', async () => {
    await checkSchemata(
      'const React = { createElement: (t: any, p: any, ...c: any[]) => ({ t, p, c }) };\nexport const run = () => <a href="x"><b /><i>{"t"}</i></a>;',
      [
        { find: '"x"', replacement: '""' },
        { find: '<b />', replacement: '<u />' },
        { find: '"t"', replacement: '""' },
      ],
      'x.tsx',
    );
  });

  it('leaves a pinned super(…) call, string enum values and directives alone', async () => {
    const { unplaced } = await checkSchemata(
      [
        'class A { constructor(public a: number) {} }',
        'class B extends A { constructor(public b: number) { super(b + 1); } }',
        'enum E { X = "x" }',
        'function strict(this: unknown) { "use strict"; return this; }',
        'export const run = () => [new B(1).a, Object.keys(E), strict.call(undefined)];',
      ].join('\n'),
      [
        { find: 'b + 1', replacement: 'b - 1' },
        { find: 'super(b + 1)', replacement: 'super(0)' },
        { find: '{ super(b + 1); }', replacement: '{ super(5); }', placement: 'statements' },
        { find: '"x"', replacement: '""' },
        { find: '"use strict"', replacement: '""', equivalent: true },
      ],
    );
    expect(unplaced).toEqual([
      { id: 2, reason: 'pinnedSuperCall' },
      { id: 3, reason: 'pinnedSuperCall' },
      { id: 4, reason: 'stringEnumInitializer' },
      { id: 5, reason: 'directive' },
    ]);
  });

  it('guards a conditional that begins a statement against ASI, but not a statement body', async () => {
    const { code } = await checkSchemata(
      [
        'export function run() {',
        '  const out: number[] = []',
        '  const push = (n: number) => out.push(n)',
        '  push(1)',
        '  if (out.length > 5) push(3)',
        '  return out',
        '}',
      ].join('\n'),
      [
        { find: 'push(1)', replacement: 'push(2)' },
        { find: 'push(3)', replacement: 'push(4)', equivalent: true },
      ],
    );
    expect(code).toContain(';(__assay.on(1)');
    expect(code).toContain('if (out.length > 5) (__assay.on(2)');
  });

  it('guards only the outermost of nested conditionals that begin a statement', async () => {
    const { code } = await checkSchemata(
      ['function f(a: number[]) {', '  let r = 0', '  a.length > 1 && (r = 1)', '  return r', '}', 'export const run = () => [f([1]), f([1, 2])];'].join('\n'),
      [
        { find: 'a.length > 1 && (r = 1)', replacement: 'a.length > 1 || (r = 1)' },
        { find: 'a.length > 1', replacement: 'true' },
      ],
    );
    expect(code).toContain(';(__assay.on(1)');
    expect(code).not.toContain(', ;(');
  });

  it('reports a mutant whose code would not parse as unplaced, and keeps the others', () => {
    const source = 'export const f = (a: number, b: number) => a + b;';
    const result = instrument(source, 'x.ts', mutants(source, [
      { find: 'a + b', replacement: 'a - b' },
      { find: 'a + b', replacement: 'a +' },
    ]));
    expect(result.unplaced).toEqual([{ id: 2, reason: 'invalidSchemata' }]);
    expect(syntaxErrors(result.code)).toEqual([]);
    expect(result.code).toContain('__assay.on(1) ? (a - b)');
  });
});
