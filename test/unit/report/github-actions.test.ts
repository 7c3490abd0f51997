import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATIONS_PER_KIND,
  annotationCounts,
  escapeData,
  escapeProperty,
  formatAnnotation,
  renderGithubAnnotations,
  reportToGithubActions,
} from '../../../src/report/github-actions.js';
import { ciRun } from './ci-fixtures.js';
import { mutantOnLine, runResult } from './fixtures.js';

const SINCE = { ref: 'origin/main', base: '0123456789abcdef0123456789abcdef01234567', changed: { 'src/price.ts': [{ start: 2, end: 2 }] } };

describe('GitHub Actions annotations', () => {
  it('makes a warning per survivor and a notice per mutant no test reaches, one per line first, paths from the repository root', () => {
    expect(renderGithubAnnotations(ciRun(), { repoRoot: '/repo' })).toBe(
      [
        // Spans lines 1-4: no columns (GitHub rejects them on a range of lines). `%` in the code is escaped.
        `::warning file=app/src/price.ts,line=1,endLine=4,title=Mutant survived%3A BlockStatement::Changing "{ if (a >= b) return 'big…'; return \`\${a}%25 off\`; }" to "{}" does not fail any test: 2 tests ran with the change and passed.`,
        '::warning file=app/src/price.ts,line=2,endLine=2,col=7,endColumn=13,title=Mutant survived%3A EqualityOperator::Changing "a >= b" to "a > b" does not fail any test: 2 tests ran with the change and passed.',
        '::warning file=app/src/price.ts,line=2,endLine=2,col=7,endColumn=13,title=Mutant survived%3A ConditionalExpression::Changing "a >= b" to "true" does not fail any test: 1 test ran with the change and passed.',
        '::notice file=app/src/price.ts,line=3,endLine=3,col=10,endColumn=21,title=Mutant not covered%3A StringLiteral::No test runs this code: changing "`${a}%25 off`" to "``" would go unnoticed.',
        '',
      ].join('\n'),
    );
  });

  it('after --since annotates only mutants that start on a changed line', () => {
    expect(renderGithubAnnotations(ciRun({ since: SINCE }), { repoRoot: '/repo' })).toBe(
      [
        '::warning file=app/src/price.ts,line=2,endLine=2,col=7,endColumn=13,title=Mutant survived%3A EqualityOperator::Changing "a >= b" to "a > b" does not fail any test: 2 tests ran with the change and passed.',
        '::warning file=app/src/price.ts,line=2,endLine=2,col=7,endColumn=13,title=Mutant survived%3A ConditionalExpression::Changing "a >= b" to "true" does not fail any test: 1 test ran with the change and passed.',
        '',
      ].join('\n'),
    );
    expect(renderGithubAnnotations(ciRun({ since: { ...SINCE, changed: {} } }))).toBe('');
  });

  it('uses file names relative to the project when no repository root is given', () => {
    expect(renderGithubAnnotations(ciRun()).split('\n')[1]).toMatch(/^::warning file=src\/price\.ts,line=2,/);
  });

  it('says why a mutant has no coverage when it knows', () => {
    const run = runResult({
      files: [{ name: 'src/a.ts', text: 'x' }],
      mutants: [mutantOnLine('NoCoverage', 1, { statusReason: 'reached only by flaky tests: test/a.test.ts > flips' })],
    });
    expect(renderGithubAnnotations(run)).toBe(
      '::notice file=src/a.ts,line=1,endLine=1,col=1,endColumn=2,title=Mutant not covered%3A EqualityOperator::No test runs this code: changing "x" to "x" would go unnoticed (reached only by flaky tests: test/a.test.ts > flips).\n',
    );
  });

  it(`prints at most ${ANNOTATIONS_PER_KIND} of each kind, one mutant per line before a second on any line, and counts them all`, () => {
    const lines = [1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    const run = runResult({
      files: [{ name: 'src/a.ts', text: 'x' }],
      mutants: [
        ...lines.map((line) => mutantOnLine('Survived', line, { start: line * 10 })),
        ...[1, 2].map((line) => mutantOnLine('NoCoverage', line, { start: line * 10 + 1 })),
      ],
    });
    const printed = renderGithubAnnotations(run).trimEnd().split('\n');
    const where = (level: string) => printed.filter((line) => line.startsWith(`::${level} `)).map((line) => Number(/,line=(\d+),/.exec(line)?.[1]));
    expect(where('warning')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(where('notice')).toEqual([1, 2]);
    expect(annotationCounts(run)).toEqual({ survived: { shown: 10, total: 13 }, noCoverage: { shown: 2, total: 2 } });
    // Line 1's second and third survivors come after every other line's first.
    const spread = runResult({ files: [{ name: 'src/a.ts', text: 'x' }], mutants: [1, 1, 1, 5].map((line, i) => mutantOnLine('Survived', line, { start: i })) });
    expect(renderGithubAnnotations(spread).trimEnd().split('\n').map((line) => /,line=(\d+),/.exec(line)?.[1])).toEqual(['1', '5', '1', '1']);
  });
});

describe('workflow command escaping', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    // An already escaped sequence stays literal: % goes first.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('escapes every property, a file name with a comma or colon included', () => {
    expect(
      formatAnnotation({ level: 'warning', file: 'src/a,b:c.ts', line: 3, endLine: 3, col: 1, endColumn: 4, title: 'Mutant survived: X', message: 'a: b, c%\nd' }),
    ).toBe('::warning file=src/a%2Cb%3Ac.ts,line=3,endLine=3,col=1,endColumn=4,title=Mutant survived%3A X::a: b, c%25%0Ad');
  });
});

describe('reportToGithubActions', () => {
  it('prints the annotations and appends the summary to $GITHUB_STEP_SUMMARY, keeping what is there', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'assay-gha-'));
    try {
      const summary = path.join(dir, 'summary.md');
      await writeFile(summary, '# Earlier step\n');
      let stdout = '';
      const file = await reportToGithubActions(ciRun({ since: SINCE }), {
        env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: '/repo' },
        stdout: { write: (text: string) => (stdout += text) },
        failures: ['Final mutation score 42.86 is under break threshold 60.'],
      });
      expect(file).toBe(summary);
      expect(stdout.split('\n').filter(Boolean)).toHaveLength(2);
      expect(stdout).toMatch(/^::warning file=app\/src\/price\.ts,line=2,/);
      const text = await readFile(summary, 'utf8');
      expect(text.startsWith('# Earlier step\n## Mutation score: ')).toBe(true);
      expect(text).toContain('- ✗ Final mutation score 42.86 is under break threshold 60.');
      expect(text).toContain('Annotated in the code: 2 surviving mutants (warnings).');
      expect(text.endsWith('|\n')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes no summary without $GITHUB_STEP_SUMMARY', async () => {
    let stdout = '';
    const file = await reportToGithubActions(ciRun(), { env: { GITHUB_ACTIONS: 'true' }, stdout: { write: (text: string) => (stdout += text) } });
    expect(file).toBeUndefined();
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(4);
  });
});
