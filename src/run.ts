/**
 * The Node API's one call: what `assay run` does, without a terminal. Options come from the
 * project's stryker.config.json (or `configFile`) in `cwd`, with `overrides` over them exactly as
 * the CLI's flags; then the pipeline runs. Nothing is written: the RunResult that comes back is
 * the data every reporter reads. A user's mistake rejects with a UserError (its message is the
 * CLI's one line); `signal` stops the run as Ctrl-C does.
 */
import { loadOptions, type CliOverrides } from './config/index.js';
import type { RunResult } from './model.js';
import { runPipeline, type PipelineEvents } from './pipeline.js';

export interface RunInput {
  /** The project's root (default: the current directory). */
  cwd?: string;
  /** A config file other than stryker.config.json and its siblings. */
  configFile?: string;
  /** What the CLI's flags set: `{ mutate: ['src/cart.ts'], concurrency: 2, since: 'origin/main' }`. */
  overrides?: CliOverrides;
  /** Progress: warnings (config ones included), the plan, each verdict as it arrives. */
  events?: PipelineEvents;
  signal?: AbortSignal;
}

export async function run({ cwd = process.cwd(), configFile, overrides = {}, events = {}, signal }: RunInput = {}): Promise<RunResult> {
  const { options, warnings } = await loadOptions({ cwd, configFile, cli: overrides });
  warnings.forEach((warning) => events.warn?.(warning));
  return runPipeline(options, events, signal);
}
