/**
 * assay's Node API: `run` does what `assay run` does and returns the result data the reporters
 * use; `loadOptions` and `runPipeline` are its two steps. (The CLI in src/cli is a thin layer over
 * these.)
 */
export { run, type RunInput } from './run.js';
export { UserError } from './errors.js';
export { loadOptions, type CliOverrides } from './config/index.js';
export { runPipeline, type PipelineEvents } from './pipeline.js';
export type * from './model.js';
