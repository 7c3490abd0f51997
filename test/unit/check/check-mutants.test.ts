/**
 * The type check on the real `typescript` compiler, on small projects: which mutants are
 * CompileError and with which first error (placed in the original file), in the mutant's own file
 * and in files importing it; grouped checks give exactly the verdicts of checks alone while
 * building fewer programs; a project that does not type-check is told.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { symlink } from 'node:fs/promises';
import { repoRoot } from '../../support/assay.js';
import * as ts from 'typescript';
import { CheckStopped, checkMutants, type CheckedMutant } from '../../../src/check/check-mutants.js';
import { formatTypeError, NOT_COMPILING, type Compiler, type PlacedTypeError } from '../../../src/check/compiler.js';
import { UserError } from '../../../src/errors.js';
import { regionOf, sealedBodiesOf } from '../../../src/check/region.js';
import { tsCompiler } from '../../../src/check/ts-compiler.js';
import { loadCompiler } from '../../../src/check/load-compiler.js';
import { parseSourceFile } from '../../../src/mutate/parse.js';
import { tempProject } from '../config/temp-project.js';

const TSCONFIG = { compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true, types: [] }, include: ['src'] };

const LEVELS = `export type Level = 'low' | 'high';

export function levelOf(reading: number): Level {
  return reading > 10 ? 'high' : 'low';
}

export function outline(round: boolean) {
  return round ? 'round' : 'angular';
}

export const double: (n: number) => number = (n) => n * 2;

const pattern = /^a+$/;
export const matches = (text: string): boolean => pattern.test(text);
`;

const LABELS = `import { outline } from './levels.js';

const NAMES: Record<'round' | 'angular', string> = { round: 'a round shape', angular: 'an angular shape' };

export function describeShape(round: boolean): string {
  return NAMES[outline(round)];
}
`;

/** A mutant of `file` replacing the `occurrence`-th `original` with `replacement`. */
function mutant(id: number, dir: string, file: string, text: string, original: string, replacement: string, mutatorName = 'StringLiteral', occurrence = 1): CheckedMutant {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen++) start = text.indexOf(original, start + 1);
  if (start < 0) throw new Error(`${original} not in ${file}`);
  const end = start + original.length;
  const region = regionOf(parseSourceFile({ path: path.join(dir, file), name: file, text }), start, end, mutatorName);
  return { id, file: path.join(dir, file), start, end, replacement, ...(region && { region }) };
}

/** Mutants 1 to 4 of LEVELS: 1, 2 (in labels.ts, which imports it) and 4 do not type-check. */
function levelsMutants(dir: string): CheckedMutant[] {
  return [
    mutant(1, dir, 'src/levels.ts', LEVELS, "'high'", '""', 'StringLiteral', 2),
    mutant(2, dir, 'src/levels.ts', LEVELS, "'round'", '""'),
    mutant(3, dir, 'src/levels.ts', LEVELS, 'n * 2', 'n / 2', 'ArithmeticOperator'),
    mutant(4, dir, 'src/levels.ts', LEVELS, '(n) => n * 2', '() => undefined', 'ArrowFunction'),
  ];
}

async function project(files: Record<string, string>) {
  const dir = await tempProject({ 'tsconfig.json': TSCONFIG, ...files });
  const texts = new Map(Object.entries(files).map(([name, text]) => [path.join(dir, name), text]));
  const sealedBodies = new Map(Object.entries(files).map(([name, text]) => [path.join(dir, name), sealedBodiesOf(parseSourceFile({ path: path.join(dir, name), name, text }))]));
  const compiler = tsCompiler(ts, path.join(dir, 'tsconfig.json'), (file) => path.relative(dir, file));
  /** CompileError reasons by mutant id, grouped or alone, and how many programs the check asked about. */
  const check = (mutants: CheckedMutant[], grouped: boolean) => {
    let asked = 0;
    const counting: Compiler = { ...compiler, errors: (changes, files) => (asked++, compiler.errors(changes, files)) };
    const failed = checkMutants(counting, mutants, { texts, sealedBodies, relative: (file) => path.relative(dir, file) }, grouped);
    return { reasons: Object.fromEntries([...failed].map(([id, error]) => [id, formatTypeError(error, (file) => path.relative(dir, file))])), asked };
  };
  return { dir, compiler, check };
}

