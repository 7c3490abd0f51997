import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { code, MAX_MUTANT_ROWS, renderMarkdownSummary, writeMarkdownSummary } from '../../../src/report/markdown.js';
import { ciRun, priceMutant } from './ci-fixtures.js';
import { coverageResult, fileCoverage, figure, mutant, mutantOnLine, runResult } from './fixtures.js';

const TABLE_HEAD = [
  '| File | % lines | % branches | Mutants | Killed | Survived | Timeout | No cov | Errors | % score | % covered score | Unverified lines |',
  '| :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

describe('renderMarkdownSummary', () => {
  it('renders the score, the module table, thresholds not met, the undetected mutants and the flaky tests', () => {
    const run = ciRun({
      coverage: coverageResult({
        'src/price.ts': fileCoverage({ codeLines: [1, 2, 3], uncoveredLines: [3], branches: figure(1, 2) }),
        'src/util/tax.ts': fileCoverage({ codeLines: [1] }),
      }),
      thresholds: { high: 80, low: 60, break: 60 },
      flakyTests: [{ id: 't3', name: 'price > | rounds `up`', fileName: 'test/price.test.ts', reason: 'passed, then failed in a second run' }],
    });
    const failures = ['Final mutation score 42.86 is under break threshold 60.', 'src/**: lines 66.67 < 80'];
    expect(renderMarkdownSummary(run, { failures })).toBe(
      [
        '## Mutation score: 42.86% (break threshold 60: ✗ failed)',
        '',
        ...TABLE_HEAD,
        '| **All files** | 75.00 | 50.00 | 8 | 2 | 3 | 1 | 1 | 0 | 42.86 | 50.00 | 2 |',
        '| `src/price.ts` | 66.66 | 50.00 | 7 | 1 | 3 | 1 | 1 | 0 | 33.33 | 40.00 | 2 |',
        '| `src/util/` | 100.00 | 100.00 | 1 | 1 | 0 | 0 | 0 | 0 | 100.00 | 100.00 | 0 |',
        '| `src/util/tax.ts` | 100.00 | 100.00 | 1 | 1 | 0 | 0 | 0 | 0 | 100.00 | 100.00 | 0 |',
        '',
        '### Thresholds not met (2)',
        '',
        '- ✗ Final mutation score 42.86 is under break threshold 60.',
        '- ✗ src/**: lines 66.67 < 80',
        '',
        '### Undetected mutants (4)',
        '',
        '| Where | Mutator | Change | Status |',
        '| :--- | :--- | :--- | :--- |',
        // Code with backticks gets a longer fence, padded with a space on each side.
        "| `src/price.ts:1:53` | BlockStatement | `` { if (a >= b) return 'big…'; return `${a}% off`; } `` → `{}` | survived |",
        '| `src/price.ts:2:7` | EqualityOperator | `a >= b` → `a > b` | survived |',
        '| `src/price.ts:2:7` | ConditionalExpression | `a >= b` → `true` | survived |',
        '| `src/price.ts:3:10` | StringLiteral | `` `${a}% off` `` → ``` `` ``` | no coverage |',
        '',
        '### Flaky tests (1)',
        '',
        'Their result changed between two runs of the same code, so they kill no mutant:',
        '',
        '- `` test/price.test.ts > price > | rounds `up` ``: passed, then failed in a second run',
      ].join('\n'),
    );
  });

  it('after an interrupted --since run: the scope, the interruption, and only the changed lines\' mutants, with how many became annotations', () => {
    const run = ciRun({
      interrupted: true,
      since: { ref: 'origin/main', base: '0123456789abcdef0123456789abcdef01234567', changed: { 'src/price.ts': [{ start: 2, end: 2 }] } },
    });
    run.mutants.push(priceMutant('Pending', 'a >= b', 'a <= b'));
    expect(renderMarkdownSummary(run, { annotations: { survived: { shown: 2, total: 2 }, noCoverage: { shown: 0, total: 0 } } })).toBe(
      [
        '## Mutation score: 42.86%',
        '',
        'Only the lines changed since `origin/main` (merge-base `0123456789ab`) were mutated.',
        '',
        '> **Interrupted:** 1 of 9 mutants have no verdict (Pending); the score counts the finished ones only.',
        '',
        ...TABLE_HEAD,
        '| **All files** | n/a | n/a | 9 | 2 | 3 | 1 | 1 | 0 | 42.86 | 50.00 | 2 |',
        '| `src/price.ts` | n/a | n/a | 8 | 1 | 3 | 1 | 1 | 0 | 33.33 | 40.00 | 2 |',
        '| `src/util/` | n/a | n/a | 1 | 1 | 0 | 0 | 0 | 0 | 100.00 | 100.00 | 0 |',
        '| `src/util/tax.ts` | n/a | n/a | 1 | 1 | 0 | 0 | 0 | 0 | 100.00 | 100.00 | 0 |',
        '',
        '### Undetected mutants on changed lines (2)',
        '',
        'Not listed: 2 more undetected mutants that start outside the changed lines.',
        '',
        'Annotated in the code: 2 surviving mutants (warnings).',
        '',
        '| Where | Mutator | Change | Status |',
        '| :--- | :--- | :--- | :--- |',
        '| `src/price.ts:2:7` | EqualityOperator | `a >= b` → `a > b` | survived |',
        '| `src/price.ts:2:7` | ConditionalExpression | `a >= b` → `true` | survived |',
      ].join('\n'),
    );
  });

  it('says when GitHub got only some of the annotations', () => {
    const text = renderMarkdownSummary(ciRun(), { annotations: { survived: { shown: 10, total: 24 }, noCoverage: { shown: 1, total: 1 } } });
    expect(text).toContain(
      '\n\nAnnotated in the code: 10 of 24 surviving mutants (warnings) and 1 mutant no test reaches (a notice); GitHub shows at most 10 annotations of a kind per step; the table lists them all.\n\n',
    );
  });

  it('escapes | in table cells, even inside code spans, and shows an empty replacement', () => {
    const text = 'const ok = a || b;';
    const run = runResult({
      files: [{ name: 'src/a|b.ts', text }],
      mutants: [mutant('Survived', { fileName: 'src/a|b.ts', mutatorName: 'StringLiteral', start: 11, end: 17, replacement: '', location: { start: { line: 1, column: 12 }, end: { line: 1, column: 18 } } })],
    });
    const rendered = renderMarkdownSummary(run);
    expect(rendered).toContain('| `src/a\\|b.ts` | n/a |');
    expect(rendered).toContain('| `src/a\\|b.ts:1:12` | StringLiteral | `a \\|\\| b` → *(empty)* | survived |');
  });

  it(`lists at most ${MAX_MUTANT_ROWS} mutants and counts the rest; says when there are none`, () => {
    const many = runResult({ files: [{ name: 'src/a.ts', text: 'x' }], mutants: Array.from({ length: MAX_MUTANT_ROWS + 3 }, (_, i) => mutantOnLine('Survived', i + 1, { start: i })) });
    const lines = renderMarkdownSummary(many).split('\n');
    expect(lines.filter((line) => line.startsWith('| `src/a.ts:'))).toHaveLength(MAX_MUTANT_ROWS);
    expect(lines.at(-1)).toBe('…and 3 more: all are in the clear-text report and `reports/mutation/index.html`.');
    const none = renderMarkdownSummary(runResult({ files: [{ name: 'src/a.ts', text: 'x' }], mutants: [mutant('Killed')], thresholds: { high: 80, low: 60, break: 50 } }));
    expect(none.split('\n')[0]).toBe('## Mutation score: 100.00% (break threshold 50: ✓ passed)');
    expect(none.split('\n').at(-1)).toBe('### Undetected mutants: none');
  });
});

describe('code spans', () => {
  it('fence code with one more backtick than its longest run', () => {
    expect(code('a + b')).toBe('`a + b`');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a ``b`` c')).toBe('``` a ``b`` c ```');
    expect(code('')).toBe('*(empty)*');
  });
});

describe('writeMarkdownSummary', () => {
  it('writes the summary with a final newline, creating the directory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-md-'));
    try {
      const file = path.join(dir, 'reports/assay-summary.md');
      await writeMarkdownSummary(ciRun(), file, { failures: ['x'] });
      expect(await readFile(file, 'utf8')).toBe(`${renderMarkdownSummary(ciRun(), { failures: ['x'] })}\n`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
