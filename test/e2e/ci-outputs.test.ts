/**
 * CI outputs of the real command on the weak-assertions fixture (24 of 40 mutants survive, on 11
 * lines): in a GitHub Actions job the annotations on stdout and the summary appended to
 * $GITHUB_STEP_SUMMARY; and the markdown, junit and sarif reporters' files.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { repoRoot, withFixtureCopy } from '../support/assay.js';
import { sarifSchemaErrors } from '../support/sarif-schema.js';
import { parseXml } from '../support/xml.js';

const assayBin = path.join(repoRoot, 'bin/assay.js');

describe('CI outputs', () => {
  it('on GitHub Actions annotates survivors and appends the summary; writes markdown, junit and sarif files', async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'assay-ci-e2e-'));
    try {
      const stepSummary = path.join(scratch, 'step-summary.md');
      await writeFile(stepSummary, '# Build\n\nAn earlier step wrote this.\n');
      await withFixtureCopy('weak-assertions', async (dir) => {
        // The workspace is the project's parent: the project is a subdirectory of the "repository".
        const workspace = path.dirname(dir);
        const sub = path.basename(dir);
        const run = await execa(process.execPath, [assayBin, 'run', '--reporters', 'markdown,junit,sarif'], {
          cwd: dir,
          reject: false,
          env: { FORCE_COLOR: '0', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: stepSummary, GITHUB_WORKSPACE: workspace },
        });
        const stdout = String(run.stdout);
        const stderr = String(run.stderr);
        expect(run.exitCode, stderr).toBe(0);

        // stdout holds only the workflow commands: 10 warnings (GitHub's limit per step), the first survivor of each line in order.
        const annotations = stdout.split('\n').filter((line) => line !== '');
        expect(annotations).toHaveLength(10);
        expect(annotations.every((line) => line.startsWith(`::warning file=${sub}/src/cart.ts,line=`))).toBe(true);
        expect(annotations.map((line) => Number(/,line=(\d+),/.exec(line)?.[1]))).toEqual([16, 18, 19, 20, 22, 23, 29, 34, 39, 40]);
        expect(annotations[0]).toBe(
          `::warning file=${sub}/src/cart.ts,line=16,endLine=16,col=21,endColumn=70,title=Mutant survived%3A StringLiteral::Changing "\`Quantity must be positive, got \${item.quantity}\`" to "\`\`" does not fail any test: 1 test ran with the change and passed.`,
        );
        expect(annotations[9]).toMatch(
          new RegExp(`^::warning file=${sub}/src/cart\\.ts,line=40,endLine=40,col=23,endColumn=35,title=Mutant survived%3A ArithmeticOperator::Changing "amount \\* 0\\.9" to "amount / 0\\.9" does not fail any test: \\d+ tests? ran with the change and passed\\.$`),
        );

        expect(stderr).toContain('assay: Markdown summary written to reports/assay-summary.md\n');
        expect(stderr).toContain('assay: JUnit report written to reports/junit.xml\n');
        expect(stderr).toContain('assay: SARIF report written to reports/assay.sarif\n');
        expect(stderr).toContain('assay: summary appended to $GITHUB_STEP_SUMMARY\n');

        // The step summary: appended after what was there.
        const summary = await readFile(stepSummary, 'utf8');
        expect(summary.startsWith('# Build\n\nAn earlier step wrote this.\n## Mutation score: 40.00%\n')).toBe(true);
        expect(summary).toContain('\n| `src/cart.ts` | 100.00 | 100.00 | 40 | 16 | 24 | 0 | 0 | 0 | 40.00 | 40.00 | 11 |\n');
        expect(summary).toContain(
          '\n### Undetected mutants (24)\n\nAnnotated in the code: 10 of 24 surviving mutants (warnings); GitHub shows at most 10 annotations of a kind per step; the table lists them all.\n',
        );
        expect(summary).toContain('\n| `src/cart.ts:34:10` | EqualityOperator | `amount >= FREE_SHIPPING_FROM` → `amount > FREE_SHIPPING_FROM` | survived |\n');
        expect(summary).toContain('\n| `src/cart.ts:48:10` | ArithmeticOperator | `discounted + shipping(discounted)` → `discounted - shipping(discounted)` | survived |\n');

        // The markdown reporter's file: the same summary, without the GitHub-only annotation note.
        const markdown = await readFile(path.join(dir, 'reports/assay-summary.md'), 'utf8');
        expect(summary.endsWith(markdown.replace('\n\n### Undetected mutants (24)\n\n', '\n\n### Undetected mutants (24)\n\nAnnotated in the code: 10 of 24 surviving mutants (warnings); GitHub shows at most 10 annotations of a kind per step; the table lists them all.\n\n'))).toBe(true);

        const junit = parseXml(await readFile(path.join(dir, 'reports/junit.xml'), 'utf8'));
        expect(junit.attributes).toMatchObject({ tests: '40', failures: '24', errors: '0', skipped: '0' });
        expect(junit.children.map((suite) => suite.attributes.name)).toEqual(['src/cart.ts']);
        expect(junit.children[0].children.filter((testcase) => testcase.children.some((child) => child.name === 'failure'))).toHaveLength(24);
        expect(junit.children[0].children.map((testcase) => testcase.attributes.name)).toContain('EqualityOperator amount >= FREE_SHIPPING_FROM → amount > FREE_SHIPPING_FROM (src/cart.ts:34:10)');

        const sarif = JSON.parse(await readFile(path.join(dir, 'reports/assay.sarif'), 'utf8'));
        expect(sarifSchemaErrors(sarif)).toEqual([]);
        expect(sarif.runs[0].results).toHaveLength(24);
        expect(new Set(sarif.runs[0].results.map((result: any) => result.level))).toEqual(new Set(['warning']));
        expect(new Set(sarif.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set([`${sub}/src/cart.ts`]));
      });
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
