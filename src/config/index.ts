/** Public surface of the config stage. */
export { loadOptions, type LoadOptionsInput } from './load-options.js';
export type { CliOverrides } from './cli-overrides.js';
