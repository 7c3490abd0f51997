import { describe, expect, it } from 'vitest';
import { PREAMBLE } from '../../../src/instrument/preamble.js';
import { checkSchemata } from './harness.js';

describe('instrumentFile: syntax forms', () => {
  it('handles async/await and generators', async () => {
    await checkSchemata(
      [
        'async function twice(n: number) { return (await Promise.resolve(n)) * 2; }',
        'function* count(n: number) { for (let i = 0; i < n; i++) yield i + 1; }',
        'export async function run() { return [await twice(2), [...count(3)]]; }',
      ].join('\n'),
      [
        { find: '(await Promise.resolve(n)) * 2', replacement: '(await Promise.resolve(n)) / 2' },
        { find: 'await Promise.resolve(n)', replacement: 'await Promise.resolve(-n)' },
        { find: 'i + 1', replacement: 'i - 1' },
        { find: 'yield i + 1', replacement: 'yield 0' },
        { find: 'i < n', replacement: 'i <= n' },
      ],
    );
  });

  it('handles arrow functions with object-literal bodies and template literals', async () => {
    await checkSchemata(
      [
        'const point = (x: number) => ({ x, y: x * 2 });',
        'const label = (n: number) => `n=${n + 1}!`;',
        'export const run = () => [point(2), label(1)];',
      ].join('\n'),
      [
        { find: '({ x, y: x * 2 })', replacement: '({})' },
        { find: '{ x, y: x * 2 }', replacement: '{}' },
        { find: 'x * 2', replacement: 'x / 2' },
        { find: '(x: number) => ({ x, y: x * 2 })', replacement: '() => undefined' },
        { find: '`n=${n + 1}!`', replacement: '``' },
        { find: 'n + 1', replacement: 'n - 1' },
      ],
    );
  });

  it('handles generics, `as`, `satisfies` and non-null assertions', async () => {
    await checkSchemata(
      [
        'function first<T>(xs: T[]): T | undefined { return xs[0]; }',
        'const cfg = { size: 3 } satisfies { size: number };',
        'export function run() {',
        '  const m = new Map<string, number>([["a", 1]]);',
        '  return [first<number>([4, 5]), (cfg.size as number) + 1, m.get("a")! + 1, new Map<string, number>([["b", 2]]).size];',
        '}',
      ].join('\n'),
      [
        { find: 'first', within: 'first<number>', replacement: '((xs: number[]) => xs[1])' },
        { find: '[4, 5]', replacement: '[]' },
        { find: '{ size: 3 }', replacement: '{ size: 4 }' },
        { find: 'cfg.size as number', replacement: '5 as number' },
        { find: 'm.get("a")!', replacement: 'm.get("a")! * 10' },
        { find: 'm.get("a")', replacement: 'm.get("b")' },
        { find: '"a"', within: 'm.get("a")', replacement: '"z"' },
        { find: '[["b", 2]]', replacement: '[]' },
      ],
    );
  });

  it('handles classes with super(…) calls, fields and parameter properties', async () => {
    await checkSchemata(
      [
        'class Base { constructor(readonly size: number) {} grow() { return this.size + 1; } }',
        'class Box extends Base {',
        '  label = "box";',
        '  constructor(private readonly extra: number) { super(extra * 2); }',
        '  grow() { return super.grow() + this.extra; }',
        '}',
        'export const run = () => { const b = new Box(3); return [b.size, b.grow(), b.label]; };',
      ].join('\n'),
      [
        { find: 'extra * 2', replacement: 'extra / 2' },
        { find: '"box"', replacement: '""' },
        { find: 'super.grow() + this.extra', replacement: 'super.grow() - this.extra' },
        { find: 'this.size + 1', replacement: 'this.size - 1' },
        { find: '{ return this.size + 1; }', replacement: '{}', placement: 'statements' },
      ],
    );
  });

  it('keeps line 1 for a `#!` line and puts the preamble after it', async () => {
    const { code } = await checkSchemata('#!/usr/bin/env node\nexport const run = () => 1 + 1;\n', [
      { find: '1 + 1', replacement: '1 - 1' },
    ]);
    expect(code.split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(code.split('\n')[1].startsWith(PREAMBLE)).toBe(true);
    expect(code.split('\n')).toHaveLength(3);
  });

  it('works in a file that starts with imports, and after a directive prologue', async () => {
    const { code } = await checkSchemata(
      '"use client";\nimport { join } from "node:path";\nimport * as os from "node:os";\nexport const run = () => [join("a", "b"), typeof os.platform];',
      [
        { find: '"a"', within: 'join("a"', replacement: '"c"' },
        { find: 'typeof os.platform', replacement: '"x"' },
      ],
    );
    expect(code.startsWith(`"use client";\n${PREAMBLE}import`)).toBe(true);
  });

  it('puts the preamble after the comments that lead the file, where JSX pragmas are read', async () => {
    const pragmas = '/** @jsxRuntime classic */\n/** @jsx h */\n';
    const { code } = await checkSchemata(`${pragmas}export const run = () => 1 + 1;\n`, [{ find: '1 + 1', replacement: '1 - 1' }]);
    expect(code.startsWith(`${pragmas}${PREAMBLE}export`)).toBe(true);
    expect(code.split('\n')).toHaveLength(4);
  });

  it('puts the preamble after a directive prologue and the comments after it', async () => {
    const { code } = await checkSchemata(`'use strict';\n// @jsx h\nexports.run = () => 1 + 1;\n`, [{ find: '1 + 1', replacement: '1 - 1' }]);
    expect(code.startsWith(`'use strict';\n// @jsx h\n${PREAMBLE}exports.run`)).toBe(true);
  });
});
