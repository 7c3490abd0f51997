/**
 * The `assay` command: parses flags, runs the pipeline, prints reports and sets the exit code.
 * A thin layer: everything it shows comes from the pipeline's RunResult.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { InternalError, UserError, usageMessage } from '../errors.js';
import { loadOptions, type CliOverrides } from '../config/index.js';
import { runPipeline } from '../pipeline.js';
import { createProgress, type Progress } from '../report/progress.js';
import { assayVersion } from '../report/version.js';
import type { Summary } from '../report/summary.js';
import { baselineOf, readBaseline, writeBaseline } from '../report/baseline.js';
import { whichTests } from '../report/contexts.js';
import { JOURNAL_FILE, openJournal, type Journal } from '../report/journal.js';
import { Interrupted } from '../interrupt.js';
import type { ChangedSince } from '../model.js';
import { stopOnSignals } from './signals.js';
import { addTrendCommand } from './trend-command.js';
import { reportRun, SUMMARY_FILE } from './report-run.js';
import { trace } from '../trace.js';
import { mergeCommand, type MergeFlags } from './merge-command.js';
import { reuseMessage } from '../incremental/reuse.js';

/** Exit codes: 0 ok, 1 score below thresholds.break, 2 user error, 3 initial test run failed, 4 internal error. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UserError || error instanceof InternalError) {
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
    .option('--reporters <names>', 'comma-separated: clear-text, progress, json, html, markdown, junit, sarif', list)
    .option('--coverage-analysis <mode>', 'perTest (default), all or off')
    .option('--checkers <names>', 'typescript: mutants that do not type-check are CompileError, never run', list)
    .option('--no-equivalence-filter', 'run mutants that compile to the original code (or to another mutant\'s) too')
    .option('--disable-bail', 'run every covering test, even after one fails')
    .option('--ignore-static', 'do not run mutants reached only while modules load')
    .option('--threshold-break <score>', 'exit 1 when the mutation score is below this', number)
    .option('--vitest-config-file <path>', 'vitest config file')
    .option('--isolation <mode>', 'batch (default: many mutants per vitest run) or full (a fresh vitest run per mutant)')
    .option('--memory-limit <mb>', 'heap limit of each test thread in MB (default 1024); a mutant that needs more is killed', integer)
    .option('--since <ref>', 'mutate only the lines changed since the merge-base of <ref> and HEAD, e.g. origin/main')
    .option('--ratchet', "exit 1 when a module's mutation score or coverage drops below the baseline ('assay baseline save')")
    .option('--baseline <file>', 'baseline file for --ratchet (default assay-baseline.json)')
    .option('--ratchet-tolerance <points>', 'how many points a figure may drop under --ratchet (default 0)', number)
    .option('--shard <i/n>', "run only shard i of n (e.g. 2/3) and write reports/assay-shard-<i>-of-<n>.json for 'assay merge'")
    .option('--incremental', 'reuse the verdicts of the incremental store (reports/assay-incremental.json) whose inputs did not change; write it when done')
    .option('--resume', "continue an interrupted run: reuse the verdicts of its journal (reports/assay-journal.jsonl) whose inputs did not change")
    .option('--force', 'reuse no stored or journalled verdict: run every mutant (--incremental still writes the store)')
    .exitOverride()
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags);
    });
  program
    .command('merge')
    .description("join the shard files of 'assay run --shard i/n' into the full reports, and check the thresholds on the whole")
    .argument('<files...>', 'every shard file, e.g. reports/assay-shard-*.json')
    .option('-c, --config-file <path>', 'config file (default: stryker.config.json and friends)')
    .option('--reporters <names>', 'comma-separated: clear-text, json, html, markdown, junit, sarif', list)
    .option('--threshold-break <score>', 'exit 1 when the mutation score is below this', number)
    .option('--ratchet', "exit 1 when a module's mutation score or coverage drops below the baseline ('assay baseline save')")
    .option('--baseline <file>', 'baseline file for --ratchet (default assay-baseline.json)')
    .option('--ratchet-tolerance <points>', 'how many points a figure may drop under --ratchet (default 0)', number)
    .exitOverride()
    .action(async (files: string[], flags: MergeFlags) => {
      process.exitCode = await mergeCommand(files, flags);
    });
  program
    .command('baseline')
    .description('the committed per-module figures --ratchet compares with')
    .command('save')
    .description("save the last full run's per-module figures (reports/assay-summary.json) as the baseline")
    .option('--baseline <file>', 'where (default assay-baseline.json, or "assay.baseline" in stryker.config.json)')
    .exitOverride()
    .action(async (flags: { baseline?: string }) => {
      process.exitCode = await saveBaselineCommand(flags.baseline);
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
  addTrendCommand(program);
  return program;
}

interface RunFlags {
  configFile?: string;
  mutate?: string[];
  concurrency?: number;
  timeoutMs?: number;
  timeoutFactor?: number;
  reporters?: string[];
  checkers?: string[];
  /** false with --no-equivalence-filter; commander makes it true otherwise, which must not override the config file. */
  equivalenceFilter?: boolean;
  coverageAnalysis?: string;
  disableBail?: boolean;
  ignoreStatic?: boolean;
  thresholdBreak?: number;
  vitestConfigFile?: string;
  isolation?: string;
  memoryLimit?: number;
  since?: string;
  ratchet?: boolean;
  baseline?: string;
  ratchetTolerance?: number;
  shard?: string;
  incremental?: boolean;
  resume?: boolean;
  force?: boolean;
}

