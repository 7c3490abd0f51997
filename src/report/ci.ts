/**
 * The CI outputs of a run, as the CLI writes them: the `markdown`, `junit` and `sarif` reporters'
 * files, and in a GitHub Actions job (`GITHUB_ACTIONS=true`) the annotations on stdout and the
 * summary appended to `$GITHUB_STEP_SUMMARY`. File paths in annotations, JUnit and SARIF are
 * relative to the repository root (see `repositoryRoot`), so a project in a subdirectory of its
 * repository still points at the right files.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { RunResult } from '../model.js';
import { reportToGithubActions } from './github-actions.js';
import { writeJunitReport } from './junit.js';
import { writeMarkdownSummary } from './markdown.js';
import { writeSarifReport } from './sarif.js';

export const MARKDOWN_FILE = 'reports/assay-summary.md';
export const JUNIT_FILE = 'reports/junit.xml';
export const SARIF_FILE = 'reports/assay.sarif';

export interface CiIo {
  reporters: readonly string[];
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Threshold failures, shown in the Markdown summaries. */
  failures?: readonly string[];
}

/** Writes the CI reporters' files (those named in `reporters`) and, on GitHub Actions, its outputs. */
export async function writeCiReports(result: RunResult, io: CiIo): Promise<void> {
  const repoRoot = repositoryRoot(result.projectRoot, io.env);
  const file = (name: string) => path.resolve(result.projectRoot, name);
  if (io.reporters.includes('markdown')) {
    await writeMarkdownSummary(result, file(MARKDOWN_FILE), { failures: io.failures });
    io.stderr.write(`assay: Markdown summary written to ${MARKDOWN_FILE}\n`);
  }
  if (io.reporters.includes('junit')) {
    await writeJunitReport(result, file(JUNIT_FILE), { repoRoot });
    io.stderr.write(`assay: JUnit report written to ${JUNIT_FILE}\n`);
  }
  if (io.reporters.includes('sarif')) {
    await writeSarifReport(result, file(SARIF_FILE), { repoRoot });
    io.stderr.write(`assay: SARIF report written to ${SARIF_FILE}\n`);
  }
  if (io.env.GITHUB_ACTIONS === 'true') {
    try {
      const summary = await reportToGithubActions(result, { env: io.env, stdout: io.stdout, failures: io.failures, repoRoot });
      if (summary !== undefined) io.stderr.write('assay: summary appended to $GITHUB_STEP_SUMMARY\n');
    } catch (error) {
      io.stderr.write(`assay: warning: cannot append the summary to $GITHUB_STEP_SUMMARY (${(error as Error).message})\n`);
    }
  }
}

/**
 * The root of the repository the project is in: the nearest directory at or above it with a
 * `.git`; else `GITHUB_WORKSPACE` when the project lies inside it; else the project itself.
 */
export function repositoryRoot(projectRoot: string, env: NodeJS.ProcessEnv): string {
  for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  const workspace = env.GITHUB_WORKSPACE;
  if (workspace) {
    const relative = path.relative(path.resolve(workspace), path.resolve(projectRoot));
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) return path.resolve(workspace);
  }
  return path.resolve(projectRoot);
}
