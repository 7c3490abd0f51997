/**
 * The `assay` command: parses flags, runs the pipeline, prints reports and sets the exit code.
 * A thin layer: everything it shows comes from the pipeline's RunResult.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { UserError, usageMessage } from '../errors.js';
import { loadOptions, type CliOverrides } from '../config/index.js';
import { runPipeline } from '../pipeline.js';
import { renderClearText } from '../report/clear-text.js';
import { writeJsonReport } from '../report/json-report.js';
import { writeHtmlReport } from '../report/html-report.js';
import { breakThresholdFailure } from '../report/exit-code.js';
import { createProgress, type Progress } from '../report/progress.js';
import { assayVersion } from '../report/version.js';
import { writeCoverageFiles } from '../report/coverage-files.js';
import { writeSummary } from '../report/summary.js';
import { CONTEXTS_FILE, whichTests, writeContexts } from '../report/contexts.js';
import { JOURNAL_FILE, openJournal, type Journal } from '../report/journal.js';
import { Interrupted } from '../interrupt.js';
import { stopOnSignals } from './signals.js';

const SUMMARY_FILE = 'reports/assay-summary.json';

/** Exit codes: 0 ok, 1 score below thresholds.break, 2 user error, 3 initial test run failed. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError) {
      process.stderr.write(`assay: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

function buildProgram(): Command {
  const program = new Command('assay')
    .description('Mutation testing for vitest projects: which covered code do your tests actually check?')
    .version(assayVersion, '-v, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(usageMessage(text)) });
  program
    .command('run')
    .description('mutation-test the project in the current directory')
    .option('-c, --config-file <path>', 'config file (default: stryker.config.json and friends)')
    .option('-m, --mutate <globs>', 'files to mutate, comma-separated globs (overrides "mutate")', list)
    .option('--concurrency <n>', 'worker threads (default: number of cores)', integer)
    .option('--timeout-ms <ms>', 'extra time a mutant run may take (default 5000)', number)
    .option('--timeout-factor <x>', 'factor on the expected run time (default 1.5)', number)
    .option('--reporters <names>', 'comma-separated: clear-text, progress, json, html', list)
    .option('--coverage-analysis <mode>', 'perTest (default), all or off')
    .option('--disable-bail', 'run every covering test, even after one fails')
    .option('--ignore-static', 'do not run mutants reached only while modules load')
    .option('--threshold-break <score>', 'exit 1 when the mutation score is below this', number)
    .option('--vitest-config-file <path>', 'vitest config file')
    .option('--isolation <mode>', 'batch (default: many mutants per vitest run) or full (a fresh vitest run per mutant)')
    .option('--memory-limit <mb>', 'heap limit of each test thread in MB (default 1024); a mutant that needs more is killed', integer)
    .exitOverride()
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
  program
    .command('which-tests')
    .description('list the tests that run a line, from the last run (no re-run)')
    .argument('<file:line>', 'e.g. src/cart.ts:42')
    .exitOverride()
    .action(async (spec: string) => {
      const answer = await whichTests(process.cwd(), spec);
      process.stdout.write(`${answer.join('\n')}\n`);
    });
  return program;
}

interface RunFlags {
  configFile?: string;
  mutate?: string[];
  concurrency?: number;
  timeoutMs?: number;
  timeoutFactor?: number;
  reporters?: string[];
  coverageAnalysis?: string;
  disableBail?: boolean;
  ignoreStatic?: boolean;
  thresholdBreak?: number;
  vitestConfigFile?: string;
  isolation?: string;
  memoryLimit?: number;
}

async function runCommand(flags: RunFlags): Promise<number> {
  const cli: CliOverrides = {
    mutate: flags.mutate,
    concurrency: flags.concurrency,
    timeoutMS: flags.timeoutMs,
    timeoutFactor: flags.timeoutFactor,
    reporters: flags.reporters,
    coverageAnalysis: flags.coverageAnalysis as CliOverrides['coverageAnalysis'],
    disableBail: flags.disableBail,
    ignoreStatic: flags.ignoreStatic,
    thresholdBreak: flags.thresholdBreak,
    vitestConfigFile: flags.vitestConfigFile,
    isolation: flags.isolation,
    memoryLimitMb: flags.memoryLimit,
  };
  const { options, warnings } = await loadOptions({ cwd: process.cwd(), configFile: flags.configFile, cli });
  const warn = (message: string) => process.stderr.write(`assay: warning: ${message}\n`);
  warnings.forEach(warn);

  let progress: Progress | undefined;
  let journal: Journal | undefined;
  const stop = stopOnSignals(process.stderr);
  let result;
  try {
    result = await runPipeline(
      options,
      {
        warn,
        planned: ({ mutants, toRun, tests, dryRunMs }) => {
          process.stderr.write(
            `assay: ${mutants} mutants, ${toRun} to run against ${tests} tests (initial run ${(dryRunMs / 1000).toFixed(1)} s)\n`,
          );
          journal = openJournal(resolve(options.projectRoot, JOURNAL_FILE), { assay: assayVersion, startedAt: new Date().toISOString(), mutants });
          if (options.reporters.includes('progress')) progress = createProgress(mutants, process.stderr);
        },
        result: (mutant) => {
          journal?.append(mutant);
          progress?.tick(mutant.status);
        },
        revised: (mutant) => journal?.append(mutant),
      },
      stop.signal,
    );
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    process.stderr.write(`assay: interrupted (${stop.received()}) before any mutant ran: nothing to report\n`);
    return stop.exitCode();
  } finally {
    journal?.close();
    stop.dispose();
  }
  progress?.done();
  for (const test of result.flakyTests) warn(`flaky test ${test.fileName} > ${test.name} (${test.reason}): it kills no mutant`);

  if (options.reporters.includes('clear-text')) {
    process.stdout.write(`${renderClearText(result, { color: Boolean(process.stdout.isTTY) })}\n`);
  }
  if (options.reporters.includes('json')) {
    const file = resolve(options.projectRoot, options.jsonReportFile);
    await writeJsonReport(result, file);
    process.stderr.write(`assay: JSON report written to ${options.jsonReportFile}\n`);
  }
  if (options.reporters.includes('html')) {
    const file = 'reports/mutation/index.html';
    await writeHtmlReport(result, resolve(options.projectRoot, file));
    process.stderr.write(`assay: HTML report written to ${file}\n`);
  }
  // Coverage outputs and the saved contexts (for which-tests) are written on every run.
  await writeCoverageFiles(result, resolve(options.projectRoot, 'reports/coverage'));
  await writeSummary(result, resolve(options.projectRoot, SUMMARY_FILE));
  await writeContexts(result, resolve(options.projectRoot, CONTEXTS_FILE));
  if (result.interrupted) {
    const finished = result.mutants.filter((mutant) => mutant.status !== 'Pending').length;
    process.stderr.write(
      `assay: interrupted (${stop.received()}): ${finished} of ${result.mutants.length} mutants have a verdict, written to the reports and ${JOURNAL_FILE}; the others are Pending\n`,
    );
    return stop.exitCode();
  }
  process.stderr.write(`assay: coverage written to reports/coverage/ (lcov.info, coverage-final.json) and ${SUMMARY_FILE}\n`);
  const failure = breakThresholdFailure(result);
  if (failure !== undefined) {
    process.stderr.write(`assay: ${failure}\n`);
    return 1;
  }
  return 0;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function number(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || Number.isNaN(parsed)) throw new InvalidArgumentError('expected a number');
  return parsed;
}

function integer(value: string): number {
  const parsed = number(value);
  if (!Number.isInteger(parsed)) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}
