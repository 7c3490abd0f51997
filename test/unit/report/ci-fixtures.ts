/** A small run for the CI outputs' tests (GitHub annotations, Markdown, JUnit, SARIF), with real offsets. */
import type { Location, MutantResult, MutantStatus, RunResult } from '../../../src/model.js';
import { mutant, runResult } from './fixtures.js';

export const PRICE = [
  'export function price(a: number, b: number): string {',
  "  if (a >= b) return 'big, \"quoted\" & <tagged>';",
  '  return `${a}% off`;',
  '}',
  '',
].join('\n');

/** 1-based line and column of `offset` in `text`. */
function position(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Offsets and location of the first `code` in `text` at or after `from`. */
export function span(text: string, code: string, from = 0): { start: number; end: number; location: Location } {
  const start = text.indexOf(code, from);
  if (start < 0) throw new Error(`${code} is not in the text`);
  const end = start + code.length;
  return { start, end, location: { start: position(text, start), end: position(text, end) } };
}

/** A mutant of src/price.ts replacing `code` (its first occurrence) with `replacement`. */
export function priceMutant(status: MutantStatus, code: string, replacement: string, overrides: Partial<MutantResult> = {}): MutantResult {
  return mutant(status, { fileName: 'src/price.ts', replacement, ...span(PRICE, code), ...overrides });
}

/**
 * src/price.ts with, in position order: a surviving BlockStatement (lines 1-4), on line 2 a
 * surviving EqualityOperator and ConditionalExpression, a killed EqualityOperator, a timeout, an
 * ignored StringLiteral, and on line 3 a StringLiteral no test reaches; src/util/tax.ts with one
 * killed mutant. The project is /repo/app in the repository /repo.
 */
export function ciRun(overrides: Partial<RunResult> = {}): RunResult {
  const body = PRICE.slice(PRICE.indexOf('{'), PRICE.lastIndexOf('}') + 1);
  return runResult({
    projectRoot: '/repo/app',
    files: [
      { name: 'src/price.ts', text: PRICE },
      { name: 'src/util/tax.ts', text: 'export const tax = (x: number) => x * 0.2;\n' },
    ],
    tests: [
      { id: 't1', name: 'price > is big', fileName: 'test/price.test.ts', durationMs: 2 },
      { id: 't2', name: 'price > is small', fileName: 'test/price.test.ts', durationMs: 3 },
    ],
    mutants: [
      priceMutant('Survived', body, '{}', { mutatorName: 'BlockStatement', placement: 'statements', coveredBy: ['t1', 't2'], testsCompleted: 2, durationMs: 12 }),
      priceMutant('Survived', 'a >= b', 'a > b', { coveredBy: ['t1', 't2'], testsCompleted: 2, durationMs: 8 }),
      priceMutant('Survived', 'a >= b', 'true', { mutatorName: 'ConditionalExpression', coveredBy: ['t1'], testsCompleted: 1, durationMs: 5 }),
      priceMutant('Killed', 'a >= b', 'a < b', { coveredBy: ['t1', 't2'], killedBy: ['t2'], testsCompleted: 2, durationMs: 7 }),
      priceMutant('Timeout', 'a >= b', 'false', { mutatorName: 'ConditionalExpression', coveredBy: ['t1'], statusReason: 'no result within 5000 ms', durationMs: 5000 }),
      priceMutant('Ignored', `'big, "quoted" & <tagged>'`, '""', { mutatorName: 'StringLiteral', statusReason: 'wording is free (Stryker disable)' }),
      priceMutant('NoCoverage', '`${a}% off`', '``', { mutatorName: 'StringLiteral' }),
      mutant('Killed', {
        fileName: 'src/util/tax.ts',
        mutatorName: 'ArithmeticOperator',
        replacement: 'x / 0.2',
        start: 34,
        end: 41,
        location: { start: { line: 1, column: 35 }, end: { line: 1, column: 42 } },
        coveredBy: ['t1'],
        killedBy: ['t1'],
        testsCompleted: 1,
        durationMs: 4,
      }),
    ],
    durationMs: 2345,
    ...overrides,
  });
}
