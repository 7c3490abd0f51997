import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JUNIT_FILE, MARKDOWN_FILE, repositoryRoot, SARIF_FILE, writeCiReports } from '../../../src/report/ci.js';
import { renderMarkdownSummary } from '../../../src/report/markdown.js';
import { onChangedLine, repositoryPath, undetectedOnChangedLines } from '../../../src/report/undetected.js';
import { ciRun } from './ci-fixtures.js';
import { mutantOnLine, runResult } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'assay-ci-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(env: NodeJS.ProcessEnv, reporters: string[]) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      reporters,
      env,
      stdout: { write: (text: string) => (out.stdout += text) },
      stderr: { write: (text: string) => (out.stderr += text) },
      failures: ['Final mutation score 42.86 is under break threshold 60.'],
    },
  };
}

describe('writeCiReports', () => {
  it('writes the markdown, junit and sarif files it is asked for and says so on stderr; nothing GitHub outside GitHub Actions', async () => {
    const project = path.join(dir, 'app');
    const run = ciRun({ projectRoot: project });
    const { out, io: streams } = io({}, ['clear-text', 'markdown', 'junit', 'sarif']);
    await writeCiReports(run, streams);
    expect(out.stderr).toBe(
      [
        'assay: Markdown summary written to reports/assay-summary.md',
        'assay: JUnit report written to reports/junit.xml',
        'assay: SARIF report written to reports/assay.sarif',
        '',
      ].join('\n'),
    );
    expect(out.stdout).toBe('');
    expect(await readFile(path.join(project, MARKDOWN_FILE), 'utf8')).toBe(`${renderMarkdownSummary(run, { failures: streams.failures })}\n`);
    expect(await readFile(path.join(project, JUNIT_FILE), 'utf8')).toMatch(/^<\?xml /);
    expect(JSON.parse(await readFile(path.join(project, SARIF_FILE), 'utf8')).version).toBe('2.1.0');
  });

  it('writes none of the files unless asked', async () => {
    const { out, io: streams } = io({ GITHUB_ACTIONS: 'false' }, ['clear-text']);
    await writeCiReports(ciRun({ projectRoot: dir }), streams);
    expect(out).toEqual({ stdout: '', stderr: '' });
    expect(existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it('on GitHub Actions prints annotations with paths from the workspace and appends the step summary', async () => {
    const project = path.join(dir, 'packages/app');
    const summary = path.join(dir, 'step-summary.md');
    const { out, io: streams } = io({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, GITHUB_STEP_SUMMARY: summary }, ['clear-text']);
    await writeCiReports(ciRun({ projectRoot: project }), streams);
    expect(out.stdout.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(',line=')))).toEqual([
      '::warning file=packages/app/src/price.ts',
      '::warning file=packages/app/src/price.ts',
      '::warning file=packages/app/src/price.ts',
      '::notice file=packages/app/src/price.ts',
    ]);
    expect(out.stderr).toBe('assay: summary appended to $GITHUB_STEP_SUMMARY\n');
    const text = await readFile(summary, 'utf8');
    expect(text).toContain('## Mutation score: 42.86%');
    expect(text).toContain('- ✗ Final mutation score 42.86 is under break threshold 60.');
    expect(text).toContain('Annotated in the code: 3 surviving mutants (warnings) and 1 mutant no test reaches (a notice).');
  });

  it('warns, and goes on, when the step summary cannot be written', async () => {
    const { out, io: streams } = io({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'missing/dir/summary.md') }, []);
    await writeCiReports(ciRun({ projectRoot: dir }), streams);
    expect(out.stdout).toMatch(/^::warning /);
    expect(out.stderr).toMatch(/^assay: warning: cannot append the summary to \$GITHUB_STEP_SUMMARY \(ENOENT/);
  });
});

describe('repositoryRoot', () => {
  it('is the nearest directory with .git, else GITHUB_WORKSPACE when it holds the project, else the project', async () => {
    const project = path.join(dir, 'repo/packages/app');
    await mkdir(project, { recursive: true });
    expect(repositoryRoot(project, {})).toBe(project);
    expect(repositoryRoot(project, { GITHUB_WORKSPACE: path.join(dir, 'repo') })).toBe(path.join(dir, 'repo'));
    expect(repositoryRoot(project, { GITHUB_WORKSPACE: path.join(dir, 'elsewhere') })).toBe(project);
    // A checkout into a subdirectory of the workspace: .git tells where the repository starts.
    await writeFile(path.join(dir, 'repo/packages/.git'), 'gitdir: ../.git/modules/packages\n');
    expect(repositoryRoot(project, { GITHUB_WORKSPACE: dir })).toBe(path.join(dir, 'repo/packages'));
  });
});

describe('changed lines', () => {
  it('counts a mutant when its start line is in a changed range of its file; every mutant without --since', () => {
    const since = { ref: 'main', base: 'abc', changed: { 'src/a.ts': [{ start: 3, end: 5 }, { start: 9, end: 9 }] } };
    const run = runResult({ since });
    const lines = [2, 3, 5, 6, 9, 10];
    expect(lines.filter((line) => onChangedLine(run, mutantOnLine('Survived', line)))).toEqual([3, 5, 9]);
    expect(onChangedLine(run, mutantOnLine('Survived', 3, { fileName: 'src/b.ts' }))).toBe(false);
    expect(lines.every((line) => onChangedLine(runResult(), mutantOnLine('Survived', line)))).toBe(true);
  });

  it('keeps only Survived and NoCoverage mutants', () => {
    const run = runResult({
      files: [{ name: 'src/a.ts', text: '' }],
      mutants: (['Killed', 'Survived', 'NoCoverage', 'Timeout', 'Ignored', 'Pending', 'RuntimeError', 'CompileError'] as const).map((status, i) => mutantOnLine(status, 1, { start: i })),
    });
    expect(undetectedOnChangedLines(run).map((mutant) => mutant.status)).toEqual(['Survived', 'NoCoverage']);
  });

  it('gives paths relative to the repository root, or the file name when the file is outside it', () => {
    expect(repositoryPath('/repo/app', 'src/a.ts', '/repo')).toBe('app/src/a.ts');
    expect(repositoryPath('/repo', 'src/a.ts', '/repo')).toBe('src/a.ts');
    expect(repositoryPath('/elsewhere', 'src/a.ts', '/repo')).toBe('src/a.ts');
  });
});
