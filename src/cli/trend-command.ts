/**
 * `assay trend [--last N] [--module <glob>]`: prints the per-module trend tables of the run
 * history (`assay.historyFile`) on stdout, without running anything; warnings go to stderr.
 */
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { loadOptions } from '../config/index.js';
import { DEFAULT_TREND_RUNS, trendReport } from '../report/trend.js';

export interface TrendFlags {
  configFile?: string;
  last: number;
  module?: string;
}

/** Adds the `trend` command to `program`. */
export function addTrendCommand(program: Command): void {
  program
    .command('trend')
    .description('per module, the mutation score and coverage of the last runs with the change since the run before (from the history, no re-run)')
    .option('-c, --config-file <path>', 'config file (default: stryker.config.json and friends)')
    .option('--last <n>', 'how many of the latest runs to show', positiveInteger, DEFAULT_TREND_RUNS)
    .option('--module <glob>', 'only the modules (files, directories, "All files") the glob matches, e.g. "src/payments/**"')
    .exitOverride()
    .action(async (flags: TrendFlags) => {
      process.exitCode = await trendCommand(flags);
    });
}

async function trendCommand(flags: TrendFlags): Promise<number> {
  const { options } = await loadOptions({ cwd: process.cwd(), configFile: flags.configFile, cli: {} });
  const warn = (message: string) => process.stderr.write(`assay: warning: ${message}\n`);
  const text = await trendReport(resolve(options.projectRoot, options.historyFile), options.historyFile, { last: flags.last, module: flags.module }, warn);
  process.stdout.write(`${text}\n`);
  return 0;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}
