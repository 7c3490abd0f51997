/**
 * Command-line overrides: their type, flag names, and validation. Errors name the flag
 * (`--concurrency must be a positive integer, got 0`).
 */
import { z } from 'zod';
import { UserError } from '../errors.js';
import * as field from './fields.js';
import { formatIssues } from './format-issues.js';

/** What the CLI passes in; absent or undefined means "keep the config file's value". */
export interface CliOverrides {
  mutate?: string[];
  concurrency?: number;
  timeoutMS?: number;
  timeoutFactor?: number;
  reporters?: string[];
  checkers?: string[];
  equivalenceFilter?: boolean;
  disableBail?: boolean;
  ignoreStatic?: boolean;
  coverageAnalysis?: string;
  thresholdBreak?: number;
  vitestConfigFile?: string;
  isolation?: string;
  memoryLimitMb?: number;
  since?: string;
  ratchet?: boolean;
  baseline?: string;
  ratchetTolerance?: number;
  /** `--shard i/n`, as typed. */
  shard?: string;
  incremental?: boolean;
  resume?: boolean;
  force?: boolean;
}

const CLI_FLAGS: Readonly<Record<keyof CliOverrides, string>> = {
  mutate: '--mutate',
  concurrency: '--concurrency',
  timeoutMS: '--timeout-ms',
  timeoutFactor: '--timeout-factor',
  reporters: '--reporters',
  checkers: '--checkers',
  equivalenceFilter: '--no-equivalence-filter',
  disableBail: '--disable-bail',
  ignoreStatic: '--ignore-static',
  coverageAnalysis: '--coverage-analysis',
  thresholdBreak: '--threshold-break',
  vitestConfigFile: '--vitest-config-file',
  isolation: '--isolation',
  memoryLimitMb: '--memory-limit',
  since: '--since',
  ratchet: '--ratchet',
  baseline: '--baseline',
  ratchetTolerance: '--ratchet-tolerance',
  shard: '--shard',
  incremental: '--incremental',
  resume: '--resume',
  force: '--force',
};

const cliSchema = z.object({
  mutate: field.mutatePatterns().optional(),
  concurrency: field.positiveInteger().optional(),
  timeoutMS: field.nonNegativeNumber().optional(),
  timeoutFactor: field.nonNegativeNumber().optional(),
  reporters: field.reporters().optional(),
  checkers: field.checkers().optional(),
  equivalenceFilter: field.flag().optional(),
  disableBail: field.flag().optional(),
  ignoreStatic: field.flag().optional(),
  coverageAnalysis: field.coverageAnalysis().optional(),
  thresholdBreak: field.percentage().optional(),
  vitestConfigFile: field.nonEmptyString().optional(),
  isolation: field.isolation().optional(),
  memoryLimitMb: field.positiveInteger().optional(),
  since: field.gitRef().optional(),
  ratchet: field.flag().optional(),
  baseline: field.nonEmptyString().optional(),
  ratchetTolerance: field.nonNegativeNumber().optional(),
  shard: field.shard().optional(),
  incremental: field.flag().optional(),
  resume: field.flag().optional(),
  force: field.flag().optional(),
});

export type ParsedCliOverrides = z.output<typeof cliSchema>;

export function parseCliOverrides(cli: CliOverrides): ParsedCliOverrides {
  const result = cliSchema.safeParse(cli, { reportInput: true });
  if (!result.success) {
    throw new UserError(
      formatIssues(result.error.issues, (path) => CLI_FLAGS[path[0] as keyof CliOverrides]),
    );
  }
  return result.data;
}