async function runCommand(flags: RunFlags): Promise<number> {
  const cli: CliOverrides = {
    mutate: flags.mutate,
    concurrency: flags.concurrency,
    timeoutMS: flags.timeoutMs,
    timeoutFactor: flags.timeoutFactor,
    reporters: flags.reporters,
    checkers: flags.checkers,
    equivalenceFilter: flags.equivalenceFilter === false ? false : undefined,
    coverageAnalysis: flags.coverageAnalysis as CliOverrides['coverageAnalysis'],
    disableBail: flags.disableBail,
    ignoreStatic: flags.ignoreStatic,
    thresholdBreak: flags.thresholdBreak,
    vitestConfigFile: flags.vitestConfigFile,
    isolation: flags.isolation,
    memoryLimitMb: flags.memoryLimit,
    since: flags.since,
    ratchet: flags.ratchet,
    baseline: flags.baseline,
    ratchetTolerance: flags.ratchetTolerance,
    shard: flags.shard,
    incremental: flags.incremental,
    resume: flags.resume,
    force: flags.force,
  };
  const { options, warnings } = await loadOptions({ cwd: process.cwd(), configFile: flags.configFile, cli });
  const warn = (message: string) => process.stderr.write(`assay: warning: ${message}\n`);
  warnings.forEach(warn);
  if (options.ratchet.enabled && options.since !== undefined) {
    throw new UserError('--ratchet compares whole modules with the baseline, and --since mutates changed lines only: use one or the other (thresholds in "assay.modules" do apply to changed lines)');
  }
  if (options.ratchet.enabled && options.shard !== undefined) {
    throw new UserError("--ratchet compares the whole run with the baseline, and --shard runs part of it: give --ratchet to 'assay merge'");
  }
  // Read before the run, so a missing or broken baseline costs no run.
  const baseline = options.ratchet.enabled ? await readBaseline(resolve(options.projectRoot, options.ratchet.baseline), options.ratchet.baseline) : undefined;

  let progress: Progress | undefined;
  let journal: Journal | undefined;
  const stop = stopOnSignals(process.stderr);
  let result;
  try {
    result = await runPipeline(
      options,
      {
        // While the progress bar is up, a warning goes above it.
        warn: (message) => (progress === undefined ? warn(message) : progress.log(`assay: warning: ${message}\n`)),
        reused: (info) => process.stderr.write(`assay: ${reuseMessage(info)}\n`),
        planned: ({ mutants, toRun, tests, dryRunMs, testFiles, equivalent, duplicates, typeChecked }) => {
          const unrelated = testFiles.found - testFiles.related;
          const skipped = unrelated === 0 ? '' : `; ${unrelated} of ${testFiles.found} test files cannot reach the mutated files and did not run`;
          const filtered = [
            ...(equivalent > 0 ? [`${equivalent} equivalent to the original code (Ignored)`] : []),
            ...(duplicates > 0 ? [`${duplicates} duplicates, each taking the verdict of a mutant that compiles to the same code`] : []),
          ];
          process.stderr.write(
            `assay: ${mutants} mutants, ${toRun} to run${typeChecked ? ' (less those that do not type-check)' : ''} against ${tests} tests (initial run ${(dryRunMs / 1000).toFixed(1)} s${skipped})${filtered.length > 0 ? `; ${filtered.join(', ')}` : ''}\n`,
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
    progress?.done();
    journal?.close();
    stop.dispose();
  }
  if (result.since !== undefined && result.mutants.length === 0) {
    process.stderr.write(`assay: ${nothingToTest(result.since)}\n`);
    return 0;
  }
  trace('pipeline done');
  const code = await reportRun(result, options, { baseline, stop });
  trace('reports written');
  return code;
}

/** `assay baseline save`: the last run's summary, as the baseline file. */
async function saveBaselineCommand(file: string | undefined): Promise<number> {
  const { options } = await loadOptions({ cwd: process.cwd(), cli: { baseline: file } });
  let summary: Summary;
  try {
    summary = JSON.parse(await readFile(resolve(options.projectRoot, SUMMARY_FILE), 'utf8')) as Summary;
  } catch {
    throw new UserError(`no ${SUMMARY_FILE} to save: run 'assay run' first`);
  }
  const baseline = baselineOf(summary, assayVersion, new Date());
  await writeBaseline(baseline, resolve(options.projectRoot, options.ratchet.baseline));
  process.stderr.write(`assay: baseline of ${Object.keys(baseline.modules).length} modules written to ${options.ratchet.baseline}: commit it, then 'assay run --ratchet' fails when a figure drops\n`);
  return 0;
}

/** Why a `--since` run had nothing to test: no changed line in the selected files, or no mutant on one. */
function nothingToTest({ ref, base, changed }: ChangedSince): string {
  const since = `since ${ref} (merge-base ${base.slice(0, 7)}) in the files "mutate" selects: nothing to test`;
  return Object.keys(changed).length === 0 ? `no changes ${since}` : `no mutants on the lines changed ${since}`;
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