describe('checkMutants', () => {
  it('finds the mutants that do not type-check in their own file or an importer, first error placed in the original file', async () => {
    const { dir, check } = await project({ 'src/levels.ts': LEVELS, 'src/labels.ts': LABELS });
    const mutants = [...levelsMutants(dir), mutant(5, dir, 'src/levels.ts', LEVELS, '/^a+$/', '/^a$/', 'Regex'), mutant(6, dir, 'src/levels.ts', LEVELS, 'reading > 10', 'reading >= 10', 'EqualityOperator')];
    const { reasons } = check(mutants, false);
    expect(reasons).toEqual({
      1: "src/levels.ts(4,25): error TS2322: Type '\"\"' is not assignable to type 'Level'.",
      2: `src/labels.ts(6,10): error TS7053: Element implicitly has an 'any' type because expression of type '"" | "angular"' can't be used to index type 'Record<"angular" | "round", string>'.`,
      4: "src/levels.ts(11,46): error TS2322: Type 'undefined' is not assignable to type 'number'.",
    });
  });

  it('ends with CheckStopped before its next program once stopped, grouped or not', async () => {
    const { dir, compiler } = await project({ 'src/levels.ts': LEVELS, 'src/labels.ts': LABELS });
    for (const grouped of [false, true]) {
      let programs = 0;
      const counting: Compiler = { ...compiler, errors: (changes, files) => (programs++, compiler.errors(changes, files)) };
      const sources = { texts: new Map([[path.join(dir, 'src/levels.ts'), LEVELS], [path.join(dir, 'src/labels.ts'), LABELS]]), sealedBodies: new Map(), relative: (file: string) => path.relative(dir, file) };
      // Stopped once the first program has been asked about: nothing more is built.
      expect(() => checkMutants(counting, levelsMutants(dir), sources, grouped, () => programs > 0)).toThrow(CheckStopped);
      expect(programs).toBeGreaterThan(0);
      const asked = programs;
      expect(() => checkMutants(counting, levelsMutants(dir), sources, grouped, () => true)).toThrow(CheckStopped);
      expect(programs).toBe(asked);
    }
  });

  it('gives grouped the verdicts of checks alone, building fewer programs', async () => {
    const { dir, check } = await project({ 'src/levels.ts': LEVELS, 'src/labels.ts': LABELS });
    const candidates: Array<[string, string, string?, string?, number?]> = [
      ["'high'", '""', 'StringLiteral', undefined, 2],
      ["'low'", '""', 'StringLiteral', undefined, 2],
      ["'round'", '""'],
      ["'angular'", '""'],
      ['round ?', 'true ?', 'ConditionalExpression'],
      ['n * 2', 'n / 2', 'ArithmeticOperator'],
      ['(n) => n * 2', '() => undefined', 'ArrowFunction'],
      ['/^a+$/', '/^a$/', 'Regex'],
      ['reading > 10', 'reading >= 10', 'EqualityOperator'],
      ['reading > 10', 'true', 'ConditionalExpression'],
      ['pattern.test(text)', 'true', 'BooleanLiteral'],
    ];
    const mutants = candidates.map(([original, replacement, mutator, , occurrence], index) => mutant(index + 1, dir, 'src/levels.ts', LEVELS, original, replacement, mutator, occurrence));
    const alone = check(mutants, false);
    const grouped = check(mutants, true);
    expect(Object.keys(alone.reasons)).toEqual(['1', '2', '3', '4', '7']);
    expect(grouped.reasons).toEqual(alone.reasons);
    expect(grouped.asked).toBeLessThan(alone.asked);
  });

  it('checks a mutant that changes a type other regions see alone, and the rest of its group without it', async () => {
    const text = `function size(items: string[]) {
  return items.length;
}

export function total(lists: string[][]): number {
  return lists.reduce((sum, list) => sum + size(list), 0);
}

export function label(count: number): string {
  return count > 1 ? 'many' : 'one';
}
`;
    const { dir, check } = await project({ 'src/sizes.ts': text });
    const mutants = [
      mutant(1, dir, 'src/sizes.ts', text, '{\n  return items.length;\n}', '{}', 'BlockStatement'),
      mutant(2, dir, 'src/sizes.ts', text, "'many'", '""'),
      mutant(3, dir, 'src/sizes.ts', text, 'count > 1', 'count >= 1', 'EqualityOperator'),
    ];
    const grouped = check(mutants, true);
    expect(grouped.reasons).toEqual(check(mutants, false).reasons);
    expect(grouped.reasons).toEqual({ 1: "src/sizes.ts(6,38): error TS2365: Operator '+' cannot be applied to types 'number' and 'void'." });
  });

  it('gives the same verdicts, places and error codes on the native compiler (TypeScript 7) as on the JavaScript API', async () => {
    const files = { 'src/levels.ts': LEVELS, 'src/labels.ts': LABELS };
    const { dir, compiler } = await project(files);
    const mutants = [...levelsMutants(dir), mutant(5, dir, 'src/levels.ts', LEVELS, 'round ?', 'true ?', 'ConditionalExpression')];
    await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const native = await loadCompiler({ projectRoot: dir, tsconfigFile: 'tsconfig.json' });
    try {
      expect(native.name).toMatch(/^typescript 7\..* \(native\)$/);
      const texts = new Map(Object.entries(files).map(([name, text]) => [path.join(dir, name), text]));
      const sources = { texts, sealedBodies: new Map([...texts].map(([file, text]) => [file, sealedBodiesOf(parseSourceFile({ path: file, name: file, text }))])), relative: (file: string) => path.relative(dir, file) };
      // Messages may differ (TypeScript 7 orders union members); the verdicts and where they point may not.
      const where = (failed: Map<number, PlacedTypeError>) => [...failed].sort(([a], [b]) => a - b).map(([id, error]) => [id, error.file, error.line, error.column, error.code]);
      for (const grouped of [true, false]) {
        const fromNative = where(checkMutants(native, mutants, sources, grouped));
        expect(fromNative).toEqual(where(checkMutants(compiler, mutants, sources, grouped)));
        expect(fromNative.map(([id]) => id)).toEqual([1, 2, 4]);
      }
    } finally {
      native.close();
    }
  });

  it('stops at an importer that does not type-check before mutation, once a check reads it', async () => {
    const broken = `${LABELS}export const wrong: number = 'one';\n`;
    const { dir, check } = await project({ 'src/levels.ts': LEVELS, 'src/labels.ts': broken });
    expect(check([mutant(3, dir, 'src/levels.ts', LEVELS, 'n * 2', 'n / 2', 'ArithmeticOperator')], true).reasons).toEqual({});
    expect(() => check([mutant(2, dir, 'src/levels.ts', LEVELS, "'round'", '""')], true)).toThrow(
      new UserError(`src/labels.ts(8,14): error TS2322: Type 'string' is not assignable to type 'number'. ${NOT_COMPILING}`),
    );
  });

  it('reads project references and leaves out files no project compiles', async () => {
    const dir = await tempProject({
      'tsconfig.json': { files: [], references: [{ path: './tsconfig.lib.json' }] },
      'tsconfig.lib.json': { ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, composite: true, noEmit: false, outDir: 'out' }, include: ['src'] },
      'src/levels.ts': LEVELS,
      'scripts/other.ts': 'export const x: number = 1;\n',
    });
    const compiler = tsCompiler(ts, path.join(dir, 'tsconfig.json'), (file) => path.relative(dir, file));
    expect([compiler.has(path.join(dir, 'src/levels.ts')), compiler.has(path.join(dir, 'scripts/other.ts'))]).toEqual([true, false]);
    expect(compiler.globalErrors()).toEqual([]);
    expect(compiler.errors(new Map(), [path.join(dir, 'src/levels.ts')])).toEqual([]);
  });

  it('reports the type errors of files as they are on disk', async () => {
    const { dir, compiler } = await project({ 'src/a.ts': 'export const a: number = 1;\n', 'src/b.ts': "export const b: number = 'b';\n" });
    expect(compiler.errors(new Map(), [path.join(dir, 'src/a.ts')])).toEqual([]);
    expect(compiler.errors(new Map(), [path.join(dir, 'src/b.ts')])).toEqual([{ file: path.join(dir, 'src/b.ts'), start: 13, code: 2322, message: "Type 'string' is not assignable to type 'number'." }]);
  });
});
