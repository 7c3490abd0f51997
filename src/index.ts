/**
 * assay's Node API: load options as the CLI does, run the pipeline, and get the same result data
 * the reporters use. (The CLI in src/cli is a thin layer over these.)
 */
export { loadOptions, type CliOverrides } from './config/index.js';
export { runPipeline, type PipelineEvents } from './pipeline.js';
export type * from './model.js';
