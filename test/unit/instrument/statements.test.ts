import { describe, expect, it } from 'vitest';
import { checkSchemata } from './harness.js';

describe('statements placement', () => {
  it('switches blocks, function bodies and single statements', async () => {
    const { covered } = await checkSchemata(
      [
        'function f(n: number) { const out: number[] = []; for (let i = 0; i < n; i++) { out.push(i); } return out; }',
        'export function run() { const r = f(3); if (r.length) return r; return []; }',
      ].join('\n'),
      [
        { find: '{ out.push(i); }', replacement: '{}', placement: 'statements' },
        {
          find: '{ const out: number[] = []; for (let i = 0; i < n; i++) { out.push(i); } return out; }',
          replacement: '{ return [42]; }',
          placement: 'statements',
        },
        { find: 'return r;', replacement: 'return [7];', placement: 'statements' },
      ],
    );
    expect(covered).toEqual([1, 2, 3]);
  });

  it('switches case clause bodies, widening to the switch when a case declares a binding', async () => {
    const { code } = await checkSchemata(
      [
        'function f(k: number) {',
        '  const out: number[] = [];',
        '  switch (k) {',
        '    case 1: out.push(1); break;',
        '    case 2: let y = 2; out.push(y);',
        '    case 3: y = 3; out.push(y); break;',
        '    default: out.push(0);',
        '  }',
        '  return out;',
        '}',
        'export const run = () => [f(1), f(2), f(9)];',
      ].join('\n'),
      [
        { find: 'out.push(1); break;', replacement: 'break;', placement: 'statements' },
        { find: 'let y = 2; out.push(y);', replacement: 'let y = 5;', placement: 'statements' },
        { find: 'out.push(0);', replacement: '', placement: 'statements' },
      ],
    );
    expect(code).toContain('case 1: { __assay.cov(1); if (__assay.on(1)) { break; } else { out.push(1); break; } }');
    expect(code).toMatch(/\{ __assay\.cov\(2\); if \(__assay\.on\(2\)\) \{ switch \(k\)/);
  });

  it('widens a labelled loop to its label so `continue label` stays valid', async () => {
    await checkSchemata(
      [
        'export function run() {',
        '  const out: number[] = [];',
        '  outer: for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j > i) continue outer; out.push(i * 10 + j); } }',
        '  return out;',
        '}',
      ].join('\n'),
      [
        { find: 'for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j > i) continue outer; out.push(i * 10 + j); } }', replacement: 'for (;;) break;', placement: 'statements' },
        { find: '{ if (j > i) continue outer; out.push(i * 10 + j); }', replacement: '{ out.push(j); }', placement: 'statements' },
        { find: 'i * 10', replacement: 'i * 100' },
      ],
    );
  });

  it('rejects statements that declare module-level bindings', async () => {
    const { unplaced } = await checkSchemata('const z = 1;\nexport const run = () => z;', [
      { find: 'const z = 1;', replacement: 'const z = 2;', placement: 'statements' },
    ]);
    expect(unplaced).toEqual([{ id: 1, reason: 'scopedDeclarations' }]);
  });
});
