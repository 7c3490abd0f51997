import { describe, expect, it } from 'vitest';
import { renderClearText } from '../../../src/report/clear-text.js';
import { mutant, mutants, runResult } from './fixtures.js';

const A_TEXT = 'if (a < b) {\n  return   "a long string value that goes on and on and on and on";\n}';

/** src/a.ts: 2 killed, 1 survived, 1 no coverage; src/b.ts: 1 killed, 1 timeout, 1 runtime error; src/c.ts: none. */
function exampleRun(breakThreshold: number | null) {
  return runResult({
    files: [
      { name: 'src/b.ts', text: 'const x = 1 + 2;' },
      { name: 'src/a.ts', text: A_TEXT },
      { name: 'src/c.ts', text: '' },
    ],
    thresholds: { high: 80, low: 60, break: breakThreshold },
    mutants: [
      mutant('NoCoverage', {
        start: 11,
        end: A_TEXT.length,
        mutatorName: 'BlockStatement',
        replacement: '{}',
        location: { start: { line: 1, column: 12 }, end: { line: 3, column: 2 } },
      }),
      ...mutants(2, 'Killed', 'src/a.ts'),
      mutant('Survived', {
        start: 4,
        end: 9,
        replacement: 'a <= b',
        location: { start: { line: 1, column: 5 }, end: { line: 1, column: 10 } },
      }),
      ...mutants(1, 'Killed', 'src/b.ts'),
      ...mutants(1, 'Timeout', 'src/b.ts'),
      ...mutants(1, 'RuntimeError', 'src/b.ts'),
    ],
  });
}

