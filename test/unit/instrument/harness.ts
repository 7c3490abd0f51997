/**
 * Test harness for the instrumenter: builds mutants by searching the source text, runs a module
 * (transpiled to CommonJS with TypeScript) against a fake `__assay` runtime, and checks that the
 * schemata behave like the original and like each mutant applied by plain text substitution.
 */
import { createRequire } from 'node:module';
import ts from 'typescript';
import { expect } from 'vitest';
import type { Mutant, Placement } from '../../../src/model.js';
import { instrument } from '../../../src/instrument/index.js';

const require = createRequire(import.meta.url);

export interface MutantSpec {
  /** Text to find; the mutant's range is its `nth` occurrence (0 by default)… */
  find: string;
  /** …inside the first occurrence of this text, when given. */
  within?: string;
  replacement: string;
  placement?: Placement;
  nth?: number;
  ignored?: boolean;
  /** The mutant does not change what `run()` returns (skips that check). */
  equivalent?: boolean;
}

/** Numbers `specs` from 1 and locates each in `source`. */
export function mutants(source: string, specs: readonly MutantSpec[], fileName = 'src/x.ts'): Mutant[] {
  return specs.map((spec, index) => {
    const offset = spec.within === undefined ? 0 : nthIndexOf(source, spec.within, 0);
    const start = offset + nthIndexOf(source.slice(offset, offset + (spec.within ?? source).length), spec.find, spec.nth ?? 0);
    const end = start + spec.find.length;
    return {
      id: index + 1,
      fileName,
      mutatorName: 'StringLiteral',
      start,
      end,
      replacement: spec.replacement,
      placement: spec.placement ?? 'expression',
      location: { start: position(source, start), end: position(source, end) },
      ...(spec.ignored ? { ignoredReason: 'disabled by comment' } : {}),
    };
  });
}

function nthIndexOf(source: string, find: string, nth: number): number {
  let index = -1;
  for (let seen = 0; seen <= nth; seen++) {
    index = source.indexOf(find, index + 1);
    if (index === -1) throw new Error(`occurrence ${nth} of ${JSON.stringify(find)} not found`);
  }
  return index;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** `source` with `mutant` applied by plain text substitution. */
export function applyMutant(source: string, mutant: Mutant): string {
  return source.slice(0, mutant.start) + mutant.replacement + source.slice(mutant.end);
}

/** Syntax errors TypeScript reports when transpiling `code`. */
export function syntaxErrors(code: string, fileName = 'x.ts'): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { jsx: ts.JsxEmit.React },
  });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

export interface Behaviour {
  /** What the module's exported `run()` returned (awaited), or the message it threw. */
  outcome: { value: unknown } | { error: string };
  /** Ids passed to `__assay.cov`, in call order. */
  covered: number[];
}

/** Loads `code` as a module with mutant `active` switched on (0: none) and calls its `run` export. */
export async function behave(code: string, active = 0, fileName = 'x.ts'): Promise<Behaviour> {
  const covered: number[] = [];
  const js = ts.transpileModule(code, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React },
  }).outputText.replace(/^#!.*/, ''); // a function body cannot start with a hashbang
  const global = globalThis as { __assay?: unknown };
  // Under `npm run mutate:self` the global is assay's own runtime, which must be back afterwards.
  const previous = global.__assay;
  global.__assay = { on: (id: number) => id === active, cov: (...ids: number[]) => covered.push(...ids) };
  try {
    const module = { exports: {} as { run?: () => unknown } };
    new Function('exports', 'module', 'require', js)(module.exports, module, require);
    return { outcome: { value: await module.exports.run!() }, covered };
  } catch (error) {
    return { outcome: { error: String(error) }, covered };
  } finally {
    if (previous === undefined) delete global.__assay;
    else global.__assay = previous;
  }
}

export interface Checked {
  code: string;
  /** Distinct ids covered with no mutant active, sorted. */
  covered: number[];
  unplaced: Array<{ id: number; reason: string }>;
}

/**
 * Instruments `source` and checks: no syntax errors; with no mutant active it behaves like the
 * original; with each mutant active it behaves like that mutant applied by text substitution, and
 * differently from the original (so every check can fail); ignored mutants change nothing.
 */
export async function checkSchemata(source: string, specs: readonly MutantSpec[], fileName = 'x.ts'): Promise<Checked> {
  return checkMutants(source, mutants(source, specs), fileName, (id) => specs[id - 1].equivalent === true);
}

/** `checkSchemata` for ready-made mutants; `mayBeEquivalent(id)` skips the "changes behaviour" check. */
export async function checkMutants(
  source: string,
  list: readonly Mutant[],
  fileName: string,
  mayBeEquivalent: (id: number) => boolean,
): Promise<Checked> {
  const { code, unplaced } = instrument(source, fileName, list);
  expect(syntaxErrors(code, fileName)).toEqual([]);
  const original = await behave(source, 0, fileName);
  const plain = await behave(code, 0, fileName);
  expect(plain.outcome).toEqual(original.outcome);
  for (const mutant of list) {
    const active = await behave(code, mutant.id, fileName);
    if (mutant.ignoredReason !== undefined || unplaced.some((u) => u.id === mutant.id)) {
      expect(active.outcome, `mutant ${mutant.id} is not instrumented`).toEqual(original.outcome);
      continue;
    }
    const expected = await behave(applyMutant(source, mutant), 0, fileName);
    expect(active.outcome, `mutant ${mutant.id}: ${mutant.replacement}`).toEqual(expected.outcome);
    if (!mayBeEquivalent(mutant.id)) {
      expect(expected.outcome, `mutant ${mutant.id} must change behaviour`).not.toEqual(original.outcome);
    }
  }
  return { code, covered: [...new Set(plain.covered)].sort((a, b) => a - b), unplaced };
}
