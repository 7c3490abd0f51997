/**
 * `assay merge <shard files…>`: joins the shard files of a `--shard i/n` run (see merge/index.ts)
 * and reports the whole as `assay run` does (report-run.ts): the same reports, thresholds,
 * `assay.modules`, `--ratchet` and exit codes, with the merge's own config and flags.
 */
import { resolve } from 'node:path';
import { loadOptions } from '../config/index.js';
import { mergeShards } from '../merge/index.js';
import { readBaseline } from '../report/baseline.js';
import { readShardFile } from '../shard/shard-file.js';
import { reportRun } from './report-run.js';

export interface MergeFlags {
  configFile?: string;
  reporters?: string[];
  thresholdBreak?: number;
  ratchet?: boolean;
  baseline?: string;
  ratchetTolerance?: number;
}

export async function mergeCommand(files: readonly string[], flags: MergeFlags): Promise<number> {
  const cwd = process.cwd();
  const { options, warnings } = await loadOptions({
    cwd,
    configFile: flags.configFile,
    cli: { reporters: flags.reporters, thresholdBreak: flags.thresholdBreak, ratchet: flags.ratchet, baseline: flags.baseline, ratchetTolerance: flags.ratchetTolerance },
  });
  const warn = (message: string) => process.stderr.write(`assay: warning: ${message}\n`);
  warnings.forEach(warn);
  const baseline = options.ratchet.enabled ? await readBaseline(resolve(options.projectRoot, options.ratchet.baseline), options.ratchet.baseline) : undefined;
  const shards = [];
  for (const file of files) shards.push(await readShardFile(resolve(cwd, file), file));
  const merged = mergeShards(shards, { projectRoot: options.projectRoot, thresholds: options.thresholds });
  merged.warnings.forEach(warn);
  process.stderr.write(`assay: merged ${shards.length} shards: ${merged.result.mutants.length} mutants\n`);
  return reportRun(merged.result, options, { baseline });
}
