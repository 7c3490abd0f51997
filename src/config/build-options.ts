/** Combines validated config-file options and command-line overrides into the pipeline's `Options`. */
import type { Options } from '../model.js';
import type { ParsedCliOverrides } from './cli-overrides.js';
import type { FileOptions } from './file-schema.js';

export function buildOptions(
  projectRoot: string,
  file: FileOptions,
  cli: ParsedCliOverrides,
): Options {
  const vitestConfigFile = cli.vitestConfigFile ?? file.vitest.configFile;
  return {
    projectRoot,
    mutate: cli.mutate ?? file.mutate,
    ignorePatterns: file.ignorePatterns,
    testRunner: file.testRunner,
    vitest: {
      ...(vitestConfigFile !== undefined && { configFile: vitestConfigFile }),
      ...(file.vitest.dir !== undefined && { dir: file.vitest.dir }),
    },
    coverageAnalysis: cli.coverageAnalysis ?? file.coverageAnalysis,
    concurrency: cli.concurrency ?? file.concurrency,
    timeoutMS: cli.timeoutMS ?? file.timeoutMS,
    timeoutFactor: cli.timeoutFactor ?? file.timeoutFactor,
    thresholds: { ...file.thresholds, break: cli.thresholdBreak ?? file.thresholds.break },
    mutator: { excludedMutations: file.mutator.excludedMutations },
    reporters: cli.reporters ?? file.reporters,
    jsonReportFile: file.jsonReporter.fileName,
    checkers: cli.checkers ?? file.checkers,
    tsconfigFile: file.tsconfigFile,
    typescriptChecker: { prioritizePerformanceOverAccuracy: file.typescriptChecker.prioritizePerformanceOverAccuracy },
    equivalenceFilter: cli.equivalenceFilter ?? file.assay.equivalenceFilter,
    disableBail: cli.disableBail ?? file.disableBail,
    ignoreStatic: cli.ignoreStatic ?? file.ignoreStatic,
    isolation: cli.isolation ?? file.assay.isolation,
    memoryLimitMb: cli.memoryLimitMb ?? file.assay.memoryLimitMb,
    ...(cli.since !== undefined && { since: cli.since }),
    ...(cli.shard !== undefined && { shard: cli.shard }),
    modules: file.assay.modules,
    ratchet: {
      enabled: cli.ratchet ?? false,
      baseline: cli.baseline ?? file.assay.baseline,
      tolerance: cli.ratchetTolerance ?? file.assay.ratchetTolerance,
    },
    incremental: {
      enabled: cli.incremental ?? file.assay.incremental,
      file: file.assay.incrementalFile,
      resume: cli.resume ?? false,
      force: cli.force ?? false,
    },
    historyFile: file.assay.historyFile,
  };
}