describe('renderClearText', () => {
  it('renders the module table, unverified lines, undetected mutants and the score line', () => {
    expect(renderClearText(exampleRun(null), { color: false })).toBe(
      [
        '┌───────────┬─────────┬────────────┬─────────┬────────┬──────────┬─────────┬────────┬────────┬─────────┬─────────────────┬──────────────────┐',
        '│ File      │ % lines │ % branches │ Mutants │ Killed │ Survived │ Timeout │ No cov │ Errors │ % score │ % covered score │ Unverified lines │',
        '├───────────┼─────────┼────────────┼─────────┼────────┼──────────┼─────────┼────────┼────────┼─────────┼─────────────────┼──────────────────┤',
        '│ All files │     n/a │        n/a │       7 │      3 │        1 │       1 │      1 │      1 │   66.67 │           80.00 │                1 │',
        '│ src/a.ts  │     n/a │        n/a │       4 │      2 │        1 │       0 │      1 │      0 │   50.00 │           66.67 │                1 │',
        '│ src/b.ts  │     n/a │        n/a │       3 │      1 │        0 │       1 │      0 │      1 │  100.00 │          100.00 │                0 │',
        '│ src/c.ts  │     n/a │        n/a │       0 │      0 │        0 │       0 │      0 │      0 │     n/a │             n/a │                0 │',
        '└───────────┴─────────┴────────────┴─────────┴────────┴──────────┴─────────┴────────┴────────┴─────────┴─────────────────┴──────────────────┘',
        '',
        'Covered but unverified: 1 line that tests run, where a change goes unnoticed:',
        'src/a.ts:1  EqualityOperator',
        '',
        'Undetected mutants (2):',
        'src/a.ts:1:5  EqualityOperator  a < b → a <= b',
        'src/a.ts:1:12  BlockStatement  { return "a long string v…and on and on and on"; } → {}  (no coverage)',
        '',
        'Mutation score: 66.67%',
      ].join('\n'),
    );
  });

  it('says how many mutants an interrupted run left Pending', () => {
    const text = renderClearText(runResult({ interrupted: true, mutants: [...mutants(3, 'Killed'), ...mutants(2, 'Pending')] }), { color: false });
    expect(text).toContain('Interrupted: 2 of 5 mutants have no verdict (Pending); the score counts the finished ones only');
    expect(text).toContain('Mutation score: 100.00%');
    expect(renderClearText(runResult({ mutants: mutants(1, 'Killed') }), { color: false })).not.toContain('Interrupted');
  });

  it('lists flaky tests with how they showed', () => {
    const flakyTests = [{ id: 't1', name: 'greets', fileName: 'test/a.test.ts', reason: 'failed, then passed when run again' }];
    const text = renderClearText(runResult({ flakyTests, mutants: mutants(1, 'Killed') }), { color: false });
    expect(text).toContain('Flaky tests: their result changed between two runs, so they kill no mutant (1):\ntest/a.test.ts > greets  (failed, then passed when run again)');
  });

  it('omits the survivors section when every mutant was detected', () => {
    const text = renderClearText(runResult({ mutants: mutants(2, 'Killed') }), { color: false });
    expect(text).not.toContain('Undetected');
    expect(text.endsWith('┘\n\nMutation score: 100.00%')).toBe(true);
  });

  it('says whether the break threshold passed', () => {
    const lastLine = (breakThreshold: number) =>
      renderClearText(exampleRun(breakThreshold), { color: false }).split('\n').at(-1);
    expect(lastLine(70)).toBe('Mutation score: 66.67% (break threshold 70: failed)');
    expect(lastLine(66)).toBe('Mutation score: 66.67% (break threshold 66: passed)');
  });

  it('shows n/a without valid mutants', () => {
    const text = renderClearText(runResult({ mutants: mutants(1, 'Ignored') }), { color: false });
    expect(text).toContain('│ All files │     n/a │        n/a │       1 │      0 │        0 │       0 │      0 │      0 │     n/a │             n/a │                0 │');
    expect(text.endsWith('\nMutation score: n/a')).toBe(true);
  });

  it('colours scores by threshold only when color is on', () => {
    const plain = renderClearText(exampleRun(70), { color: false });
    expect(plain).not.toContain('\x1b[');

    const coloured = renderClearText(exampleRun(70), { color: true });
    expect(coloured).toContain('\x1b[32m100.00\x1b[39m'); // src/b.ts ≥ high: green
    expect(coloured).toContain('\x1b[33m66.67\x1b[39m'); // ≥ low: yellow
    expect(coloured).toContain('\x1b[31m50.00\x1b[39m'); // < low: red
    expect(coloured).toContain('     n/a │'); // n/a stays uncoloured
    expect(coloured).toContain('(break threshold 70: \x1b[31mfailed\x1b[39m)');
  });

  it('colours a score equal to a threshold as reaching it', () => {
    const eighty = (high: number, low: number) =>
      renderClearText(
        runResult({ thresholds: { high, low, break: null }, mutants: [...mutants(4, 'Killed'), ...mutants(1, 'Survived')] }),
        { color: true },
      );
    expect(eighty(80, 60)).toContain('\x1b[32m80.00\x1b[39m');
    expect(eighty(90, 80)).toContain('\x1b[33m80.00\x1b[39m');
  });

  it('lists survivors grouped by file and sorted by position', () => {
    const result = runResult({
      files: [
        { name: 'b.js', text: 'abcdef' },
        { name: 'a.ts', text: 'xyz' },
      ],
      mutants: [
        mutant('Survived', { fileName: 'b.js', start: 3, end: 5, replacement: 'Q' }),
        mutant('Survived', { fileName: 'a.ts', start: 1, end: 2, replacement: '\n  multi\n  line\n' }),
        mutant('Survived', { fileName: 'b.js', start: 0, end: 2, replacement: 'P' }),
      ],
    });
    const lines = renderClearText(result, { color: false }).split('\n');
    const first = lines.indexOf('Undetected mutants (3):');
    expect(lines.slice(first + 1, first + 4)).toEqual([
      'a.ts:1:2  EqualityOperator  y → multi line',
      'b.js:1:1  EqualityOperator  ab → P',
      'b.js:1:4  EqualityOperator  de → Q',
    ]);
  });
});
