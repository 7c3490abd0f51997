/**
 * What `assay run` and `assay merge` do with a finished RunResult, in one place: print the table,
 * write every report (JSON, HTML, CI outputs, coverage files, summary, contexts, and for a
 * `--shard` run its shard file), check the thresholds and return the exit code.
 *
 * A shard's figures are those of part of the mutants, so a shard run checks no threshold: the
 * merge of all shards does, on the whole.
 */
import { resolve } from 'node:path';
import type { Options, RunResult } from '../model.js';
import { renderClearText } from '../report/clear-text.js';
import { writeJsonReport } from '../report/json-report.js';
import { writeHtmlReport } from '../report/html-report.js';
import { writeCiReports } from '../report/ci.js';
import { breakThresholdFailure } from '../report/exit-code.js';
import { writeCoverageFiles } from '../report/coverage-files.js';
import { summarise, writeSummary } from '../report/summary.js';
import { thresholdFailures } from '../report/module-thresholds.js';
import { ratchetFailures, type Baseline } from '../report/baseline.js';
import { CONTEXTS_FILE, writeContexts } from '../report/contexts.js';
import { JOURNAL_FILE } from '../report/journal.js';
import { assayVersion } from '../report/version.js';
import { recordHistory } from '../report/history.js';
import { shardFileName, writeShardFile } from '../shard/shard-file.js';
import type { SignalStop } from './signals.js';

export const SUMMARY_FILE = 'reports/assay-summary.json';

export interface ReportContext {
  /** The `--ratchet` baseline, read before the run. */
  baseline?: Baseline;
  /** The signal handlers of an interruptible run: what an interrupted result reports and exits with. */
  stop?: Pick<SignalStop, 'received' | 'exitCode'>;
}

/** Writes every report of `result` and returns the exit code (0, 1 when a threshold is missed, 130/143 after a signal). */
export async function reportRun(result: RunResult, options: Options, context: ReportContext = {}): Promise<number> {
  const { baseline, stop } = context;
  // The per-module figures: the summary file, the history and the ratchet all read them.
  const summary = summarise(result);
  const warn = (message: string) => process.stderr.write(`assay: warning: ${message}\n`);
  for (const test of result.flakyTests) warn(`flaky test ${test.fileName} > ${test.name} (${test.reason}): it kills no mutant`);

  if (options.reporters.includes('clear-text')) {
    process.stdout.write(`${renderClearText(result, { color: Boolean(process.stdout.isTTY) })}\n`);
  }
  if (options.reporters.includes('json')) {
    const file = resolve(options.projectRoot, options.jsonReportFile);
    await writeJsonReport(result, file);
    process.stderr.write(`assay: JSON report written to ${options.jsonReportFile}\n`);
  }
  // A complete full run appends its figures to the history (not a --since, --shard or interrupted run); the HTML report charts it.
  const history = await recordHistory(result, { file: resolve(options.projectRoot, options.historyFile), label: options.historyFile }, { assay: assayVersion, warn, summary });
  if (options.reporters.includes('html')) {
    const file = 'reports/mutation/index.html';
    await writeHtmlReport(result, resolve(options.projectRoot, file), history);
    process.stderr.write(`assay: HTML report written to ${file}\n`);
  }
  // markdown, junit and sarif reporters; on GitHub Actions (GITHUB_ACTIONS=true) annotations and the step summary.
  const judged = result.shard === undefined;
  const failed = {
    breakThreshold: judged ? breakThresholdFailure(result) : undefined,
    modules: judged ? thresholdFailures(result, options.modules) : [],
    ratchet: baseline === undefined || !judged ? [] : ratchetFailures(summary, baseline, options.ratchet.tolerance),
  };
  const failures = [...(failed.breakThreshold === undefined ? [] : [failed.breakThreshold]), ...failed.modules, ...failed.ratchet.map((line) => `below the baseline: ${line}`)];
  // A shard's GitHub annotations and step summary would show part of the run: the merge makes them for the whole.
  const env = judged ? process.env : { ...process.env, GITHUB_ACTIONS: 'false' };
  await writeCiReports(result, { reporters: options.reporters, env, stdout: process.stdout, stderr: process.stderr, failures });
  // Coverage outputs and the saved contexts (for which-tests) are written on every run.
  await writeCoverageFiles(result, resolve(options.projectRoot, 'reports/coverage'));
  await writeSummary(summary, resolve(options.projectRoot, SUMMARY_FILE));
  await writeContexts(result, resolve(options.projectRoot, CONTEXTS_FILE));
  if (result.shard !== undefined) {
    const file = shardFileName(result.shard);
    await writeShardFile({ ...result, shard: result.shard }, assayVersion, resolve(options.projectRoot, file));
    process.stderr.write(
      `assay: shard ${result.shard.index} of ${result.shard.count} (${result.mutants.length} of ${result.shard.mutants} mutants) written to ${file}; 'assay merge' joins the shards and checks the thresholds\n`,
    );
  }
  if (result.interrupted) {
    const finished = result.mutants.filter((mutant) => mutant.status !== 'Pending').length;
    process.stderr.write(
      `assay: interrupted (${stop?.received() ?? 'a signal'}): ${finished} of ${result.mutants.length} mutants have a verdict, written to the reports and ${JOURNAL_FILE}; the others are Pending\n`,
    );
    return stop?.exitCode() ?? 130;
  }
  process.stderr.write(`assay: coverage written to reports/coverage/ (lcov.info, coverage-final.json) and ${SUMMARY_FILE}\n`);
  const indented = (lines: readonly string[]) => lines.map((line) => `  ${line}\n`).join('');
  if (failed.breakThreshold !== undefined) process.stderr.write(`assay: ${failed.breakThreshold}\n`);
  if (failed.modules.length > 0) process.stderr.write(`assay: thresholds not met ("assay.modules"):\n${indented(failed.modules)}`);
  if (failed.ratchet.length > 0) {
    process.stderr.write(`assay: below the baseline (${options.ratchet.baseline}, tolerance ${options.ratchet.tolerance}):\n${indented(failed.ratchet)}`);
  }
  return failures.length > 0 ? 1 : 0;
}
